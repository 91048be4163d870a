// The journal's reason for a refusal, on the answer itself: a developer looking at a failed call
// in their own app's logs or the browser's network tab sees why, not only the vendor's generic
// message. The reason quotes request-derived text (a path, a claim), so it is made safe for a
// header: every character outside printable ASCII is written as `\uXXXX` (no CR/LF can split
// the head, no control or bidi character reaches a log viewer, and both transports accept it:
// Node's and the Fetch API's headers refuse what is not latin-1), and it is capped in length.
// Plain code: it runs in the browser too (msw).
import type { SandboxResponse } from './types.ts'

export const REASON_HEADER = 'x-token-sandbox-reason'
/** Longest header value, in characters: a reason past it is cut with a `...` marker. */
export const MAX_REASON_HEADER_CHARS = 512

const NOT_PRINTABLE_ASCII = /[^\u0020-\u007e]/
const NOT_PRINTABLE_ASCII_ALL = /[^\u0020-\u007e]/g
const escapeOne = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

/**
 * `reason` as a header value: printable ASCII (a subset of latin-1, so every HTTP stack takes it
 * byte for byte), at most MAX_REASON_HEADER_CHARS. A reason the journal already escaped
 * (../core/shown.ts) keeps its `\uXXXX` text as it is, so the header equals the journal's reason
 * whenever that is printable ASCII and short enough: nearly always, as the sandbox writes them.
 */
export function reasonHeaderValue(reason: string): string {
  let value = NOT_PRINTABLE_ASCII.test(reason) ? reason.replace(NOT_PRINTABLE_ASCII_ALL, escapeOne) : reason
  // Surrounding spaces would be dropped by every HTTP parser: trimmed here so the value is what arrives.
  value = value.trim()
  if (value.length > MAX_REASON_HEADER_CHARS) {
    // The marker takes under 40 characters.
    const kept = MAX_REASON_HEADER_CHARS - 40
    value = `${value.slice(0, kept)}...[${value.length - kept} more characters]`
  }
  return value
}

/** `res` with the reason header added (a copy: builders may share their answers); a dropped connection has no answer to carry it. */
export function withReason(res: SandboxResponse, reason: string): SandboxResponse {
  if (res.drop) return res
  return { ...res, headers: { ...res.headers, [REASON_HEADER]: reasonHeaderValue(reason) } }
}
