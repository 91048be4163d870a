// CORS on the standalone server's vendor routes. A vendor API that browsers call from the
// integrators' own pages (a mount marked `browserFacing`, e.g. CAF's BFF) answers any origin,
// as the vendor's host must for its web SDK to work on every customer's site. `serve --cors`
// opens the other vendor routes to the origins given (or `*`), for a local front end that calls
// the sandbox directly. The admin API never answers CORS (./admin-origin-guard.ts refuses
// foreign origins before this runs), and no other answer changes.
import type { SandboxResponse } from '../core/types.ts'
import type { VendorMount } from '../core/vendor.ts'
import { isAdminPath } from './admin-guard.ts'
import type { Handle } from './persist.ts'

export interface CorsOptions {
  /** Origins every vendor route answers (`https://app.example:5173`), or `*` for any. */
  origins?: readonly string[]
}

/** How long a browser may cache a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE = '600'
const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE'

/** A CORS origin as browsers send it (`scheme://host[:port]`, or `null`); throws RangeError otherwise. */
export function checkOrigin(origin: string): string {
  if (origin === '*') return origin
  let parsed: URL | null = null
  try {
    parsed = new URL(origin)
  } catch {
    // reported below
  }
  if (!parsed || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) {
    throw new RangeError(`'${origin.slice(0, 100)}' is not an origin (like http://localhost:5173: a scheme, a host and maybe a port, no path)`)
  }
  return origin
}

/** Adds CORS to the vendor routes that allow the request's Origin; everything else is left alone. */
export function withCors(handle: Handle, mounts: readonly VendorMount[], options: CorsOptions = {}): Handle {
  const origins = new Set(options.origins ?? [])
  const anyOrigin = origins.has('*')
  // Longest prefix first, as the dispatcher matches them.
  const browserFacing = mounts.filter((m) => m.browserFacing).map((m) => m.base.replace(/\/+$/, ''))
  const under = (path: string, prefix: string) => path === prefix || path.startsWith(prefix + '/')
  const allows = (path: string, origin: string) =>
    anyOrigin || origins.has(origin) || browserFacing.some((prefix) => under(path, prefix))

  return async (request) => {
    const origin = request.headers['origin']
    const path = request.url.pathname
    if (origin === undefined || isAdminPath(path) || !allows(path, origin)) return handle(request)
    const requested = request.headers['access-control-request-method']
    if (request.method === 'OPTIONS' && requested !== undefined) {
      const headers: Record<string, string> = {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': METHODS,
        'access-control-max-age': PREFLIGHT_MAX_AGE,
        vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      }
      const wanted = request.headers['access-control-request-headers']
      // Whatever the page asks to send (Authorization, Content-Type, the SDK's own headers).
      if (wanted) headers['access-control-allow-headers'] = wanted
      return { status: 204, headers }
    }
    const answer: SandboxResponse = await handle(request)
    const exposed = Object.keys(answer.headers).filter((h) => h !== 'content-type' && h !== 'content-length')
    answer.headers = {
      ...answer.headers,
      'access-control-allow-origin': origin,
      vary: answer.headers['vary'] ? `${answer.headers['vary']}, Origin` : 'Origin',
      ...(exposed.length ? { 'access-control-expose-headers': exposed.join(', ') } : {}),
    }
    return answer
  }
}
