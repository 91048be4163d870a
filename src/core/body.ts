// JSON bodies are parsed once, here, with the size limit applied first, and refused when a
// string in them is not well-formed Unicode (./well-formed.ts).
import { bracketPath, illFormedPath, type FieldPath } from './well-formed.ts'

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; problem: 'too_large' | 'content_type' | 'malformed'; detail: string }
  /** A string (value or key) at `path` holds a lone UTF-16 surrogate: the vendor's 400 names the field. */
  | { ok: false; problem: 'ill_formed'; detail: string; path: FieldPath }

const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * Why a body was refused as too large, for a vendor's 413 message: the route's limit, or (with
 * `budget`) the standalone server's shared budget for large bodies, which was in use.
 */
export function tooLargeReason(limit: number, budget?: number): string {
  if (budget === undefined) return `limit ${limit} bytes`
  return `the server already holds its budget of ${budget} bytes of large bodies being read; retry later`
}

export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false
  if (contentType === 'application/json') return true
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase()
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))
}

export function parseJsonBody(
  body: Uint8Array | null,
  contentType: string | undefined,
  limit: number,
): BodyResult {
  if (body === null || body.length === 0) return { ok: true, value: undefined }
  if (body.length > limit) return { ok: false, problem: 'too_large', detail: `body is ${body.length} bytes` }
  if (!isJsonContentType(contentType)) {
    return { ok: false, problem: 'content_type', detail: `content-type ${contentType ?? '(none)'}` }
  }
  let text: string
  try {
    text = decoder.decode(body)
  } catch {
    return { ok: false, problem: 'malformed', detail: 'body is not valid UTF-8' }
  }
  if (text.trim() === '') return { ok: true, value: undefined }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    return { ok: false, problem: 'malformed', detail: describeJsonError(err) }
  }
  const path = illFormedPath(value)
  if (path !== null) return { ok: false, problem: 'ill_formed', detail: `${bracketPath(path)} is not well-formed Unicode (a lone UTF-16 surrogate)`, path }
  return { ok: true, value }
}

/**
 * JSON.parse's message without the piece of the body V8 quotes in some of them
 * (`Unexpected token 'H', ..."password":Hedmoral-S"... is not valid JSON`): that piece can be a
 * password or an API key, and the detail goes to the journal and into error messages.
 */
export function describeJsonError(err: unknown): string {
  const message = err instanceof Error ? err.message : ''
  if (message === '') return 'invalid JSON'
  const quote = quotedFrom(message)
  return quote < 0 ? message : `${message.slice(0, quote).trim() || 'Unexpected input'} in JSON`
}

/**
 * Where the quoted piece starts, with the `, ...` before it: what `search(/,?\s*(\.\.\.)?"/)`
 * finds, walked back from the first quote instead (that regex retries a run of spaces from each
 * of its positions; V8 quotes only a few characters, but other engines' messages are theirs).
 */
function quotedFrom(message: string): number {
  let at = message.indexOf('"')
  if (at < 0) return -1
  if (at >= 3 && message.startsWith('...', at - 3)) at -= 3
  while (at > 0 && /\s/.test(message[at - 1]!)) at--
  if (message[at - 1] === ',') at--
  return at
}
