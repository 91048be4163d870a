// Verification of the mobile token a CAF integrator's backend signs: three parts, HS256 only,
// `iss` a clientId of this environment, signed with that key's clientSecret, `exp` (optional) by
// the sandbox clock, the key linked to the product, `peopleId`/`personId` equal to the request's
// CPF. CAF answers every failure with one generic message; the refusal says which check failed.
import { base64url } from 'jose'
import { isRecord } from '../../core/http.ts'
import { hasValidCpfCheckDigits, normalisePersonId } from './cpf.ts'
import type { Product } from './products.ts'
import { findKeyAnywhere, type CafState, type Environment, type PresentedToken } from './state.ts'
import type { JWTPayload, VerifyFailure } from '../../core/jwt.ts'
import { describeSeconds } from '../../core/instants.ts'

export type Refusal =
  | 'missing'
  | 'malformed'
  | 'alg_not_allowed'
  | 'unknown_iss'
  | 'wrong_environment'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'revoked_key'
  | 'product_not_linked'
  | 'people_id_mismatch'
  | 'invalid_cpf'

/** How each refusal starts in the journal's `reason`. */
export const REFUSAL_LABELS: Record<Refusal, string> = {
  missing: 'missing token',
  malformed: 'malformed',
  alg_not_allowed: 'alg not allowed',
  unknown_iss: 'unknown iss',
  wrong_environment: 'wrong environment',
  bad_signature: 'bad signature',
  expired: 'expired',
  not_yet_valid: 'not yet valid',
  revoked_key: 'revoked key',
  product_not_linked: 'product not linked',
  people_id_mismatch: 'peopleId mismatch',
  invalid_cpf: 'invalid CPF',
}

export type TokenRefusal = { ok: false; refusal: Refusal; detail: string }
export type TokenCheck = { ok: true; token: PresentedToken } | TokenRefusal

export const refused = (refusal: Refusal, detail: string): TokenRefusal => ({ ok: false, refusal, detail })

/** `expired: exp 2026-… is past (sandbox clock 2026-…)`: the journal line for a refusal. */
export function describeRefusal(check: { refusal: Refusal; detail: string }): string {
  return `${REFUSAL_LABELS[check.refusal]}: ${check.detail}`
}

export interface TokenRequirements {
  environment: Environment
  /** At least one of these products must be linked to the key; omit to skip the check. */
  products?: readonly Product[]
  /** The CPF (or person id) the request is about; omit when the request names none. */
  peopleId?: string
}

/** Splits and decodes the token; the first refusal a malformed token earns, or its parts. */
export function parseToken(state: CafState, token: string): { header: Record<string, unknown>; payload: JWTPayload } | TokenRefusal {
  if (token === '') return refused('missing', 'no token in the Authorization header')
  const parts = token.split('.')
  if (parts.length !== 3 || parts[0] === '' || parts[1] === '') {
    return refused('malformed', `a JWT has three dot-separated parts, this has ${parts.length}`)
  }
  const decoded = state.core.jwt.decode(token)
  if (!decoded) {
    const detail = undecodable(parts[0]!, 'header') ?? undecodable(parts[1]!, 'payload') ?? 'the header or payload is not base64url-encoded JSON'
    return refused('malformed', detail)
  }
  return { header: decoded.header as Record<string, unknown>, payload: decoded.payload }
}

/** Which part of an undecodable token is at fault, for the journal; null when this part is fine. */
function undecodable(part: string, name: 'header' | 'payload'): string | null {
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(part)))
  } catch {
    return `the ${name} is not base64url-encoded JSON`
  }
  return isRecord(value) ? null : `the ${name} is not a JSON object`
}

/**
 * The refusal for a token that failed jose's check: the instants in the detail when it is about
 * time (`expired: exp 2026-… is past (sandbox clock 2026-…)`), `badSignature` when it is the
 * signature, jose's own words otherwise.
 */
export function verifyFailure(state: CafState, payload: JWTPayload, failure: { reason: VerifyFailure; detail: string }, badSignature: string): TokenRefusal {
  const refusal = mapFailure(failure.reason)
  const now = state.core.clock.now()
  const clock = `(sandbox clock ${new Date(now).toISOString()})`
  if (refusal === 'expired' && typeof payload.exp === 'number') return refused('expired', `exp ${describeSeconds(payload.exp)} is past ${clock}`)
  if (refusal === 'not_yet_valid') {
    if (typeof payload.nbf === 'number' && payload.nbf * 1000 > now) return refused('not_yet_valid', `nbf ${describeSeconds(payload.nbf)} is in the future ${clock}`)
    if (typeof payload.iat === 'number' && payload.iat * 1000 > now) return refused('not_yet_valid', `iat ${describeSeconds(payload.iat)} is in the future ${clock}`)
  }
  if (refusal === 'bad_signature') return refused('bad_signature', badSignature)
  return refused(refusal, failure.detail)
}

/** The claim CAF documents as `peopleId` (the old Identity docs call it `personId`). */
function tokenPeopleId(payload: JWTPayload): string | undefined | TokenRefusal {
  const raw = payload.peopleId !== undefined ? payload.peopleId : payload.personId
  if (raw === undefined || raw === null) return undefined
  if (typeof raw !== 'string' || raw.trim() === '') return refused('malformed', 'peopleId must be a non-empty string')
  return normalisePersonId(raw)
}

const mapFailure = (reason: VerifyFailure): Refusal =>
  reason === 'claim_invalid' ? 'malformed' : reason

export async function verifyMobileToken(state: CafState, rawToken: string, req: TokenRequirements): Promise<TokenCheck> {
  const token = rawToken.trim()
  const parsed = parseToken(state, token)
  if ('ok' in parsed) return parsed
  const { header, payload } = parsed
  if (header.alg !== 'HS256') return refused('alg_not_allowed', `alg ${JSON.stringify(header.alg ?? null)}; CAF mobile tokens are HS256`)
  if (typeof payload.iss !== 'string' || payload.iss === '') return refused('malformed', 'the iss claim (the clientId) is missing')

  const key = findKeyAnywhere(state, payload.iss)
  if (!key) return refused('unknown_iss', `no Mobile Key has clientId ${payload.iss}`)
  if (key.environment !== req.environment) {
    return refused('wrong_environment', `${payload.iss} is a ${key.environment} key, this is ${req.environment}`)
  }

  const outcome = await state.core.jwt.verifyHmac(token, key.clientSecret, {
    algorithms: ['HS256'],
    clockTolerance: state.settings.clockSkewSeconds,
  })
  if (!outcome.ok) return verifyFailure(state, payload, outcome, `not signed with the clientSecret of ${key.clientId}`)
  if (key.revoked) return refused('revoked_key', `the Mobile Key ${key.clientId} was revoked`)
  if (req.products && !req.products.some((p) => key.products.includes(p))) {
    return refused('product_not_linked', `${key.clientId} is not linked to ${req.products.join(' or ')}`)
  }

  const peopleId = tokenPeopleId(outcome.payload)
  if (typeof peopleId === 'object') return peopleId
  if (peopleId !== undefined && state.settings.strictCpf && !hasValidCpfCheckDigits(peopleId)) {
    return refused('invalid_cpf', `the token's peopleId ${peopleId} is not a valid CPF (strictCpf is on)`)
  }
  const presented: PresentedToken = { key, claims: outcome.payload, ...(peopleId !== undefined ? { peopleId } : {}) }
  if (req.peopleId !== undefined) {
    const mismatch = checkPerson(presented, req.peopleId)
    if (mismatch) return mismatch
  }
  return { ok: true, token: presented }
}

/** A token restricted to one person is refused for any other; unrestricted tokens pass. */
export function checkPerson(token: PresentedToken, requested: string): TokenRefusal | null {
  if (token.peopleId === undefined) return null
  const wanted = normalisePersonId(requested)
  return token.peopleId === wanted
    ? null
    : refused('people_id_mismatch', `the token is restricted to ${token.peopleId}, the request is for ${wanted}`)
}
