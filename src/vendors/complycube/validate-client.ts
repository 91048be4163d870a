// Validation of client bodies, field by field as ComplyCube's "Create a client" page lists
// them. The first problem found is reported, with `param` naming the field (dotted when nested).
import { quote } from '../../core/clip.ts'
import { isRecord, own } from '../../core/http.ts'
import { isoOrNull } from '../../core/instants.ts'

export type Problem = { param: string; message: string }

type FieldRule = (value: unknown, param: string) => Problem | null

const DATE = /^\d{4}-\d{2}-\d{2}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const COUNTRY = /^[A-Z]{2}$/

const str = (max = 255): FieldRule => (v, param) => {
  if (v === null) return null
  if (typeof v !== 'string') return { param, message: `'${param}' must be a string` }
  if (v.length > max) return { param, message: `'${param}' must be at most ${max} characters long` }
  return null
}

const oneOf = (values: string[]): FieldRule => (v, param) =>
  v === null || (typeof v === 'string' && values.includes(v))
    ? null
    : { param, message: `'${param}' must be one of [${values.join(', ')}]` }

const date: FieldRule = (v, param) => {
  if (v === null) return null
  // Date.parse rolls 2026-02-31 over to March 3rd: a real date formats back to itself.
  if (typeof v !== 'string' || !DATE.test(v) || isoOrNull(Date.parse(v))?.slice(0, 10) !== v) {
    return { param, message: `'${param}' must be a valid date in the format YYYY-MM-DD` }
  }
  return null
}

const country: FieldRule = (v, param) =>
  v === null || (typeof v === 'string' && COUNTRY.test(v))
    ? null
    : { param, message: `'${param}' must be a valid ISO 3166-1 alpha-2 country code` }

const email: FieldRule = (v, param) =>
  typeof v === 'string' && v.length <= 254 && EMAIL.test(v) ? null : { param, message: `'${param}' must be a valid email` }

const PERSON_FIELDS: Record<string, FieldRule> = {
  firstName: str(100),
  middleName: str(100),
  lastName: str(100),
  dob: date,
  gender: oneOf(['male', 'female', 'other']),
  nationality: country,
  birthCountry: country,
  ssn: str(),
  socialInsuranceNumber: str(),
  nationalIdentityNumber: str(),
  taxIdentificationNumber: str(),
}

const COMPANY_FIELDS: Record<string, FieldRule> = {
  name: str(),
  website: str(),
  registrationNumber: str(),
  incorporationCountry: country,
  incorporationType: str(),
}

const metadata: FieldRule = (v, param) => {
  if (v === null) return null
  if (!isRecord(v)) return { param, message: `'${param}' must be an object` }
  const keys = Object.keys(v)
  if (keys.length > 20) return { param, message: `'${param}' must have at most 20 keys` }
  for (const k of keys) {
    if (k.length > 40) return { param: `${param}.${quote(k)}`, message: `'${param}' keys must be at most 40 characters long` }
    const problem = str(500)(v[k], `${param}.${k}`)
    if (problem) return problem
  }
  return null
}

const nested = (fields: Record<string, FieldRule>): FieldRule => (v, param) => {
  if (v === null) return null
  if (!isRecord(v)) return { param, message: `'${param}' must be an object` }
  return checkFields(v, fields, `${param}.`)
}

const CLIENT_FIELDS: Record<string, FieldRule> = {
  type: oneOf(['person', 'company']),
  entityName: str(),
  email,
  mobile: str(30),
  telephone: str(30),
  joinedDate: date,
  externalId: str(),
  lastActionBy: str(),
  personDetails: nested(PERSON_FIELDS),
  companyDetails: nested(COMPANY_FIELDS),
  metadata,
}

function checkFields(body: Record<string, unknown>, fields: Record<string, FieldRule>, prefix: string): Problem | null {
  for (const key of Object.keys(body)) {
    const rule = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined
    if (!rule) return { param: `${prefix}${quote(key)}`, message: `'${prefix}${quote(key)}' is not allowed` }
    const problem = rule(body[key], `${prefix}${key}`)
    if (problem) return problem
  }
  return null
}

const required = (obj: Record<string, unknown>, key: string, param = key): Problem | null => {
  const v = own(obj, key)
  return v === undefined || v === null || v === '' ? { param, message: `'${param}' is required` } : null
}

/** Validates a create request; returns the first problem or null. */
export function validateCreate(body: unknown): Problem | null {
  if (!isRecord(body)) return { param: 'type', message: "'type' is required" }
  const missing = required(body, 'type') ?? required(body, 'email')
  if (missing) return missing
  const problem = checkFields(body, CLIENT_FIELDS, '')
  if (problem) return problem
  return detailsFor(body, body.type as string)
}

/** Validates an update request against the stored client's type. */
export function validateUpdate(body: unknown, type: string): Problem | null {
  if (!isRecord(body)) return { param: 'body', message: "'body' must be an object" }
  const problem = checkFields(body, CLIENT_FIELDS, '')
  if (problem) return problem
  if (own(body, 'type') !== undefined && body.type !== type) {
    return { param: 'type', message: "'type' cannot be changed" }
  }
  if (own(body, 'email') === null) return { param: 'email', message: "'email' is required" }
  if (own(body, 'personDetails') !== undefined || own(body, 'companyDetails') !== undefined) {
    return detailsFor(body, type, true)
  }
  return null
}

function detailsFor(body: Record<string, unknown>, type: string, partial = false): Problem | null {
  const key = type === 'person' ? 'personDetails' : 'companyDetails'
  const other = type === 'person' ? 'companyDetails' : 'personDetails'
  if (own(body, other) !== undefined && own(body, other) !== null) {
    return { param: other, message: `'${other}' is not allowed when client type is \`${type}\`` }
  }
  const details = own(body, key)
  if (partial && details === undefined) return null
  if (!isRecord(details)) return { param: key, message: `'${key}' must be provided when client type is \`${type}\`` }
  if (partial) return null
  return type === 'person'
    ? required(details, 'firstName', 'personDetails.firstName') ?? required(details, 'lastName', 'personDetails.lastName')
    : required(details, 'name', 'companyDetails.name')
}
