// The first request line of each connection, kept until that request's head is complete: when
// the parser refuses the head (too large, 431; too slow, 408), its own bytes (`err.rawPacket`)
// no longer hold the request line, yet the answer must be in the shape of the vendor the path
// names (./client-error.ts). Costs one copy of a connection's first chunk, then nothing.
//
// node:http feeds a plain TCP socket to its parser natively (no 'data' events): the first chunk
// is read in the parser's `kOnExecute` callback, where `getCurrentBuffer()` returns it, and that
// callback is put back at once. A TLS socket's chunks go through 'data' events.
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'

interface Parser {
  /** Set when node:http feeds the socket to the parser natively. */
  _consumed?: boolean
  getCurrentBuffer(): Buffer
  [key: number]: unknown
}

/** Bytes kept of a first chunk: a request line with an 8 KiB target fits. */
const KEEP = 8300

/** A connection's first request line, or DONE once its head was read (a request event). */
const firstLines = new WeakMap<Duplex, string | typeof DONE>()
const DONE = Symbol('done')

// A request line: a method, an origin-form or absolute-form target, the version (bounded: no
// backtracking past 8 KiB of target).
const REQUEST_LINE = /^[A-Z]{1,20} ([^\s]{1,8192}) HTTP\/\d\.\d\r?\n/

/** The path of a request line at the start of `text` (latin1), or null. */
export function requestLinePath(text: string): string | null {
  const line = REQUEST_LINE.exec(text)
  if (!line) return null
  const target = line[1]!
  if (target.startsWith('/')) return target.split('?', 1)[0]!
  try {
    return new URL(target).pathname
  } catch {
    return null
  }
}

/** The `connection` listener, added after node:http's own (which attaches the parser). */
export function rememberFirstLine(socket: Socket): void {
  const parser = (socket as Socket & { parser?: Parser | null }).parser
  const kOnExecute = (parser?.constructor as { kOnExecute?: number } | undefined)?.kOnExecute
  // node:http may emit the first request (its head complete) before this sees the chunk.
  const keep = (chunk: Buffer) => {
    if (firstLines.get(socket) !== DONE) firstLines.set(socket, chunk.toString('latin1', 0, Math.min(chunk.length, KEEP)))
  }
  if (parser?._consumed && kOnExecute !== undefined && typeof parser[kOnExecute] === 'function') {
    const onExecute = parser[kOnExecute] as (...args: unknown[]) => unknown
    parser[kOnExecute] = function (this: unknown, ...args: unknown[]) {
      parser[kOnExecute] = onExecute
      keep(parser.getCurrentBuffer())
      return onExecute.apply(this, args)
    }
  } else {
    socket.prependOnceListener('data', (chunk: Buffer | string) => keep(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, 'latin1')))
  }
}

/** Called for every request the server reads: the connection's first head is complete. */
export function forgetFirstLine(socket: Duplex): void {
  if (firstLines.get(socket) !== DONE) firstLines.set(socket, DONE)
}

/** The path of the connection's first request while its head is still being read, else null. */
export function firstRequestLine(socket: Duplex): string | null {
  const line = firstLines.get(socket)
  return typeof line === 'string' ? requestLinePath(line) : null
}
