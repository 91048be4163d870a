// Minting the mobile token the way CAF documents it: header exactly {"alg":"HS256","typ":"JWT"},
// payload {iss: clientId, exp?, peopleId?}, HMAC-SHA256 with the Mobile Key's clientSecret.
// This is what an integrator's backend does; the sandbox, the CLI and tests all use it.
import { createClock, MAX_EPOCH_MS, parseDuration } from '../../core/clock.ts'
import { isInstantMs, isInstantSeconds } from '../../core/instants.ts'
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
  if (ms === null || !(ms > 0)) throw new RangeError(`expiresIn must be a positive duration such as 300 or "5m" that ends before ${new Date(MAX_EPOCH_MS).toISOString()}, got ${JSON.stringify(expiresIn)}`)
  return Math.max(1, Math.floor(ms / 1000))
}

/** `exp` for a token minted at `nowMs` living `expiresIn`; a RangeError when a Date could not hold it. */
export function expiryFor(expiresIn: number | string, nowMs: number): number {
  if (!isInstantMs(nowMs)) throw new RangeError(`now must be an instant a Date can hold, got ${nowMs}`)
  const exp = Math.floor(nowMs / 1000) + lifetimeSeconds(expiresIn)
  if (!isInstantSeconds(exp)) {
    throw new RangeError(`expiresIn ${JSON.stringify(expiresIn)} puts exp beyond the last instant a date can hold (${new Date(MAX_EPOCH_MS).toISOString()})`)
  }
  return exp
}

export function mobileTokenClaims(input: Omit<MintCafTokenInput, 'clientSecret'>, nowMs: number): MobileTokenClaims {
  if (typeof input.clientId !== 'string' || input.clientId.trim() === '') throw new TypeError('clientId is required')
  if (input.peopleId !== undefined && (typeof input.peopleId !== 'string' || input.peopleId.trim() === '')) {
    throw new TypeError('peopleId must be a non-empty string')
  }
  return {
    iss: input.clientId,
    ...(input.expiresIn !== undefined ? { exp: expiryFor(input.expiresIn, nowMs) } : {}),
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
