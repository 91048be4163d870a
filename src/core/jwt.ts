// The sandbox's JWTs. Its own tokens are signed as jose's CompactSign would (the same bytes,
// test/core/jwt.test.ts), with the MAC from the injected `hmac` (./hmac.ts); every token a client
// presents is verified by jose. Keys are made once per secret and cached: making one per request
// would cost more than the signature.
import { base64url, jwtVerify, decodeJwt, decodeProtectedHeader, errors } from 'jose'
import type { JWTPayload, JWTVerifyResult, ProtectedHeaderParameters } from 'jose'
import type { Clock } from './clock.ts'
import { webCryptoHmac, type Hmac, type HmacHash, type HmacSign } from './hmac.ts'

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

const HMAC_HASH: Record<string, HmacHash> = { HS256: 'SHA-256', HS384: 'SHA-384', HS512: 'SHA-512' }

export interface JwtServiceOptions {
  /** Told of every token `signHmac` returns (the admin API's issued-token list). */
  onSigned?: (token: string) => void
  /** Computes the MAC of the tokens `signHmac` signs (default: WebCrypto). */
  hmac?: Hmac
}

export function createJwtService(clock: Clock, options: JwtServiceOptions = {}): JwtService {
  const encoder = new TextEncoder()
  const onSigned = options.onSigned
  const hmac = options.hmac ?? webCryptoHmac
  // By secret, then alg: the signing function, and the CryptoKey jose verifies with.
  type Keys = { sign?: HmacSign; verify?: Promise<CryptoKey> }
  const keys = new Map<string, Map<string, Keys>>()
  const keysFor = (secret: string, alg: string): Keys => {
    let byAlg = keys.get(secret)
    if (!byAlg) keys.set(secret, (byAlg = new Map()))
    let entry = byAlg.get(alg)
    if (!entry) byAlg.set(alg, (entry = {}))
    return entry
  }
  const hashOf = (alg: string): HmacHash => {
    const hash = HMAC_HASH[alg]
    if (!hash) throw new TypeError(`not an HMAC algorithm: ${alg}`)
    return hash
  }

  return {
    async signHmac(claims, secret, header) {
      const alg = typeof header?.alg === 'string' ? header.alg : 'HS256'
      const entry = keysFor(secret, alg)
      entry.sign ??= hmac(hashOf(alg), encoder.encode(secret))
      // `alg` first, then `typ`: the header some vendors (CAF) document byte for byte.
      const protectedHeader = header ? Object.assign({ alg, typ: 'JWT' }, header, { alg }) : { alg, typ: 'JWT' }
      const input = `${base64url.encode(JSON.stringify(protectedHeader))}.${base64url.encode(JSON.stringify(claims))}`
      const mac = entry.sign(encoder.encode(input))
      const token = `${input}.${base64url.encode(mac instanceof Uint8Array ? mac : await mac)}`
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
        const entry = keysFor(secret, header.alg)
        entry.verify ??= globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: hashOf(header.alg) }, false, ['verify'])
        const result: JWTVerifyResult = await jwtVerify(token, await entry.verify, {
          algorithms,
          currentDate: new Date(clock.now()),
          clockTolerance: options.clockTolerance ?? 0,
          ...(options.issuer !== undefined ? { issuer: options.issuer } : {}),
          ...(options.requiredClaims ? { requiredClaims: options.requiredClaims } : {}),
        })
        // A NumericDate is compared as the number it is, as jose does (and jsonwebtoken, which
        // CAF's examples use): `exp: 1e308` is far in the future, not malformed; only a claim that
        // is not a number is refused (jose: "must be a number"). Messages print such instants
        // with ./instants.ts, never through a Date that cannot hold them.
        // jose checks `iat` only with maxTokenAge; a token issued in the future is not valid yet.
        const iat = result.payload.iat
        if (typeof iat === 'number' && iat > clock.nowSeconds() + (options.clockTolerance ?? 0)) {
          return { ok: false, reason: 'not_yet_valid', detail: '"iat" claim is in the future' }
        }
        return { ok: true, payload: result.payload, header: result.protectedHeader }
      } catch (err) {
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
    // `invalid`: the claim is not a number (malformed); `check_failed`: it is, and the check failed.
    if (err.reason === 'check_failed' && (err.claim === 'nbf' || err.claim === 'iat')) return { reason: 'not_yet_valid', detail: err.message }
    return { reason: 'claim_invalid', detail: err.message }
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return { reason: 'alg_not_allowed', detail: err.message }
  const message = err instanceof Error ? err.message : String(err)
  return { reason: 'malformed', detail: message }
}
