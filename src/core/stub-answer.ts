// The answer part of a fault rule (a stub, as WireMock's): the body and headers the sandbox
// answers instead of the vendor's, checked once when the rule is added and prepared then, so a
// matching request costs a copy of the headers and nothing else. The body is `json` (any JSON
// value), `text` (sent as UTF-8) or `base64` (bytes); `headers` also go on a status-only fault's
// answer in the vendor's error shape (`Retry-After` on a 429). Plain code: it runs in the browser too.
import type { SandboxResponse } from './types.ts'

export const STUB_LIMITS = { bodyBytes: 64 * 1024, headers: 20, headerName: 100, headerValue: 1024, contentType: 200, jsonDepth: 64 } as const

/** RFC 9110 §5.6.2 `token`: what a field name is made of. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
/** A field value the sandbox sends byte for byte on both transports: printable ASCII and tab, no CR/LF. */
const VALUE = /^[\t\x20-\x7e]*$/
/** `type/subtype`, then `;` parameters as a header value may hold them (each part's characters exclude the next's first: linear). */
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:[\t ;][\t\x20-\x7e]*)?$/
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/**
 * Headers a rule may not set: hop-by-hop ones (RFC 9110 §7.6.1) and `content-length` are the
 * transport's; `content-type` goes in `contentType`; CORS is the server's (`serve --cors`); the
 * reason header is the sandbox's own; the two the sandbox puts on every stub answer
 * (STUB_SECURITY_HEADERS); and those that act on the browser beyond the one answer (cookies are
 * not port-scoped: one set by the sandbox reaches every app on the host). A Map: a name such as
 * `constructor` is just a name.
 */
const HOP = 'a hop-by-hop header, set by the transport'
const BROWSER = 'it acts on the browser beyond this answer'
const REFUSED_HEADERS = new Map<string, string>([
  ['connection', HOP],
  ['keep-alive', HOP],
  ['proxy-connection', HOP],
  ['te', HOP],
  ['trailer', HOP],
  ['transfer-encoding', HOP],
  ['upgrade', HOP],
  ['content-length', 'set by the transport from the body'],
  ['content-type', "set it with 'contentType'"],
  ['x-token-sandbox-reason', "the sandbox's own (it names the rule that answered)"],
  ['content-security-policy', 'the sandbox sends its own on every stub answer (sandbox)'],
  ['x-content-type-options', 'the sandbox sends its own on every stub answer (nosniff)'],
  ['set-cookie', `${BROWSER} (cookies are not port-scoped: it would reach every app on this host)`],
  ['clear-site-data', BROWSER],
  ['strict-transport-security', BROWSER],
  ['refresh', BROWSER],
])

/**
 * On every stub answer with a body: its content is the rule's, served from the sandbox's origin,
 * so a browser must neither run it there nor guess a type for it. `sandbox` gives a page it
 * renders an opaque origin (no script, and its requests carry `Origin: null`, which the admin
 * API refuses); `nosniff` keeps bytes labelled as data from being read as a page.
 */
export const STUB_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': 'sandbox',
  'x-content-type-options': 'nosniff',
})

/** What a rule's answer part became: the listing's fields and the prepared answer. */
export interface StubAnswer {
  /** Lower-case names, as given otherwise. */
  headers: Record<string, string>
  /** The body as the rule gave it, for the listing: exactly one of them, or none. */
  json?: unknown
  text?: string
  base64?: string
  /** The body's content type; null without a body. */
  contentType: string | null
  /** The body to send: JSON text, or bytes; undefined without one. */
  payload: string | Uint8Array | undefined
}

/** Thrown with one line saying what is wrong; faults.ts turns it into its FaultError. */
export class StubError extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const named = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s)

function parseHeaders(input: unknown): Record<string, string> {
  if (input === undefined || input === null) return {}
  if (!isRecord(input)) throw new StubError("'headers' must be an object of header names to string values")
  const names = Object.keys(input)
  if (names.length > STUB_LIMITS.headers) throw new StubError(`'headers' may hold at most ${STUB_LIMITS.headers} headers`)
  const out: [string, string][] = []
  const seen = new Set<string>()
  for (const name of names) {
    if (name.length > STUB_LIMITS.headerName || !TOKEN.test(name)) {
      throw new StubError(`Header name '${named(name)}' is not a valid field name (RFC 9110 token characters, 1 to ${STUB_LIMITS.headerName})`)
    }
    const lower = name.toLowerCase()
    const why = REFUSED_HEADERS.get(lower) ?? (lower.startsWith('access-control-') ? 'CORS is answered by the server (serve --cors)' : undefined)
    if (why !== undefined) throw new StubError(`Header '${lower}' cannot be set by a fault: ${why}`)
    if (seen.has(lower)) throw new StubError(`Header '${lower}' is given twice (names are case-insensitive)`)
    const value = input[name]
    if (typeof value !== 'string' || value.length > STUB_LIMITS.headerValue || !VALUE.test(value) || value !== value.trim()) {
      throw new StubError(`Header '${lower}' must be a string of at most ${STUB_LIMITS.headerValue} printable ASCII characters, without CR, LF or surrounding spaces`)
    }
    seen.add(lower)
    out.push([lower, value])
  }
  // Own properties whatever the name (`__proto__` included): no assignment through the prototype.
  return Object.fromEntries(out)
}

function decodeBase64(value: string): Uint8Array {
  if (value.length % 4 !== 0 || !BASE64.test(value)) throw new StubError("'base64' must be standard base64 (A–Z, a–z, 0–9, +, /, padded with =)")
  const binary = atob(value)
  // atob ignores the bits past the last byte (`QR==` is 'A', as `QQ==` is): only the one
  // spelling of each byte string, so the listing shows what is sent.
  if (btoa(binary) !== value) throw new StubError(`'base64' must be canonical: the bits past the last byte must be zero ('${named(btoa(binary).slice(-4))}' at the end, not '${named(value.slice(-4))}')`)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

const utf8 = new TextEncoder()

/**
 * Refuses a `json` nested deeper than STUB_LIMITS.jsonDepth arrays and objects, one that refers
 * to itself (from code), or one with more values than the body may hold bytes (each takes at
 * least one), before anything recursive (JSON.stringify, structuredClone) sees it. Iterative:
 * no input can overflow the stack here, and it visits at most bodyBytes + 1 values.
 */
function checkJsonShape(json: unknown): void {
  const max = STUB_LIMITS.jsonDepth
  // An array or object to enter at a depth, or (depth -1) one whose children are done.
  const stack: [unknown, number][] = [[json, 1]]
  const open = new Set<object>()
  let values = 0
  while (stack.length !== 0) {
    const [value, depth] = stack.pop()!
    if (typeof value !== 'object' || value === null) {
      if (++values > STUB_LIMITS.bodyBytes) throw new StubError(`The body must be at most ${STUB_LIMITS.bodyBytes} bytes`)
      continue
    }
    if (depth === -1) {
      open.delete(value)
      continue
    }
    if (++values > STUB_LIMITS.bodyBytes) throw new StubError(`The body must be at most ${STUB_LIMITS.bodyBytes} bytes`)
    if (open.has(value)) throw new StubError("'json' must be a JSON value (this one contains itself)")
    if (depth > max) throw new StubError(`'json' may nest at most ${max} arrays or objects deep`)
    open.add(value)
    stack.push([value, -1])
    const children = Array.isArray(value) ? value : Object.values(value)
    if (values + children.length > STUB_LIMITS.bodyBytes) throw new StubError(`The body must be at most ${STUB_LIMITS.bodyBytes} bytes`)
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth + 1])
  }
}

/**
 * The answer part of a rule, or null when it has none (no `json`, `text`, `base64`, `headers`
 * or `contentType`). Throws StubError naming what is wrong.
 */
export function parseStubAnswer(rule: Record<string, unknown>): StubAnswer | null {
  const given = (key: string) => rule[key] !== undefined
  const bodies = ['json', 'text', 'base64'].filter(given)
  if (bodies.length === 0 && !given('headers') && !given('contentType')) return null
  if (bodies.length > 1) throw new StubError(`A fault answers one body: ${bodies.map((b) => `'${b}'`).join(' or ')}, not both`)
  const headers = parseHeaders(rule.headers)
  const answer: StubAnswer = { headers, contentType: null, payload: undefined }
  const kind = bodies[0]
  if (kind === undefined) {
    if (given('contentType')) throw new StubError("'contentType' needs a body: 'json', 'text' or 'base64'")
    return answer
  }
  let bytes: number
  if (kind === 'json') {
    checkJsonShape(rule.json)
    let serialized: string | undefined
    try {
      serialized = JSON.stringify(rule.json)
    } catch {
      serialized = undefined
    }
    if (serialized === undefined) throw new StubError("'json' must be a JSON value")
    answer.payload = serialized
    // A copy, so the caller's object can change without changing the rule.
    answer.json = JSON.parse(serialized)
    bytes = utf8.encode(serialized).length
  } else if (kind === 'text') {
    if (typeof rule.text !== 'string') throw new StubError("'text' must be a string (sent as UTF-8)")
    answer.payload = rule.text
    answer.text = rule.text
    bytes = utf8.encode(rule.text).length
  } else {
    if (typeof rule.base64 !== 'string') throw new StubError("'base64' must be a string of base64")
    if (rule.base64.length > Math.ceil(STUB_LIMITS.bodyBytes / 3) * 4) throw new StubError(`The body must be at most ${STUB_LIMITS.bodyBytes} bytes`)
    answer.payload = decodeBase64(rule.base64)
    answer.base64 = rule.base64
    bytes = answer.payload.length
  }
  if (bytes > STUB_LIMITS.bodyBytes) throw new StubError(`The body must be at most ${STUB_LIMITS.bodyBytes} bytes (this one is ${bytes})`)
  const contentType = rule.contentType ?? (kind === 'json' ? 'application/json' : kind === 'text' ? 'text/plain; charset=utf-8' : 'application/octet-stream')
  if (typeof contentType !== 'string' || contentType.length > STUB_LIMITS.contentType || !MEDIA_TYPE.test(contentType) || contentType !== contentType.trim()) {
    throw new StubError(`'contentType' must be a media type such as application/json (printable ASCII, at most ${STUB_LIMITS.contentType} characters)`)
  }
  answer.contentType = contentType
  return answer
}

/** Statuses that carry no body (RFC 9110 §15.3.5, §15.3.6, §15.4.5). */
const BODYLESS = new Set([204, 205, 304])

/** Checks a stub's status (default 200); throws StubError naming the range. */
export function stubStatus(status: unknown): number {
  if (status === undefined || status === null) return 200
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599 || BODYLESS.has(status)) {
    throw new StubError("'status' with a body must be an integer from 200 to 599, not 204, 205 or 304")
  }
  return status
}

/** The answer to send: a stub's own, or `base` (the vendor's error for the status) with the rule's headers. */
export function stubResponse(answer: StubAnswer, status: number, base: SandboxResponse | null): SandboxResponse {
  if (answer.payload === undefined) return { ...base!, headers: { ...base!.headers, ...answer.headers } }
  return { status, headers: { ...answer.headers, ...STUB_SECURITY_HEADERS, 'content-type': answer.contentType! }, body: answer.payload }
}
