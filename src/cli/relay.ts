// What `token-sandbox contract` prints through vitest: case names, assertion messages, diffs and
// the suites' console lines, which quote the answers of the endpoint under test. Those answers
// come from the network, so before they reach the terminal (or a log someone later `cat`s),
// every character a terminal would act on is escaped as the request log escapes it
// (src/core/shown.ts). Kept: line breaks and tabs, and, when colours are on, colours (SGR): all
// vitest writes once its summary window, which moves the cursor, is off (contract.ts). Never
// kept: cursor moves and erases, OSC (window titles, links, the clipboard), DCS, device queries
// whose answers a terminal types into stdin, 8-bit controls. A colour code in an answer does
// pass when colours are on: it cannot be told from vitest's own, and it only colours text.
import { Writable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { escapeControls } from '../core/shown.ts'

const PLAIN = /[\n\t]/g
const COLOURED = /\x1b\[[0-9;]*m|[\n\t]/g
// A colour code cut by the end of a write: held until the next one completes it.
const CUT = /\x1b(?:\[[0-9;]*)?$/

/** `text` escaped for a terminal, keeping what `keep` matches. Linear: one pass, each piece scanned once. */
export function escapeOutput(text: string, colours: boolean): string {
  const keep = colours ? COLOURED : PLAIN
  let out = ''
  let last = 0
  for (const m of text.matchAll(keep)) {
    out += escapeControls(text.slice(last, m.index)) + m[0]
    last = m.index + m[0].length
  }
  return out + escapeControls(text.slice(last))
}

/**
 * A stream that writes to `target` what `escapeOutput` leaves of each write. `target`'s write is
 * taken now: should vitest's summary window run, it replaces process.stdout's write while it
 * does, and writes what it held back through this stream, which must not hand it back.
 */
export function escapingStream(target: NodeJS.WritableStream, colours: boolean): Writable {
  const write = target.write.bind(target) as (text: string, done: () => void) => boolean
  const decoder = new StringDecoder('utf8')
  let held = ''
  const pass = (text: string) => {
    const cut = colours ? CUT.exec(text) : null
    const whole = cut ? text.slice(0, cut.index) : text
    held = cut ? cut[0] : ''
    return escapeOutput(whole, colours)
  }
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      const text = held + (typeof chunk === 'string' ? chunk : decoder.write(chunk))
      const shown = pass(text)
      if (shown === '') return done()
      write(shown, () => done())
    },
    final(done) {
      const rest = escapeOutput(held + decoder.end(), colours)
      held = ''
      if (rest === '') return done()
      write(rest, () => done())
    },
  })
}

/**
 * The stdout and stderr vitest is given by `contract`: escaping on the way to `to` (the process's
 * own by default), colours as the environment says (./colour.ts).
 */
export function relayStreams(
  to: { stdout?: NodeJS.WritableStream; stderr?: NodeJS.WritableStream } = {},
  env: NodeJS.ProcessEnv = process.env,
): { stdout: Writable; stderr: Writable } {
  const colours = env.NO_COLOR === undefined
  return { stdout: escapingStream(to.stdout ?? process.stdout, colours), stderr: escapingStream(to.stderr ?? process.stderr, colours) }
}
