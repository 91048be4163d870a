// Building blocks for the vendors' fixture schemas (valibot): every message says what is expected
// and never echoes the value (a secret, or a megabyte of it), unknown keys name the known ones,
// and the checks across entries (a key seeded twice) report the entry they are about. The
// schemas are the one definition of a fixture's format: the sandbox checks fixtures with them
// (../core/fixtures.ts) and fixtures/schema/<vendor>.schema.json is generated from them
// (src/contract/tools/fixture-schemas.ts).
import * as v from 'valibot'

/** `$schema` (for editors) and `$comment`, allowed at the top of every fixture file. */
export const FILE_KEYS = {
  $schema: v.optional(v.pipe(v.string('must be a string'), v.description('The JSON Schema this file follows (for editors).'))),
  $comment: v.optional(v.string('must be a string')),
}

/**
 * An object with exactly these keys (the optional ones may be left out): a missing key is
 * required, an unknown one is named with the known ones. (Valibot takes an array for an object;
 * the first step refuses one, as JSON Schema's `type: object` does.)
 */
export function record<const E extends v.ObjectEntries>(entries: E, description: string) {
  const known = Object.keys(entries).filter((k) => !k.startsWith('$'))
  const expected = `must be an object with ${known.join(', ')}`
  return v.pipe(
    v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), expected),
    v.strictObject(entries, (issue) =>
      issue.expected === 'never' ? `is not a known key (known: ${known.join(', ')})` : issue.input === undefined ? 'is required' : expected,
    ),
    v.description(description),
  )
}

/** A list of `item`s. */
export const list = <const T extends v.GenericSchema>(item: T, description: string) => v.pipe(v.array(item, 'must be an array'), v.description(description))

/** A string of `min` to `max` characters. */
export const text = (description: string, min = 1, max = 256) =>
  v.pipe(
    v.string('must be a string'),
    v.minLength(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters long`),
    v.maxLength(max, `must be at most ${max} characters long`),
    v.description(description),
  )

/** A string matching `pattern`; `expected` says what in words. */
export const matching = (pattern: RegExp, expected: string, description: string) =>
  v.pipe(v.string(`must be a string: ${expected}`), v.regex(pattern, `must be ${expected}`), v.description(description))

export const flag = (description: string) => v.pipe(v.boolean('must be true or false'), v.description(description))

export const integer = (min: number, max: number, description: string) =>
  v.pipe(
    v.number(`must be an integer from ${min} to ${max}`),
    v.integer(`must be an integer from ${min} to ${max}`),
    v.minValue(min, `must be an integer from ${min} to ${max}`),
    v.maxValue(max, `must be an integer from ${min} to ${max}`),
    v.description(description),
  )

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, description: string) =>
  v.pipe(v.picklist(values, `must be one of ${values.join(', ')}`), v.description(description))

/** A date and time as `toISOString` writes it (2026-01-01T00:00:00.000Z; seconds and fraction optional). */
export const timestamp = (description: string) =>
  v.pipe(v.string('must be a date and time like 2026-01-01T00:00:00.000Z'), v.isoTimestamp('must be a date and time like 2026-01-01T00:00:00.000Z'), v.description(description))

/** An absolute http(s) URL. */
export const url = (description: string) =>
  v.pipe(v.string('must be an absolute URL'), v.maxLength(2048, 'must be at most 2048 characters long'), v.regex(/^https?:\/\/[^\s/?#][^\s]*$/, 'must be an absolute http(s) URL'), v.check(isUrl, 'must be an absolute http(s) URL'), v.description(description))

function isUrl(s: string): boolean {
  try {
    new URL(s)
    return true
  } catch {
    return false
  }
}

type PathItem = v.IssuePathItem
/** Valibot's path items for `keys` below `input`, for an issue added by a check on `input`. */
export function pathTo(input: unknown, keys: readonly (string | number)[]): [PathItem, ...PathItem[]] | undefined {
  const items: PathItem[] = []
  let at: unknown = input
  for (const key of keys) {
    const value = (at as Record<string | number, unknown>)[key]
    items.push(
      typeof key === 'number'
        ? { type: 'array', origin: 'value', input: at as unknown[], key, value }
        : { type: 'object', origin: 'value', input: at as Record<string, unknown>, key, value },
    )
    at = value
  }
  return items.length === 0 ? undefined : (items as [PathItem, ...PathItem[]])
}

/**
 * A check on a list: no two items share `keyOf(item)` (items whose key is undefined are not
 * compared). The second one is reported, at `field` inside it (null: the item itself). Linear: a Map.
 */
// A pipe's actions must take exactly the pipe's type; these checks read only a few fields of it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any

export function unique(keyOf: (item: Any) => string | undefined, field: string | null, what: string) {
  return v.rawCheck<Any>(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const items = dataset.value as unknown[]
    const seen = new Map<string, number>()
    items.forEach((item, i) => {
      const key = keyOf(item)
      if (key === undefined) return
      const first = seen.get(key)
      if (first === undefined) seen.set(key, i)
      else addIssue({ message: `${what} as item ${first}`, path: pathTo(items, field === null ? [i] : [i, field]) })
    })
  })
}

/** A check across the fields of an object (or items of a list): `problem` returns the path of the first problem and what is expected there, or null. */
export function across<T>(problem: (value: T) => { path: (string | number)[]; message: string } | null) {
  return v.rawCheck<Any>(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const found = problem(dataset.value as T)
    if (found) addIssue({ message: found.message, path: pathTo(dataset.value, found.path) })
  })
}
