// What keeps secrets and personal data out of a fidelity record. Two passes over every string
// the record keeps (error messages, header values, case names, path segments):
// 1. every value the run has seen that could be a secret or an echo of input — each request's
//    credentials, path ids, query values and body strings, each answer's ids, tokens, emails
//    and names — is replaced by `<redacted>` wherever it occurs;
// 2. whatever still looks like a JWT, UUID, ObjectId, long hex, email, instant, long number or
//    opaque key is replaced by its format (`<jwt>`, `<email>`…), seen before or not.
import { formatOf } from './shape.ts'

/** The longest string kept; longer ones are cut (with `…`) after known values are replaced, before any pattern looks at them. */
export const MAX_KEPT = 300

/** Shorter values are not learnt: replacing `id` or `1` everywhere would only garble messages. */
const MIN_LEARNT = 3

// Unanchored, so each is kept linear: no nested quantifiers over overlapping characters, and
// the input is at most MAX_KEPT characters.
const PATTERNS: [string, RegExp][] = [
  ['<jwt>', /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g],
  ['<email>', /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+/g],
  ['<uuid>', /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi],
  ['<date-time>', /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?/g],
  // A document or card number written in groups (`123.456.789-09`, `4111 1111 1111 1111`).
  ['<digits>', /(?<![A-Za-z0-9])\d(?:[.\s-]?\d){7,}(?![A-Za-z0-9])/g],
  // A run of key characters with a digit in it: long, it is a key, a secret or an id (named
  // `<digits>` or `<hex>` when it is only that); short, a word like `v1` or `HS256`.
  ['<token>', /[A-Za-z0-9_-]*\d[A-Za-z0-9_-]*/g],
]

/** Keys whose string values are learnt whatever their length or format: who someone is, and what opens an account. */
const PERSONAL_OR_SECRET = /(name|email|phone|mobile|address|birth|document|cpf|secret|password|token|key|signature|authorization|id)$/i

export class Redactor {
  /** Every learnt value, and the same grouped by first character, longest first (for the scan). */
  readonly #known = new Set<string>()
  readonly #byFirst = new Map<string, string[]>()

  /** Remembers a value to redact wherever it appears later. */
  learn(value: unknown): void {
    if (typeof value === 'string') {
      if (value.length >= MIN_LEARNT) this.#add(value)
    } else if (typeof value === 'number' && Math.abs(value) >= 1000) this.#add(String(value))
  }

  #add(value: string): void {
    if (this.#known.has(value)) return
    this.#known.add(value)
    const group = this.#byFirst.get(value[0]!) ?? []
    const at = group.findIndex((v) => v.length < value.length)
    group.splice(at === -1 ? group.length : at, 0, value)
    this.#byFirst.set(value[0]!, group)
  }

  /**
   * A request header's value: the whole of it, the credentials after its scheme (`Bearer <token>`),
   * and for `Basic` the decoded `user:password`, the user and the password each, so an answer
   * that echoes only the user name (`user hedmoral_admin is locked`) is redacted too.
   */
  learnCredential(value: string): void {
    this.learn(value)
    const scheme = /^([A-Za-z][A-Za-z0-9_-]*) +(\S.*)$/.exec(value)
    if (!scheme) return
    const credentials = scheme[2]!.trim()
    this.learn(credentials)
    if (scheme[1]!.toLowerCase() !== 'basic') return
    const decoded = Buffer.from(credentials, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon === -1) return
    this.learn(decoded)
    this.learn(decoded.slice(0, colon))
    this.learn(decoded.slice(colon + 1))
  }

  /** Every value in a JSON value, e.g. a request body: all of it is input (its keys are the API's own names). */
  learnAll(value: unknown): void {
    if (typeof value === 'string' || typeof value === 'number') this.learn(value)
    else if (Array.isArray(value)) for (const v of value) this.learnAll(v)
    else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) this.learnAll(v)
  }

  /** An answer's values that could be personal or secret: under such a key, or in such a format. */
  learnAnswer(value: unknown, key = ''): void {
    if (typeof value === 'string') {
      const format = formatOf(value)
      if (PERSONAL_OR_SECRET.test(key) || (format !== 'string' && format !== 'empty' && format !== 'path')) this.learn(value)
    } else if (typeof value === 'number') {
      if (PERSONAL_OR_SECRET.test(key)) this.learn(value)
    } else if (Array.isArray(value)) for (const v of value) this.learnAnswer(v, key)
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) this.learnAnswer(v, k)
  }

  /** Whether `value` is one the run has seen as input or as an answer's id or secret. */
  knows(value: string): boolean {
    return this.#known.has(value)
  }

  /**
   * `text` with every known value and every secret-looking pattern replaced. Known values are
   * replaced first, on the text as it is, and only then is it cut at MAX_KEPT: a secret that
   * straddles the cut is replaced whole, never kept as its first half.
   */
  redact = (text: string): string => redactPatterns(this.#replaceKnown(text))

  /**
   * One scan from the left: at each position the longest known value starting there (a short
   * plain word only where it stands as a word, so `personDetails` survives the input `person`)
   * becomes `<redacted>`. It stops once more than MAX_KEPT characters are out, so its time is
   * bounded by that many positions, whatever the text's length.
   */
  #replaceKnown(text: string): string {
    let out = ''
    let i = 0
    let plainFrom = 0
    while (i < text.length && out.length + (i - plainFrom) <= MAX_KEPT) {
      const value = this.#byFirst.get(text[i]!)?.find((v) => text.startsWith(v, i) && standsAlone(text, i, v))
      if (value === undefined) {
        i++
        continue
      }
      out += text.slice(plainFrom, i) + '<redacted>'
      i += value.length
      plainFrom = i
    }
    out += text.slice(plainFrom, i)
    // Stopped early, `out` is already past MAX_KEPT: redactPatterns cuts it there and adds the `…`.
    return i < text.length ? out + '…' : out
  }
}

/** A short plain word (under 8 letters) counts only with no word character either side; anything else counts anywhere. */
function standsAlone(text: string, at: number, value: string): boolean {
  if (value.length >= 8 || !/^[A-Za-z]+$/.test(value)) return true
  const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c)
  return !isWordChar(text[at - 1]) && !isWordChar(text[at + value.length])
}

/** Pass 2 alone: what a value looks like, for strings no run has seen (e.g. a case name). */
export function redactPatterns(text: string): string {
  let out = text.length > MAX_KEPT ? text.slice(0, MAX_KEPT) + '…' : text
  for (const [mark, pattern] of PATTERNS) {
    out = out.replace(pattern, (hit) => (mark === '<token>' ? tokenMark(hit) : mark))
  }
  return out
}

function tokenMark(hit: string): string {
  if (/^\d+$/.test(hit)) return hit.length >= 6 ? '<digits>' : hit
  if (/^[0-9a-f]+$/i.test(hit)) return hit.length >= 16 ? '<hex>' : hit
  return hit.length >= 16 ? '<token>' : hit
}
