// Field checks for CAF request bodies. Each returns the message for the caller (400), or null.
// Unknown fields are refused so that a typo (`peopleID`) fails loudly instead of silently.
import { quote } from '../../core/clip.ts'
import { isRecord, own } from '../../core/http.ts'
import { unknownFields } from '../../core/fields.ts'
import { hasValidCpfCheckDigits, isCpfShaped, normalisePersonId } from './cpf.ts'
import type { CafSettings } from './state.ts'

export type Problem = string | null

/** The body as an object with only `allowed` keys; undefined (no body) reads as `{}`. */
export function objectBody(body: unknown, allowed: readonly string[]): Record<string, unknown> | string {
  const value = body === undefined ? {} : body
  if (!isRecord(value)) return 'The request body must be a JSON object'
  const [unknown] = unknownFields(value, allowed)
  return unknown === undefined ? value : `'${quote(unknown)}' is not an allowed field`
}

export function stringField(obj: Record<string, unknown>, key: string, required: boolean, label = key): Problem {
  const v = own(obj, key)
  if (v === undefined || v === null) return required ? `'${label}' is required` : null
  if (typeof v !== 'string') return `'${label}' must be a string`
  if (required && v.trim() === '') return `'${label}' is required`
  if (v.length > 2048) return `'${label}' must be at most 2048 characters long`
  return null
}

/** A CPF: eleven digits once `.`, `-`, `/` are stripped; check digits too under `strictCpf`. */
export function cpfField(obj: Record<string, unknown>, key: string, required: boolean, settings: CafSettings, label = key): Problem {
  const problem = stringField(obj, key, required, label)
  if (problem || own(obj, key) === undefined || own(obj, key) === null) return problem
  const v = obj[key] as string
  if (!isCpfShaped(v)) return `'${label}' must be a CPF: 11 digits`
  if (settings.strictCpf && !hasValidCpfCheckDigits(v)) return `'${label}' is not a valid CPF`
  return null
}

/** CAF's person identifier: 5–254 letters, digits and `@ . _ -`, or a masked document. */
export function personIdField(obj: Record<string, unknown>, key: string, settings: CafSettings): Problem {
  const problem = stringField(obj, key, true)
  if (problem) return problem
  const v = normalisePersonId(obj[key] as string)
  if (v.length < 5 || v.length > 254 || !/^[A-Za-z0-9@._-]+$/.test(v)) {
    return `'${key}' must be 5 to 254 letters, digits or @ . _ -`
  }
  if (settings.strictCpf && /^\d+$/.test(v) && !hasValidCpfCheckDigits(v)) return `'${key}' is not a valid CPF`
  return null
}

const NOT_ACCEPTED_IMAGE = /\.(gif|webp|tiff?|heic|heif|svg|avif)$/i
export const IMAGE_FORMAT = 'The image must be a JPEG, PNG or BMP'

/** An http(s) URL; a path ending in a format CAF does not take (it takes JPEG, PNG, BMP) is refused. */
export function imageUrlField(obj: Record<string, unknown>, key: string, required: boolean): Problem {
  const problem = stringField(obj, key, required)
  if (problem || own(obj, key) === undefined || own(obj, key) === null) return problem
  let url: URL
  try {
    url = new URL(obj[key] as string)
  } catch {
    return `'${key}' must be a URL`
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `'${key}' must be an http or https URL`
  if (NOT_ACCEPTED_IMAGE.test(url.pathname)) return IMAGE_FORMAT
  return null
}

/** A nested object of optional string fields, no others. */
export function stringsObject(obj: Record<string, unknown>, key: string, fields: readonly string[]): Problem {
  const v = own(obj, key)
  if (v === undefined || v === null) return null
  if (!isRecord(v)) return `'${key}' must be an object`
  for (const k of Object.keys(v)) {
    if (!fields.includes(k)) return `'${key}.${quote(k)}' is not an allowed field`
    const problem = stringField(v, k, false, `${key}.${k}`)
    if (problem) return problem
  }
  return null
}

export const firstProblem = (...problems: (() => Problem)[]): Problem => {
  for (const p of problems) {
    const found = p()
    if (found) return found
  }
  return null
}
