// The fidelity record: what a contract suite's run saw, case by case and exchange by exchange,
// as shapes (./shape.ts) with everything secret or personal redacted (./redact.ts). One JSON
// file, keys sorted, cases sorted by name, exchanges in the order they were made; the date and
// the tool's version only in the header, so two runs against the same seeded sandbox write the
// same bytes.
import type { Exchange } from '../http.ts'
import type { Redactor } from './redact.ts'
import { formatOf, shapeOf, stableJson, type Shape } from './shape.ts'

export const RECORD_FORMAT = 'token-sandbox-fidelity/1'

export type CaseResult = 'pass' | 'fail' | 'skip'

export interface RecordedExchange {
  request: {
    method: string
    /** The path below the API's base URL, each id or echoed value replaced by `{id}`. */
    path: string
    /** The query's parameter names, sorted (never their values; a name that is data is redacted too). */
    query?: string[]
  }
  status: number
  /** The headers that matter: content type, CORS, rate limits, WWW-Authenticate, Retry-After. */
  headers: Record<string, Shape | string>
  /** The body's shape; an error answer's (4xx/5xx) keeps its fixed fields and message text, redacted. */
  body: Shape | { type: 'empty' }
}

export interface RecordedCase {
  /** The case's name below the suite's title (which names the base URL), e.g. `clients > lists clients…`. */
  name: string
  result: CaseResult
  exchanges: RecordedExchange[]
}

export interface FidelityRecord {
  format: typeof RECORD_FORMAT
  tool: { name: 'token-sandbox'; version: string }
  vendor: string
  /** Where it was recorded: `vendor` (the real API) or `token-sandbox`, or what the recorder said. */
  environment: string
  /** ISO date of the run (SOURCE_DATE_EPOCH when set). */
  date: string
  cases: RecordedCase[]
}

/** The largest record file read back (a whole suite's record is a few hundred kilobytes). */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024

/** Exchanges made outside any case (a suite's beforeAll/afterAll) are recorded under this name. */
export const HOOKS_CASE = '(before and after the cases)'

/** Headers kept as their (redacted) value; rate-limit headers are kept as the shape of theirs. */
const VALUE_HEADERS = /^(content-type|www-authenticate|access-control-.*)$/
const SHAPE_HEADERS = /^(retry-after|x-ratelimit-.*|ratelimit.*|x-rate-limit-.*)$/

/**
 * A path segment that is a value, not one of the API's words: replaced by `{id}` and learnt, so
 * an echo of it is redacted. A segment with a digit in it, of three characters or more (`D-9`,
 * `C-2`, an id; API words with a digit are versions like `v1`), one in a format (uuid, email…),
 * or a long one the run knows. A plain word (`token`, `faces`, or a user name such as `alice`)
 * cannot be told from the API's own words, so it stays, unless it is known and 8 characters or more.
 */
function isIdSegment(segment: string, redactor: Redactor): boolean {
  const decoded = decodeSafe(segment)
  if (/\d/.test(decoded) && decoded.length >= 3) return true
  if ((redactor.knows(segment) || redactor.knows(decoded)) && decoded.length >= 8) return true
  return formatOf(decoded) !== 'string'
}

/**
 * A query parameter's name as recorded: the API's own names stay; one that is data (an email, a
 * long number, a JWT, a key…, or a value the run has seen) is replaced like any value.
 */
function queryName(name: string, redactor: Redactor): string {
  if (redactor.knows(name)) return '<redacted>'
  const format = formatOf(name)
  return format === 'string' ? redactor.redact(name) : `<${format}>`
}

function decodeSafe(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** Learns what an exchange sent and got (so later echoes are redacted), then records it. */
export function recordExchange(exchange: Exchange, redactor: Redactor): RecordedExchange {
  const { method, options, answer } = exchange
  const [pathOnly, search = ''] = exchange.path.split('?', 2) as [string, string?]
  const query = new URLSearchParams(search)
  for (const [k, v] of Object.entries(options.query ?? {})) query.append(k, String(v))

  // What the suite sent is input: credentials, ids, bodies. Then what the answer holds.
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (!/^(accept|content-type)$/i.test(name)) redactor.learnCredential(value)
  }
  for (const v of query.values()) redactor.learn(v)
  if (options.json !== undefined) redactor.learnAll(options.json)
  if (options.raw !== undefined) redactor.learn(options.raw)
  redactor.learnAnswer(answer.body)

  const segments = pathOnly.split('/').map((s) => {
    if (s === '' || !isIdSegment(s, redactor)) return s
    redactor.learn(decodeSafe(s))
    return '{id}'
  })
  const names = [...new Set([...query.keys()].map((k) => queryName(k, redactor)))].sort()

  const headers: Record<string, Shape | string> = {}
  answer.headers.forEach((value, name) => {
    const n = name.toLowerCase()
    if (VALUE_HEADERS.test(n)) headers[n] = redactor.redact(value)
    else if (SHAPE_HEADERS.test(n)) headers[n] = shapeOf(/^\d+$/.test(value) ? Number(value) : value, { redact: redactor.redact })
  })

  const isError = answer.status >= 400
  // A body that is not JSON is shaped as the string it is (a signed answer's JWT keeps its claims).
  const body: RecordedExchange['body'] = answer.text === '' ? { type: 'empty' } : shapeOf(answer.body, { keepValues: isError, redact: redactor.redact })

  return {
    request: { method: method.toUpperCase(), path: segments.join('/'), ...(names.length ? { query: names } : {}) },
    status: answer.status,
    headers,
    body,
  }
}

/** The record as its file holds it: sorted keys, two-space indents, a final newline. */
export function serializeRecord(record: FidelityRecord): string {
  const cases = [...record.cases].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return stableJson({ ...record, cases }, 2) + '\n'
}

/** Reads a record file's text; throws one line when it is not a record. */
export function parseRecord(text: string, where: string): FidelityRecord {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    throw new Error(`${where} is not JSON: ${(err as Error).message}`)
  }
  const r = parsed as Partial<FidelityRecord> | null
  if (r === null || typeof r !== 'object' || r.format !== RECORD_FORMAT || !Array.isArray(r.cases) || typeof r.vendor !== 'string') {
    throw new Error(`${where} is not a fidelity record (format ${RECORD_FORMAT})`)
  }
  return r as FidelityRecord
}

/** The record's date: SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when set, else now. */
export function recordDate(env: Record<string, string | undefined>, now = Date.now()): string {
  const epoch = env.SOURCE_DATE_EPOCH
  const ms = epoch !== undefined && /^\d{1,12}$/.test(epoch) ? Number(epoch) * 1000 : now
  return new Date(ms).toISOString()
}
