// Minting the mobile token the way CAF documents it: header exactly {"alg":"HS256","typ":"JWT"},
// payload {iss: clientId, exp?, peopleId?}, HMAC-SHA256 with the Mobile Key's clientSecret.
// This is what an integrator's backend does; the sandbox, the CLI and tests all use it.
import { createClock, parseDuration } from '../../core/clock.ts'
import { createJwtService, type JwtService } from '../../core/jwt.ts'

export interface MintCafTokenInput {
  clientId: string
  clientSecret: string
  /** The CPF the token is restricted to (CAF's `peopleId` claim). */
  peopleId?: string
  /** Lifetime: seconds, or a duration such as `5m`, `90s`, `1h`. Omit for a token without `exp`. */
  expiresIn?: number | string
  /** The instant `exp` counts from (default: now). */
  now?: Date | number
}

export interface MobileTokenClaims {
  iss: string
  exp?: number
  peopleId?: string
}

// Real time for library callers; the sandbox passes its own service (its clock, its key cache).
let defaultJwt: JwtService | undefined

/** Seconds of lifetime from `expiresIn`, or a RangeError. */
export function lifetimeSeconds(expiresIn: number | string): number {
  const ms = parseDuration(expiresIn)
  if (ms === null || !(ms > 0)) throw new RangeError(`expiresIn must be a positive duration such as 300 or "5m", got ${JSON.stringify(expiresIn)}`)
  return Math.max(1, Math.floor(ms / 1000))
}

export function mobileTokenClaims(input: Omit<MintCafTokenInput, 'clientSecret'>, nowMs: number): MobileTokenClaims {
  if (typeof input.clientId !== 'string' || input.clientId.trim() === '') throw new TypeError('clientId is required')
  if (input.peopleId !== undefined && (typeof input.peopleId !== 'string' || input.peopleId.trim() === '')) {
    throw new TypeError('peopleId must be a non-empty string')
  }
  return {
    iss: input.clientId,
    ...(input.expiresIn !== undefined ? { exp: Math.floor(nowMs / 1000) + lifetimeSeconds(input.expiresIn) } : {}),
    ...(input.peopleId !== undefined ? { peopleId: input.peopleId } : {}),
  }
}

export async function signMobileToken(jwt: JwtService, claims: MobileTokenClaims, clientSecret: string): Promise<string> {
  if (typeof clientSecret !== 'string' || clientSecret === '') throw new TypeError('clientSecret is required')
  return jwt.signHmac({ ...claims }, clientSecret, { alg: 'HS256', typ: 'JWT' })
}

/** Signs a CAF mobile token (the "access token" / "authentication token"). */
export async function mintCafToken(input: MintCafTokenInput): Promise<string> {
  const now = input.now === undefined ? Date.now() : input.now instanceof Date ? input.now.getTime() : input.now
  defaultJwt ??= createJwtService(createClock())
  return signMobileToken(defaultJwt, mobileTokenClaims(input, now), input.clientSecret)
}
