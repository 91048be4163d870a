// Request input for the CA APIs. CA lists `Content-Type: application/json` as OPTIONAL, so a
// body without a Content-Type (or an empty one) is read as JSON; a body declared as something
// else is refused with `invalid_input` [MOCK].
// Fields missing (absent, null or empty) answer `missing_input`, the documented code; fields
// of the wrong type or format answer `invalid_input` [MOCK]. Unknown keys are ignored [MOCK]:
// CA's field tables are only partly public, so a real field we do not know must not fail.
import { parseJsonBody } from '../../core/body.ts'
import { isRecord, own } from '../../core/http.ts'
import type { RouteContext } from '../../core/service.ts'
import type { SandboxResponse } from '../../core/types.ts'
import { caError, errors, invalidInput, missingInput } from './errors.ts'

export type Read<T> = { ok: true; value: T } | { ok: false; response: SandboxResponse; reason: string }

const fail = (response: SandboxResponse, reason: string): { ok: false; response: SandboxResponse; reason: string } => ({
  ok: false,
  response,
  reason,
})

/** The JSON object body; `{}` when there is none. */
export function readBody(ctx: RouteContext<unknown>): Read<Record<string, unknown>> {
  const { req, core } = ctx
  const parsed = parseJsonBody(req.body, req.headers['content-type'] || 'application/json', core.bodyLimit)
  if (!parsed.ok) {
    if (parsed.problem === 'too_large') return fail(errors.bodyTooLarge(core.bodyLimit), 'body too large')
    if (parsed.problem === 'content_type') return fail(errors.unsupportedContentType(req.headers['content-type']), parsed.detail)
    if (parsed.problem === 'ill_formed') return fail(errors.illFormedString(parsed.path), parsed.detail)
    return fail(errors.malformedJson(parsed.detail), `malformed JSON: ${parsed.detail}`)
  }
  if (parsed.value === undefined) return { ok: true, value: {} }
  if (!isRecord(parsed.value)) return fail(caError('invalid_input', 'Request body must be a JSON object'), 'body is not an object')
  return { ok: true, value: parsed.value }
}

export interface StringRule {
  /** Longest accepted value (default 256). */
  max?: number
  pattern?: RegExp
  /** The element name errors report, when it differs from the key (`contacts[0].type`). */
  label?: string
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')

/** A required string element: missing_input when absent or empty, invalid_input when wrong. */
export function requiredString(source: Record<string, unknown>, key: string, rule: StringRule = {}): Read<string> {
  const v = own(source, key)
  const element = rule.label ?? key
  if (isBlank(v)) return fail(missingInput(element), `${element} missing`)
  return checkString(v, element, rule)
}

/** An optional string element: undefined when absent, null or empty. */
export function optionalString(source: Record<string, unknown>, key: string, rule: StringRule = {}): Read<string | undefined> {
  const v = own(source, key)
  if (isBlank(v)) return { ok: true, value: undefined }
  return checkString(v, rule.label ?? key, rule)
}

function checkString(v: unknown, element: string, rule: StringRule): Read<string> {
  if (typeof v !== 'string') return fail(invalidInput(element), `${element} is not a string`)
  if (v.length > (rule.max ?? 256)) return fail(invalidInput(element), `${element} is too long`)
  if (rule.pattern && !rule.pattern.test(v)) return fail(invalidInput(element), `${element} has the wrong format`)
  return { ok: true, value: v }
}

/** Query parameters as a record, first value of each (for GET and DELETE APIs). */
export function queryRecord(query: URLSearchParams): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown> // `__proto__` stays a plain key
  for (const [k, v] of query) if (!Object.prototype.hasOwnProperty.call(out, k)) out[k] = v
  return out
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** [MOCK] card numbers: 12 to 19 digits (PAN lengths). */
export const CARD_NUMBER = /^\d{12,19}$/
