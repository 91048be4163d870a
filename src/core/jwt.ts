// Every JWT the sandbox signs or checks goes through jose. HMAC secrets are imported as
// CryptoKeys once and cached: importing per request would cost more than the signature.
import { CompactSign, jwtVerify, decodeJwt, decodeProtectedHeader, errors } from 'jose'
import type { CompactJWSHeaderParameters, JWTPayload, JWTVerifyResult, ProtectedHeaderParameters } from 'jose'
import type { Clock } from './clock.ts'
import { sandboxHmacKeys } from './hmac-keys.ts'
import { outOfRangeClaim } from './instants.ts'

export type { JWTPayload }

export interface VerifyOptions {
  /** Allowed `alg` values; anything else is refused before the signature is checked. */
  algorithms?: string[]
  /** Seconds of tolerance on `exp`/`nbf`. */
  clockTolerance?: number
  issuer?: string
  requiredClaims?: string[]
}

export type VerifyFailure =
  | 'malformed'
  | 'alg_not_allowed'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'claim_invalid'

export type VerifyOutcome =
  | { ok: true; payload: JWTPayload; header: ProtectedHeaderParameters }
  | { ok: false; reason: VerifyFailure; detail: string }

export interface JwtService {
  /** Signs `claims` with HS256 (or `alg`) under `secret`. */
  signHmac(claims: JWTPayload, secret: string, header?: Record<string, unknown>): Promise<string>
  /** Verifies against `secret` by the sandbox clock; never throws. */
  verifyHmac(token: string, secret: string, options?: VerifyOptions): Promise<VerifyOutcome>
  /** Reads claims without checking anything; null when the token is not a JWT. */
  decode(token: string): { header: ProtectedHeaderParameters; payload: JWTPayload } | null
}

const HMAC_HASH: Record<string, string> = { HS256: 'SHA-256', HS384: 'SHA-384', HS512: 'SHA-512' }

export interface JwtServiceOptions {
  /** Told of every token `signHmac` returns (the admin API's issued-token list). */
  onSigned?: (token: string) => void
}

export function createJwtService(clock: Clock, options: JwtServiceOptions = {}): JwtService {
  // Imported keys by secret then alg. Once imported, `key` is set: signing with a known key does
  // not wait a turn for a promise, nor build a lookup string.
  type KeyEntry = { imported: Promise<CryptoKey>; key?: CryptoKey }
  const keys = new Map<string, Map<string, KeyEntry>>()
  const encoder = new TextEncoder()
  const onSigned = options.onSigned

  const hmacKey = (secret: string, alg: string): KeyEntry => {
    let byAlg = keys.get(secret)
    if (!byAlg) keys.set(secret, (byAlg = new Map()))
    let entry = byAlg.get(alg)
    if (!entry) {
      const bytes = encoder.encode(secret)
      const hash = HMAC_HASH[alg] ?? 'SHA-256'
      const imported = globalThis.crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash }, false, ['sign', 'verify'])
      const created: KeyEntry = { imported }
      imported.then((k) => {
        sandboxHmacKeys.set(k, { secret: bytes, hash })
        created.key = k
      }, () => {})
      byAlg.set(alg, (entry = created))
    }
    return entry
  }

  return {
    async signHmac(claims, secret, header) {
      const alg = typeof header?.alg === 'string' ? header.alg : 'HS256'
      // `alg` first, then `typ`: the header some vendors (CAF) document byte for byte.
      const protectedHeader: CompactJWSHeaderParameters = { alg, typ: 'JWT' }
      if (header) Object.assign(protectedHeader, header, { alg })
      // CompactSign over the serialised claims: SignJWT would deep-clone and re-validate claims
      // the sandbox built itself, a tenth of the cost of issuing a token.
      const entry = hmacKey(secret, alg)
      const key = entry.key ?? (await entry.imported)
      const token = await new CompactSign(encoder.encode(JSON.stringify(claims))).setProtectedHeader(protectedHeader).sign(key)
      onSigned?.(token)
      return token
    },

    async verifyHmac(token, secret, options = {}) {
      const algorithms = options.algorithms ?? ['HS256']
      let header: ProtectedHeaderParameters
      try {
        header = decodeProtectedHeader(token)
      } catch {
        return { ok: false, reason: 'malformed', detail: 'not a JWS compact token' }
      }
      if (typeof header.alg !== 'string' || !algorithms.includes(header.alg)) {
        return { ok: false, reason: 'alg_not_allowed', detail: `alg ${String(header.alg)} is not allowed` }
      }
      try {
        const result: JWTVerifyResult = await jwtVerify(token, await hmacKey(secret, header.alg).imported, {
          algorithms,
          currentDate: new Date(clock.now()),
          clockTolerance: options.clockTolerance ?? 0,
          ...(options.issuer !== undefined ? { issuer: options.issuer } : {}),
          ...(options.requiredClaims ? { requiredClaims: options.requiredClaims } : {}),
        })
        const unrepresentable = outOfRangeClaim(result.payload)
        if (unrepresentable) return { ok: false, reason: 'claim_invalid', detail: unrepresentable }
        // jose checks `iat` only with maxTokenAge; a token issued in the future is not valid yet.
        const iat = result.payload.iat
        if (typeof iat === 'number' && iat > clock.nowSeconds() + (options.clockTolerance ?? 0)) {
          return { ok: false, reason: 'not_yet_valid', detail: '"iat" claim is in the future' }
        }
        return { ok: true, payload: result.payload, header: result.protectedHeader }
      } catch (err) {
        // jose judges time claims only once the signature holds, and carries the payload: a
        // claim no Date can hold is refused as invalid, not as expired or not yet valid.
        const unrepresentable = err instanceof errors.JWTClaimValidationFailed || err instanceof errors.JWTExpired ? outOfRangeClaim(err.payload) : null
        if (unrepresentable) return { ok: false, reason: 'claim_invalid', detail: unrepresentable }
        return { ok: false, ...classify(err) }
      }
    },

    decode(token) {
      try {
        return { header: decodeProtectedHeader(token), payload: decodeJwt(token) }
      } catch {
        return null
      }
    },
  }
}

function classify(err: unknown): { reason: VerifyFailure; detail: string } {
  if (err instanceof errors.JWTExpired) return { reason: 'expired', detail: err.message }
  if (err instanceof errors.JWSSignatureVerificationFailed) return { reason: 'bad_signature', detail: err.message }
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'nbf' || err.claim === 'iat') return { reason: 'not_yet_valid', detail: err.message }
    return { reason: 'claim_invalid', detail: err.message }
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return { reason: 'alg_not_allowed', detail: err.message }
  const message = err instanceof Error ? err.message : String(err)
  return { reason: 'malformed', detail: message }
}
