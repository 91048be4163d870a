// GET /__sandbox/: the dashboard page. It talks to this origin's admin API only, which the
// Content-Security-Policy enforces (connect-src 'self'); its script is inline, so no other
// file has to be served.
import type { SandboxResponse } from '../core/types.ts'
import { dashboardHtml } from './dashboard.html.ts'

const CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

export function dashboard(): SandboxResponse {
  return {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
    body: dashboardHtml,
  }
}
