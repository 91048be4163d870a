// The msw adapter: one catch-all handler per vendor base URL; routing is the core's.
import { http, HttpResponse, type RequestHandler } from 'msw'
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

async function toSandboxRequest(request: Request, bodyLimit: number): Promise<SandboxRequest> {
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
  return { method: request.method.toUpperCase(), url: new URL(request.url), headers, body, ...(bodyTooLarge ? { bodyTooLarge } : {}) }
}

function toResponse(answer: SandboxResponse): Response {
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
  const limit = sandbox.bodyLimit

  const resolver = async ({ request }: { request: Request }) =>
    toResponse(await sandbox.handle(await toSandboxRequest(request, limit)))

  if (options.adminOrigin !== undefined) bases.add(new URL(ADMIN_PREFIX, options.adminOrigin).href)

  return [...bases].flatMap((base) => {
    const trimmed = base.replace(/\/+$/, '')
    return [http.all(trimmed, resolver), http.all(`${trimmed}/*`, resolver)]
  })
}
