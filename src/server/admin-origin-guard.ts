// The admin API (/__sandbox) is open on loopback, so it must not be reachable from a web page on
// another site. Browsers send "simple" cross-origin POSTs (text/plain, forms) without a
// preflight, and a DNS-rebinding page reaches 127.0.0.1 under its own name. So every admin
// request must:
// - come from no page at all (curl, the CLI, tests: no Origin) or from the sandbox's own origin
//   (the dashboard), and not be a cross-site fetch by the browser's own account (Sec-Fetch-Site);
// - name this machine in `Host`: an IP address, `localhost` (or `*.localhost`), or a host the user
//   allowed (`--allowed-host`, as Vite's `server.allowedHosts`). A rebinding page's Host is its
//   own domain name, and an IP address cannot be rebound;
// - carry `Content-Type: application/json` when it changes state (a POST), which no form or
//   simple request can do; unless it is a bodyless POST from a client that is no browser
//   (`curl -X POST …/reset`, as WireMock's admin API takes it): see `notFromABrowser`.
// Each refusal is a 403 in the admin error shape. Vendor routes are not touched here.
import { isIP } from 'node:net'
import { adminError } from '../admin/errors.ts'
import type { SandboxRequest, SandboxResponse } from '../core/types.ts'
import { isAdminPath } from './admin-guard.ts'
import type { Handle } from './persist.ts'

export interface AdminOriginOptions {
  /**
   * Host names the admin API answers besides IP addresses and localhost: exact names, `.example.test`
   * for a domain and its subdomains, or `*` for any (then only the Origin and content-type checks remain).
   */
  allowedHosts?: readonly string[]
  /** The scheme the server is reached by, for the same-origin check (default http). */
  scheme?: 'http' | 'https'
}

/** The hostname of a `Host` header value (lower-case, IPv6 without brackets), or null if it is not one. */
export function hostnameOf(host: string): string | null {
  // `a.example/path`, `user@a.example` and the like would parse as URLs but are not a host.
  if (host === '' || /[\s/?#@\\]/.test(host)) return null
  try {
    return new URL(`http://${host}`).hostname.replace(/^\[|\]$/g, '')
  } catch {
    return null
  }
}

/** Whether a `Host` header names this machine, or a host the user allowed. */
export function hostAllowed(host: string | undefined, allowedHosts: readonly string[] = []): boolean {
  // HTTP/1.0 clients may send none; no browser does.
  if (host === undefined) return true
  const name = hostnameOf(host)
  if (name === null) return false
  if (isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost')) return true
  return allowedHosts.some((a) => {
    const allowed = a.toLowerCase()
    if (allowed === '*') return true
    if (allowed.startsWith('.')) return name === allowed.slice(1) || name.endsWith(allowed)
    return name === allowed
  })
}

/** The media type of a Content-Type value, lower-case, without parameters. */
export function mediaType(contentType: string | undefined): string {
  if (contentType === undefined) return ''
  const semi = contentType.indexOf(';')
  return (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase()
}

const forbidden = (message: string) => adminError(403, 'forbidden', message)

/** The refusal for an admin request that a page on another site could have sent, or null. */
export function refuseForeignAdminRequest(request: SandboxRequest, options: AdminOriginOptions = {}): SandboxResponse | null {
  const { headers } = request
  if (!hostAllowed(headers['host'], options.allowedHosts)) {
    return forbidden(
      `The admin API answers only requests addressed to this machine (an IP address or localhost), not Host '${clip(headers['host'] ?? '')}'; start the server with --allowed-host to add a name`,
    )
  }
  const origin = headers['origin']
  if (origin !== undefined && !sameOrigin(origin, headers['host'], options.scheme ?? 'http')) {
    return forbidden(`The admin API does not answer pages on other origins (Origin '${clip(origin)}'); it never grants cross-origin access`)
  }
  const site = headers['sec-fetch-site']
  // A top-level navigation (a link to the dashboard) shows the page to the user, not to the site.
  const navigation = headers['sec-fetch-mode'] === 'navigate' && (request.method === 'GET' || request.method === 'HEAD')
  if (site !== undefined && site !== 'same-origin' && site !== 'none' && !navigation) {
    return forbidden(`The admin API does not answer requests a browser makes for another site (Sec-Fetch-Site: ${clip(site)})`)
  }
  // Every admin route that changes state is a POST (a test holds that), and POST is the one such
  // method a page can send without a preflight. Other methods go on to the router's 405.
  if (request.method === 'POST' && mediaType(headers['content-type']) !== 'application/json' && !notFromABrowser(request)) {
    return forbidden(
      `Admin requests that change state must be sent with Content-Type: application/json (got ${headers['content-type'] === undefined ? 'none' : `'${clip(headers['content-type'])}'`})`,
    )
  }
  return null
}

/**
 * A bodyless POST that no browser sent: no body, no `Content-Type`, no `Origin`, no `Sec-Fetch-*`
 * header (`curl -X POST`). Browsers send `Origin` with every POST (and, to loopback, the
 * `Sec-Fetch-*` headers), and a form always sends a `Content-Type`: no page can send this, so
 * it cannot be a cross-site request. Node's fetch sends `Sec-Fetch-Mode`, so from it send JSON.
 */
function notFromABrowser(request: SandboxRequest): boolean {
  if ((request.body !== null && request.body.length !== 0) || request.bodyTooLarge || request.readBody) return false
  const { headers } = request
  if (headers['origin'] !== undefined || headers['content-type'] !== undefined) return false
  for (const name in headers) if (name.startsWith('sec-fetch-')) return false
  return true
}

function sameOrigin(origin: string, host: string | undefined, scheme: string): boolean {
  if (host === undefined) return false
  try {
    return new URL(origin).origin === new URL(`${scheme}://${host}`).origin
  } catch {
    // `Origin: null` (sandboxed frames, some redirects) and anything unparsable.
    return false
  }
}

/** Quotes at most 100 characters of a header in a message. */
const clip = (s: string) => (s.length > 100 ? `${s.slice(0, 100)}…` : s)

/** Requests under /__sandbox that a foreign page could have sent are answered 403; the rest go on. */
export function guardAdminOrigin(handle: Handle, options: AdminOriginOptions = {}): Handle {
  return (request) => {
    if (!isAdminPath(request.url.pathname)) return handle(request)
    const refusal = refuseForeignAdminRequest(request, options)
    return refusal ? Promise.resolve(refusal) : handle(request)
  }
}
