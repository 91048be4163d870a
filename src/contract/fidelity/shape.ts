// A JSON value's shape: what a fidelity record keeps of a body instead of the body. Keys, types,
// string formats (a JWT with its header and claims shaped too), array lengths; never a string
// value. An error body (`keepValues`) also keeps its strings, numbers and booleans, each
// string passed through the record's redaction first: that is the message text an
// integration shows or matches.

/** A string's format, from the most specific to plain `string`. */
export type StringFormat =
  | 'empty'
  | 'jwt'
  | 'uuid'
  | 'objectid'
  | 'hex'
  | 'date-time'
  | 'date'
  | 'email'
  | 'url'
  | 'path'
  | 'digits'
  | 'token'
  | 'string'

export type Shape =
  | { type: 'null' | 'boolean' | 'integer' | 'number'; value?: boolean | number }
  | { type: 'string'; format: StringFormat; value?: string; jwt?: { header: Record<string, Shape>; claims: Record<string, Shape> } }
  | { type: 'array'; length: number; items?: Shape | { anyOf: Shape[] } }
  | { type: 'object'; keys: Record<string, Shape> }

// Each pattern is anchored and has no nested quantifier over overlapping characters, so its
// time is linear in the string (and strings are clipped before they get here).
const FORMATS: [StringFormat, RegExp][] = [
  ['jwt', /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/],
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['objectid', /^[0-9a-f]{24}$/],
  ['hex', /^[0-9a-f]{16,}$/i],
  ['date-time', /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/],
  ['date', /^\d{4}-\d{2}-\d{2}$/],
  ['email', /^[^\s@]+@[^\s@]+$/],
  ['url', /^[a-z][a-z0-9+.-]*:\/\/\S+$/i],
  ['path', /^\/\S*$/],
  ['digits', /^\d+$/],
  // Keys, secrets, opaque ids: one run of URL-safe characters, long, with a digit in it.
  ['token', /^(?=[^\d]*\d)[A-Za-z0-9_.~+/=-]{20,}$/],
]

/** The longest string a format is looked for in (a JWT of a few kilobytes is still a JWT). */
const MAX_FORMAT_INPUT = 16_384

export function formatOf(value: string): StringFormat {
  if (value === '') return 'empty'
  if (value.length > MAX_FORMAT_INPUT) return 'string'
  for (const [format, pattern] of FORMATS) {
    if (format === 'jwt' ? isJwt(value) : pattern.test(value)) return format
  }
  return 'string'
}

function decodePart(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function isJwt(value: string): boolean {
  if (!FORMATS[0]![1].test(value)) return false
  const [header, claims] = value.split('.')
  return isObject(decodePart(header!)) && isObject(decodePart(claims!))
}

export interface ShapeOptions {
  /** Keep strings (redacted by `redact`), numbers and booleans: an error body's fixed fields and message. */
  keepValues?: boolean
  /** Applied to every string kept and to every object key. */
  redact: (text: string) => string
}

/** Numbers that look like instants (seconds or milliseconds since 1970) are never kept as values. */
const INSTANT_FROM = 1_000_000_000

export function shapeOf(value: unknown, options: ShapeOptions): Shape {
  if (value === null || value === undefined) return { type: 'null' }
  if (typeof value === 'boolean') return options.keepValues ? { type: 'boolean', value } : { type: 'boolean' }
  if (typeof value === 'number') {
    const type = Number.isInteger(value) ? 'integer' : 'number'
    return options.keepValues && Math.abs(value) < INSTANT_FROM ? { type, value } : { type }
  }
  if (typeof value === 'string') {
    const format = formatOf(value)
    const shape: Shape = { type: 'string', format }
    if (format === 'jwt') {
      // The JWT's own shape: its header and claims, names and types, never their values.
      const [header, claims] = value.split('.').map(decodePart) as [Record<string, unknown>, Record<string, unknown>]
      const inner = { redact: options.redact }
      shape.jwt = { header: objectShape(header, inner).keys, claims: objectShape(claims, inner).keys }
      // The signing algorithm is a fact about the vendor, not about the holder.
      if (typeof header.alg === 'string' && /^[A-Za-z0-9]{1,16}$/.test(header.alg)) shape.jwt.header.alg = { type: 'string', format: 'string', value: header.alg }
    } else if (options.keepValues) shape.value = options.redact(value)
    return shape
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return { type: 'array', length: 0 }
    const shapes = value.map((v) => shapeOf(v, options))
    const distinct = [...new Map(shapes.map((s) => [stableJson(s), s])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s)
    return { type: 'array', length: value.length, items: distinct.length === 1 ? distinct[0]! : { anyOf: distinct } }
  }
  if (isObject(value)) return objectShape(value, options)
  return { type: 'null' }
}

function objectShape(value: Record<string, unknown>, options: ShapeOptions): { type: 'object'; keys: Record<string, Shape> } {
  // No prototype: an answer's `__proto__` key is a key like any other, not a prototype to set.
  const keys: Record<string, Shape> = Object.create(null)
  for (const [key, v] of Object.entries(value)) {
    // A map keyed by ids or emails would carry them in its keys.
    const format = formatOf(key)
    const name = format === 'string' || format === 'path' || format === 'digits' ? options.redact(key) : `<${format}>`
    keys[name] = shapeOf(v, options)
  }
  return { type: 'object', keys }
}

/** JSON with every object's keys sorted: the record's one serialisation, stable and diffable. */
export function stableJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent)
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (!isObject(value)) return value
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .filter((k) => value[k] !== undefined)
      .map((k) => [k, sortKeys(value[k])]),
  )
}
