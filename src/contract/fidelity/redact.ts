// What keeps secrets and personal data out of a fidelity record. Two passes over every string
// the record keeps (error messages, header values, case names, path segments):
// 1. every value the run has seen that could be a secret or an echo of input — each request's
//    credentials, path ids, query values and body strings, each answer's ids, tokens, emails
//    and names — is replaced by `<redacted>` wherever it occurs;
// 2. whatever still looks like a JWT, UUID, ObjectId, long hex, email, instant, long number or
//    opaque key is replaced by its format (`<jwt>`, `<email>`…), seen before or not.
import { formatOf } from './shape.ts'

/** The longest string kept; longer ones are cut (with `…`) before any pattern looks at them. */
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
  readonly #known = new Set<string>()

  /** Remembers a value to redact wherever it appears later. */
  learn(value: unknown): void {
    if (typeof value === 'string') {
      if (value.length >= MIN_LEARNT) this.#known.add(value)
    } else if (typeof value === 'number' && Math.abs(value) >= 1000) this.#known.add(String(value))
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

  /** `text` with every known value and every secret-looking pattern replaced. */
  redact = (text: string): string => {
    let out = text.length > MAX_KEPT ? text.slice(0, MAX_KEPT) + '…' : text
    // Longest first, so a value containing another is replaced whole.
    for (const value of [...this.#known].sort((a, b) => b.length - a.length)) {
      if (out.includes(value)) out = replaceValue(out, value)
    }
    return redactPatterns(out)
  }
}

/**
 * `value` replaced in `text`: everywhere, or for a short plain word (a name, an enum sent as
 * input) only where it stands as a word, so `personDetails` survives the input `person`.
 */
function replaceValue(text: string, value: string): string {
  if (value.length >= 8 || !/^[A-Za-z]+$/.test(value)) return text.split(value).join('<redacted>')
  const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c)
  let out = ''
  let from = 0
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) {
    if (isWordChar(text[at - 1]) || isWordChar(text[at + value.length])) continue
    out += text.slice(from, at) + '<redacted>'
    from = at + value.length
  }
  return out + text.slice(from)
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
