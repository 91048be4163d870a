// The one rule for strings that are not well-formed Unicode (a lone UTF-16 surrogate, which JSON
// can carry as "\ud800"): a request whose JSON body holds one, as a value or as an object key,
// is refused with the vendor's 400 naming the field (`ErrorBuilders.illFormedString`). No UTF-8
// system can store such a string as it is (SQLite turns it into U+FFFD, so "c\ud800" and
// "c\udfff" would become one key), and the real vendors' services are UTF-8 throughout.
// Path parameters and the query are well-formed by construction: `decodeURIComponent` throws on
// an encoded surrogate (the route does not match) and URLSearchParams decodes bad UTF-8 to U+FFFD.
import { quote } from './clip.ts'
import { escapeControls } from './shown.ts'

/** Where in a JSON value a string sits: object keys and array indices from the root. */
export type FieldPath = readonly (string | number)[]

interface Frame {
  value: object
  parent: Frame | null
  key: string | number
}

const pathOf = (frame: Frame, last: string | number): (string | number)[] => {
  const path: (string | number)[] = [last]
  for (let f: Frame | null = frame; f !== null && f.parent !== null; f = f.parent) path.push(f.key)
  return path.reverse()
}

/**
 * The path of a string in `value` that is not well-formed (a key's path ends with that key), or
 * null when every string and key is. One walk, linear in the value's size, with its own stack:
 * a body nested 100,000 deep does not overflow the call stack.
 */
export function illFormedPath(value: unknown): FieldPath | null {
  if (typeof value === 'string') return value.isWellFormed() ? null : []
  if (value === null || typeof value !== 'object') return null
  const stack: Frame[] = [{ value, parent: null, key: '' }]
  while (stack.length !== 0) {
    const frame = stack.pop()!
    const v = frame.value
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i]
        if (typeof item === 'string') {
          if (!item.isWellFormed()) return pathOf(frame, i)
        } else if (item !== null && typeof item === 'object') stack.push({ value: item, parent: frame, key: i })
      }
      continue
    }
    for (const key of Object.keys(v)) {
      if (!key.isWellFormed()) return pathOf(frame, key)
      const item: unknown = (v as Record<string, unknown>)[key]
      if (typeof item === 'string') {
        if (!item.isWellFormed()) return pathOf(frame, key)
      } else if (item !== null && typeof item === 'object') stack.push({ value: item, parent: frame, key })
    }
  }
  return null
}

/** A path segment as messages show it: clipped, a lone surrogate written as `\ud800`. */
const segment = (key: string | number) => (typeof key === 'number' ? String(key) : escapeControls(quote(key)))

/** `contacts[0].contact_id`: the JavaScript style (CA's elements, the admin API); `body` for the root. */
export function bracketPath(path: FieldPath): string {
  if (path.length === 0) return 'body'
  let out = ''
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? segment(key) : `.${segment(key)}`
  return out
}

/** `personDetails.nationality`, `addresses.0.city`: dotted all the way (ComplyCube's `param`); `body` for the root. */
export function dottedPath(path: FieldPath): string {
  return path.length === 0 ? 'body' : path.map(segment).join('.')
}
