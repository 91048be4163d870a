// What a stored row's fields must hold beyond their type, checked when a snapshot is loaded
// (core/snapshot.ts): a value the handlers would choke on later (a document that is not JSON,
// a date that is not one) is refused at start, with the path of the bad value.
import { MAX_EPOCH_MS } from './clock.ts'

/** What is wrong with `value` (said after its path: "must be …"), or null when it is fine. */
export type Rule = (value: unknown, row: Record<string, unknown>) => string | null
/** Model name → property name → its rule. */
export type Rules = Record<string, Record<string, Rule>>

export const nonEmpty: Rule = (v) => (v === '' ? 'must not be empty' : null)

export const oneOf =
  (values: readonly string[]): Rule =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : `must be one of ${values.join(', ')}`

/** Milliseconds since the epoch, within the range of a Date. */
export const epochMs: Rule = (v) => (Number.isInteger(v) && Math.abs(v as number) <= MAX_EPOCH_MS ? null : 'must be a whole number of milliseconds within the range of a date')

export const isoDate: Rule = (v) => (typeof v === 'string' && v.length <= 64 && Number.isFinite(Date.parse(v)) ? null : 'must be a date (ISO 8601)')

export const nonNegativeInteger: Rule = (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? null : 'must be a whole number, 0 or more')

/** A JSON text whose value passes `check` (which says what is wrong, or null). */
export const json =
  (what: string, check: (parsed: unknown, row: Record<string, unknown>) => string | null): Rule =>
  (v, row) => {
    let parsed: unknown
    try {
      parsed = JSON.parse(v as string)
    } catch {
      return `must be ${what} as JSON text (it is not valid JSON)`
    }
    const problem = check(parsed, row)
    return problem === null ? null : `must be ${what} as JSON text: ${problem}`
  }

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Every rule of `rules`, in order: the first problem found. */
export const all =
  (...rules: Rule[]): Rule =>
  (v, row) => {
    for (const rule of rules) {
      const problem = rule(v, row)
      if (problem !== null) return problem
    }
    return null
  }

/** The value equals what `expected` builds from the row (an id made of other fields). */
export const derived =
  (describe: string, expected: (row: Record<string, unknown>) => unknown): Rule =>
  (v, row) =>
    v === expected(row) ? null : `must be ${describe} (${JSON.stringify(expected(row))})`
