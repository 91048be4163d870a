// The msw adapter: one catch-all handler per vendor base URL; routing is the core's.
import { http, HttpResponse, passthrough, type RequestHandler } from 'msw'
import { ADMIN_PREFIX, type Sandbox } from '../src/sandbox.ts'
import type { VendorName } from '../src/vendors/registry.ts'
import type { SandboxRequest, SandboxResponse } from '../src/core/types.ts'

export interface HandlerOptions {
  /** Intercept only these vendors (default: all). Extra base URLs go in the sandbox's `baseUrls` option. */
  vendors?: VendorName[]
  /**
   * Also answer the sandbox surface (`/__sandbox/...`) at this origin — in a page, usually
   * `location.origin` — so the page can ask it over fetch (token verdicts, clock, reset) with
   * its own Referer, exactly as it would ask the standalone server.
   */
  adminOrigin?: string
}

async function toSandboxRequest(request: Request, url: URL, bodyLimit: number): Promise<SandboxRequest> {
  const headers: Record<string, string> = {}
  request.headers.forEach((value, name) => {
    headers[name] = value
  })
  // In a service worker the page's Referer is not a header but `request.referrer`.
  if (headers['referer'] === undefined && request.referrer && request.referrer !== 'about:client') {
    headers['referer'] = request.referrer
  }
  const declared = Number(headers['content-length'] ?? '0')
  let body: Uint8Array | null = null
  let bodyTooLarge = false
  if (declared > bodyLimit) bodyTooLarge = true
  else if (request.body !== null) {
    const buf = new Uint8Array(await request.arrayBuffer())
    if (buf.length > bodyLimit) bodyTooLarge = true
    else if (buf.length > 0) body = buf
  }
  return { method: request.method.toUpperCase(), url, headers, body, ...(bodyTooLarge ? { bodyTooLarge } : {}) }
}

function toResponse(answer: SandboxResponse): Response {
  // An injected fault: the caller's fetch fails as on a dropped connection.
  if (answer.drop) return HttpResponse.error()
  const noBody = answer.body === undefined || answer.status === 204 || answer.status === 304
  const body = noBody
    ? null
    : typeof answer.body === 'string' || answer.body instanceof Uint8Array
      ? (answer.body as BodyInit)
      : JSON.stringify(answer.body)
  return new HttpResponse(body, { status: answer.status, headers: answer.headers })
}

export function createHandlers(sandbox: Sandbox, options: HandlerOptions = {}): RequestHandler[] {
  const wanted = options.vendors ? new Set<string>(options.vendors) : null
  const bases = new Set<string>(sandbox.baseUrls().filter((m) => !wanted || wanted.has(m.vendor)).map((m) => m.base))
  const resolver = async ({ request }: { request: Request }) => {
    const url = new URL(request.url)
    // A static file on the vendor's host (a vendor's `assets`): the network serves it, not the sandbox.
    if (sandbox.assetPath(url) !== null) return passthrough()
    return toResponse(await sandbox.handle(await toSandboxRequest(request, url, sandbox.bodyLimitFor(request.method.toUpperCase(), url))))
  }

  if (options.adminOrigin !== undefined) bases.add(new URL(ADMIN_PREFIX, options.adminOrigin).href)

  if (bases.size === 0) return []
  // One handler for every base: msw tests each handler in turn on every request, so one
  // pattern over all of them costs a fraction of one handler per base.
  return [http.all(new BasePattern([...bases].map((b) => b.replace(/\/+$/, ''))), resolver)]
}

/**
 * The URLs at any of `bases` (exactly, or everything under one). A RegExp without capture
 * groups: msw then extracts no params, so it never runs decodeURIComponent on the path, which
 * throws on a percent-encoding that does not decode (`/accounts/%E0%A4%A`) and turned the
 * request into a 500 before the sandbox (whose router answers such paths in the vendor's own
 * shape) saw it. It prints as msw's own path syntax (`<base>`, `<base>/*`, joined by ` | `), so
 * handler listings stay readable.
 */
class BasePattern extends RegExp {
  // RegExp methods that derive a new RegExp (split, matchAll) must not call this constructor.
  static override get [Symbol.species]() {
    return RegExp
  }

  constructor(readonly bases: string[]) {
    super(`^(?:${bases.map((b) => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:/.*)?$`)
  }

  override toString(): string {
    return this.bases.flatMap((b) => [b, `${b}/*`]).join(' | ')
  }
}
