// GET /__sandbox/: the dashboard page. It talks to this origin's admin API only, which the
// Content-Security-Policy enforces (connect-src 'self'). Its one script and one style are inline
// and carry a fresh nonce per answer, the only way the policy lets anything run or style: markup
// that ever slipped into the page could not run a script, load one or post a form.
import type { SandboxResponse } from '../core/types.ts'
import { dashboardConfig, dashboardPage } from './dashboard.html.ts'

const policy = (nonce: string) =>
  [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')

/** 128 random bits, base64: WebCrypto's generator, which Node and browsers both have. */
function nonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
}

export function dashboard(): SandboxResponse {
  const n = nonce()
  return {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': policy(n),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
    body: dashboardPage(n, dashboardConfig),
  }
}
