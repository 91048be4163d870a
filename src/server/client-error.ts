// Answers to requests node:http's parser refuses (`clientError`): malformed HTTP (400), a head
// over MAX_HEADER_BYTES (431), headers or a body too slow (408). Each answer is JSON in the
// shape of the vendor the request's path falls under (its `errors.parserRefusal`), else in the
// sandbox's own shape. The path comes from the parser's bytes (`err.rawPacket`) when they hold
// the request line, else from the connection's first request line (./first-line.ts). It is
// written only once the answers to the requests before it on the connection (pipelined) are
// out, then the connection closes.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { STATUS_CODES } from 'node:http'
import type { SandboxResponse } from '../core/types.ts'
import { firstRequestLine, requestLinePath } from './first-line.ts'

/** Largest request head (request line and headers) the server reads; past it, 431. */
export const MAX_HEADER_BYTES = 256 * 1024
/**
 * Most headers a request may carry (Node's documented default, set explicitly: Node 20 drops the
 * rest silently, Node 24 refuses the request, which is then a 431 here).
 */
export const MAX_HEADER_COUNT = 2000

interface ParserError extends NodeJS.ErrnoException {
  rawPacket?: Buffer
  bytesParsed?: number
}

/** The answer to a refusal on a path (null: unknown), in the shape of whatever serves it. */
export type RefusalAnswer = (path: string | null, status: number, message: string) => SandboxResponse

function problem(err: ParserError): { status: number; message: string } {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT' || err.code === 'ERR_HTTP_HEADERS_TIMEOUT') return { status: 408, message: 'The request did not arrive in time' }
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, message: `The request line and headers exceed ${MAX_HEADER_BYTES} bytes or ${MAX_HEADER_COUNT} headers` }
  }
  return { status: 400, message: 'The request is not valid HTTP' }
}

/**
 * The path of the request that failed: a request whose body is still arriving (its head was
 * read); else from the parser's bytes when they start it (a request after others on the
 * connection); else the connection's first request's while it is the one being read; else null.
 */
export function failedPath(err: ParserError, socket?: Duplex): string | null {
  const reading = socket && (socket as Duplex & { _httpMessage?: { req?: IncomingMessage } | null })._httpMessage?.req
  if (reading && !reading.complete && reading.url !== undefined) return requestLinePath(`GET ${reading.url} HTTP/1.1\n`)
  const raw = err.rawPacket
  if (Buffer.isBuffer(raw) && raw.length !== 0) {
    const end = typeof err.bytesParsed === 'number' ? Math.min(err.bytesParsed, raw.length) : raw.length
    // The failed request starts after the last complete head before the error (pipelining); a
    // head end where the error is is the failed head's own (431 is found at its end).
    let boundary = end > 0 ? raw.lastIndexOf('\r\n\r\n', end - 1) : -1
    if (boundary >= 0 && boundary + 4 >= end) boundary = end > 4 ? raw.lastIndexOf('\r\n\r\n', boundary - 1) : -1
    const start = boundary < 0 ? 0 : boundary + 4
    const path = requestLinePath(raw.toString('latin1', start, Math.min(raw.length, start + 8300)))
    if (path !== null || boundary >= 0) return path
  }
  return socket ? firstRequestLine(socket) : null
}

/** The raw HTTP/1.1 answer to a refused request: JSON, with its length, and `connection: close`. */
export function clientErrorAnswer(err: ParserError, answerFor: RefusalAnswer, socket?: Duplex): string {
  const { status, message } = problem(err)
  const answer = answerFor(failedPath(err, socket), status, message)
  const body = JSON.stringify(answer.body)
  const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' }
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`)
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n${lines.join('')}\r\n${body}`
}

/** How long an earlier answer on the connection may take before the connection is dropped. */
const IN_FLIGHT_GRACE_MS = 30_000

/**
 * Runs `fn` once the response in flight on the socket (Node's `socket._httpMessage`, an answer
 * to an earlier pipelined request) and any queued after it have been written.
 */
export function afterInFlight(socket: Duplex, fn: () => void): void {
  const res = (socket as Duplex & { _httpMessage?: (ServerResponse & { req?: IncomingMessage }) | null })._httpMessage
  // Node detaches an answer from its socket in its 'finish' listener: while attached, it is in
  // flight (even when its bytes are out, `writableFinished`, the next answer is not yet attached).
  // An answer to a request still arriving is the failed request's own (a body too slow, 408):
  // it is not waited for, and the refusal replaces it if it has not started.
  if (!res || res.destroyed || res.req?.complete === false) return fn()
  let done = false
  const next = () => {
    if (done) return
    done = true
    clearTimeout(timer)
    // node:http assigns the next queued answer to the socket in its own 'finish' listener,
    // which runs before this one: look again.
    afterInFlight(socket, fn)
  }
  const timer = setTimeout(() => socket.destroy(), IN_FLIGHT_GRACE_MS)
  timer.unref()
  res.once('finish', next)
  res.once('close', next)
}

/** The `clientError` listener. */
export function onClientError(answerFor: RefusalAnswer) {
  return (err: ParserError, socket: Duplex): void => {
    // The peer is gone (ECONNRESET) or the socket cannot take an answer: nothing to say.
    if (err.code === 'ECONNRESET' || err.code === 'EPIPE' || !socket.writable) {
      socket.destroy()
      return
    }
    afterInFlight(socket, () => {
      const res = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage
      if (socket.writable && !res?.headersSent) (socket as Socket).end(clientErrorAnswer(err, answerFor, socket))
      else socket.destroy()
    })
  }
}
