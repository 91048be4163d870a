// node:http ⇄ SandboxRequest/SandboxResponse. No Fetch objects on this path: a request is read
// straight into a byte array (stopping at the body limit) and the answer written with one
// `end()` call.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Sandbox } from '../sandbox.ts'
import type { BodyRead, SandboxRequest, SandboxResponse } from '../core/types.ts'

export interface AdapterOptions {
  sandbox: Sandbox
  /** Read at most this many body bytes (default: what the request's route takes, `sandbox.bodyLimitFor`). */
  bodyLimit?: number
  /**
   * Bytes past the sandbox's `bodyLimit` that bodies of routes with a larger limit (CAF's upload
   * PUT) may hold at once, counted as they arrive (default 64 MiB). Such a body is read only when
   * the core asks, once the request passed every check that needs no body; a body that would take
   * the budget past this gets the vendor's 413 naming the budget. So a flood of large PUTs, which
   * a page on any site may send to a CORS-open API, is refused, not buffered, and a request
   * that only declares a large body holds nothing.
   */
  largeBodyBudget?: number
  /** Origin used to build absolute URLs for requests that arrive with a path only. */
  origin: string
  /** Answers a request instead of `sandbox.handle` (the state file and admin guard wrap it). */
  handle?: (request: SandboxRequest) => Promise<SandboxResponse>
  onError?: (err: unknown) => void
}

/** Node's header object as is when every value is a string (nearly always); joined otherwise. */
function flattenHeaders(raw: IncomingMessage['headers']): Record<string, string> {
  let flat = true
  for (const name in raw) {
    if (typeof raw[name] !== 'string') {
      flat = false
      break
    }
  }
  if (flat) return raw as Record<string, string>
  return flatten(raw)
}

function flatten(raw: IncomingMessage['headers'] | NodeJS.Dict<string | string[]>, cookieJoin = ', '): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name in raw) {
    const v = raw[name]
    if (v !== undefined) out[name] = Array.isArray(v) ? v.join(name === 'cookie' ? cookieJoin : ', ') : v
  }
  return out
}

/**
 * When a header came more than once (more raw lines than names): every value of each, joined as
 * Fetch's Headers (msw's side) joins them, for fault rules (SandboxRequest.joinedHeaders). Node
 * keeps only the first of some (authorization, user-agent, referer, host, content-type…) in
 * `headers`, which everything else still reads: a vendor's credential check is unchanged.
 */
function joinedHeaders(req: IncomingMessage, headers: Record<string, string>): Record<string, string> | undefined {
  let names = 0
  for (const _ in headers) names++
  if (req.rawHeaders.length === names * 2) return undefined
  return flatten(req.headersDistinct, '; ')
}

const NO_BODY: BodyRead = Object.freeze({ body: null, tooLarge: false })
const TOO_LARGE: BodyRead = Object.freeze({ body: null, tooLarge: true })

const asBytes = (buf: Buffer): Uint8Array => new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)

/** The body when node:http has parsed all of it (nearly every API call); undefined otherwise. */
function bufferedBody(req: IncomingMessage, limit: number): BodyRead | undefined {
  if (!req.complete) return undefined
  if (req.readableLength > limit) return TOO_LARGE
  const buf = req.readableLength === 0 ? null : (req.read() as Buffer | null)
  return buf === null || buf.byteLength === 0 ? NO_BODY : { body: asBytes(buf), tooLarge: false }
}

/**
 * Reads bodies once node:http is done with the bytes it has: it emits `request` on the headers
 * and parses the body after, so a body that came with its headers is complete by the next
 * setImmediate. One setImmediate serves every request of an event-loop turn; a complete body is
 * taken with `read()`, without the stream's flowing mode and events. Bodies still arriving are
 * read as a stream.
 */
function createBodyReader(limit: number) {
  const take = perTurn<{ req: IncomingMessage; resolve: (read: BodyRead) => void; reject: (err: unknown) => void }>((w) => {
    const read = bufferedBody(w.req, limit)
    if (read) w.resolve(read)
    else readBody(w.req, limit).then(w.resolve, w.reject)
  })
  return (req: IncomingMessage): Promise<BodyRead> => new Promise((resolve, reject) => take({ req, resolve, reject }))
}

/** Reads the body up to `limit` bytes; past that, stops reading and reports `tooLarge`. */
function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.pause()
        req.removeAllListeners('data')
        resolve(TOO_LARGE)
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      const buf = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)
      resolve(size === 0 ? NO_BODY : { body: asBytes(buf), tooLarge: false })
    })
    req.on('error', reject)
  })
}

/** Bytes of large bodies held at once, shared by every request (see largeBodyBudget). */
interface Budget {
  readonly size: number
  used: number
}

/**
 * Reads a body the core asked for (a route whose limit is above the sandbox's), up to `limit`.
 * Its first `free` bytes (the sandbox's own limit, which any request may send) cost nothing;
 * each byte past them is charged to the budget as it arrives, into `held`, which the caller
 * gives back once the request is answered. Past the limit or the budget, reading stops.
 */
function readLargeBody(req: IncomingMessage, limit: number, free: number, budget: Budget, held: { bytes: number }): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = (read: BodyRead) => {
      req.pause()
      req.removeAllListeners('data')
      resolve(read)
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) return stop(TOO_LARGE)
      const charge = Math.max(0, size - free) - held.bytes
      if (charge > 0) {
        if (budget.used + charge > budget.size) return stop({ body: null, tooLarge: true, budget: budget.size })
        budget.used += charge
        held.bytes += charge
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(size === 0 ? NO_BODY : { body: asBytes(Buffer.concat(chunks, size)), tooLarge: false }))
    req.on('error', reject)
  })
}

/** What a request declares about its body: none, too large, or to be read. */
function declaredBody(req: IncomingMessage, limit: number): BodyRead | undefined {
  const declared = req.headers['content-length']
  if (declared !== undefined && Number(declared) > limit) return TOO_LARGE
  if (declared === '0' || (declared === undefined && req.headers['transfer-encoding'] === undefined)) return NO_BODY
  return undefined
}

export function writeResponse(res: ServerResponse, answer: SandboxResponse, close = false): void {
  const headers: Record<string, string | number> = { ...answer.headers }
  let payload: string | Uint8Array | undefined
  if (answer.body === undefined || answer.status === 204 || answer.status === 304) payload = undefined
  else if (typeof answer.body === 'string' || answer.body instanceof Uint8Array) payload = answer.body
  else payload = JSON.stringify(answer.body)
  // A HEAD answer has no payload but keeps the content-length its GET would have (../core/head.ts).
  if (payload !== undefined) headers['content-length'] = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength
  else headers['content-length'] ??= 0
  if (close) headers['connection'] = 'close'
  res.writeHead(answer.status, headers)
  res.end(payload)
}

/**
 * Writes answers in batches: every answer ready during one turn of the event loop is written at
 * the end of that turn (setImmediate), one after the other. Under load this is what keeps the
 * server fast on a small machine: answers written one by one as each is ready wake the client
 * once per answer, and on a 2-core machine those wake-ups cost more than the sandbox's own
 * work (measured: ComplyCube POST /v1/tokens 8.7k → 14–16k req/s, p99 13 → 8 ms at 50
 * connections). A lone request waits for the end of the current turn only: microseconds.
 */
function createWriteBatch(onError?: (err: unknown) => void) {
  return perTurn<() => void>((write) => {
    try {
      write()
    } catch (err) {
      onError?.(err)
    }
  })
}

/** Runs `each` on every item handed over during one turn of the event loop, at its end (one setImmediate). */
function perTurn<T>(each: (item: T) => void): (item: T) => void {
  let pending: T[] = []
  const flush = () => {
    const batch = pending
    pending = []
    for (const item of batch) each(item)
  }
  return (item) => {
    if (pending.push(item) === 1) setImmediate(flush)
  }
}

const INTERNAL_ERROR: SandboxResponse = {
  status: 500,
  headers: { 'content-type': 'application/json' },
  body: { error: { code: 'internal', message: 'The sandbox failed to answer' } },
}

/**
 * Whether `err` is the client's doing: the connection reset or closed mid-request (node:http
 * destroys the request with ECONNRESET "aborted", on a client's hang-up and on its own 408).
 */
function clientGone(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE'
}

export function createRequestListener(options: AdapterOptions) {
  const { sandbox, origin } = options
  const handle = options.handle ?? ((request: SandboxRequest) => sandbox.handle(request))
  const later = createWriteBatch(options.onError)
  // Bodies over the sandbox's own limit share a budget (see largeBodyBudget).
  const budget: Budget = { size: options.largeBodyBudget ?? 64 * 1024 * 1024, used: 0 }
  // One reader per limit: the sandbox's, or the adapter's own when given.
  const readers = new Map<number, (req: IncomingMessage) => Promise<BodyRead>>()
  const readerFor = (limit: number) => {
    let r = readers.get(limit)
    if (!r) readers.set(limit, (r = createBodyReader(limit)))
    return r
  }
  const fail = (res: ServerResponse, err: unknown) => {
    // A client that hung up or timed out mid-body (the 408 is the server's) is no internal
    // error: nothing to log, nobody to answer.
    if (clientGone(err)) return void res.destroy()
    options.onError?.(err)
    if (!res.headersSent) writeResponse(res, INTERNAL_ERROR, true)
    else res.destroy()
  }
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      let url: URL
      const target = req.url ?? '/'
      try {
        // An origin-form target (`/path?query`, almost every request) is appended to the origin:
        // half the cost of parsing against a base, and `//host/x` stays a path, not a host.
        url = target.startsWith('/') ? new URL(origin + target) : new URL(target, origin)
      } catch {
        url = new URL('/', origin)
      }
      // node:http hands methods over in upper case (its parser knows no other spelling).
      const method = req.method ?? 'GET'
      const limit = options.bodyLimit ?? sandbox.bodyLimitFor(method, url)
      const headers = flattenHeaders(req.headers)
      const request: SandboxRequest = { method, url, headers, body: null }
      const joined = joinedHeaders(req, headers)
      if (joined !== undefined) request.joinedHeaders = joined
      // `Expect: 100-continue` (curl before a large upload) reaches this listener through
      // 'checkContinue': the 100 goes out only once the body is to be read, so a request refused
      // from its head gets its final answer instead, and its client never sends the body.
      const expect = req.headers.expect
      const awaitsContinue = expect !== undefined && expect.toLowerCase() === '100-continue'
      // Whether body bytes may be left on the socket: then the connection closes after the answer.
      let unread = false
      const held = { bytes: 0 }
      if (options.bodyLimit === undefined && limit > sandbox.bodyLimit) {
        // A route's larger body: read only when the core asks, within the shared budget.
        unread = declaredBody(req, Number.MAX_SAFE_INTEGER) !== NO_BODY
        request.readBody = async (routeLimit) => {
          let read = declaredBody(req, routeLimit)
          if (!read) {
            if (awaitsContinue) res.writeContinue()
            read = await readLargeBody(req, routeLimit, sandbox.bodyLimit, budget, held)
          }
          unread = read.tooLarge
          return read
        }
      } else {
        let read = declaredBody(req, limit)
        if (!read) {
          if (awaitsContinue) res.writeContinue()
          read = await readerFor(limit)(req)
        }
        request.body = read.body
        if (read.tooLarge) request.bodyTooLarge = unread = true
      }
      let answer: SandboxResponse
      try {
        answer = await handle(request)
      } finally {
        budget.used -= held.bytes
        held.bytes = 0
      }
      // An injected fault: no answer at all, the connection is gone.
      if (answer.drop) {
        req.socket.destroy()
        return
      }
      later(() => {
        try {
          // After refusing a body unread or too large, close the connection rather than read the rest of it.
          writeResponse(res, answer, unread)
          if (unread) res.on('finish', () => req.socket.destroySoon?.())
        } catch (err) {
          fail(res, err)
        }
      })
    } catch (err) {
      fail(res, err)
    }
  }
}
