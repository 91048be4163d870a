// SDK tokens. "Each token is confined to one client and expires after 60 minutes" (ComplyCube,
// "SDK Tokens"). The claims inside are ComplyCube's business; ours carry what the token is
// bound to, so the sandbox can say whether the Web or Mobile SDK would accept it.
import type { JWTPayload } from '../../core/jwt.ts'
import { hasClient, type ComplyCubeState, type Environment } from './state.ts'
import { parseMatchPattern } from '../../core/match-pattern.ts'
import { isInstantSeconds } from '../../core/instants.ts'

export const TOKEN_LIFETIME_SECONDS = 60 * 60
export const TOKEN_ISSUER = 'token-sandbox:complycube'

export interface SdkTokenClaims extends JWTPayload {
  clientId: string
  environment: Environment
  referrer?: string
  appId?: string
}

/** The claims of a new SDK token bound to `binding`, timed by the sandbox clock. */
export function sdkTokenClaims(
  state: ComplyCubeState,
  binding: { environment: Environment; clientId: string; referrer?: string; appId?: string },
): SdkTokenClaims {
  const iat = state.core.clock.nowSeconds()
  return {
    iss: TOKEN_ISSUER,
    sub: binding.clientId,
    jti: state.core.ids.uuid(),
    iat,
    exp: iat + TOKEN_LIFETIME_SECONDS,
    clientId: binding.clientId,
    environment: binding.environment,
    ...(binding.referrer !== undefined ? { referrer: binding.referrer } : {}),
    ...(binding.appId !== undefined ? { appId: binding.appId } : {}),
  }
}

/** Signs `claims` with the state's signing secret. */
export function signSdkToken(state: ComplyCubeState, claims: SdkTokenClaims): Promise<string> {
  return state.core.jwt.signHmac(claims, state.signingSecret)
}

export async function issueSdkToken(
  state: ComplyCubeState,
  binding: { environment: Environment; clientId: string; referrer?: string; appId?: string },
): Promise<{ token: string; claims: SdkTokenClaims }> {
  const claims = sdkTokenClaims(state, binding)
  return { token: await signSdkToken(state, claims), claims }
}

export type Verdict =
  | 'valid'
  | 'malformed'
  | 'tampered'
  | 'expired'
  | 'wrong_environment'
  | 'client_not_found'
  | 'referrer_mismatch'
  | 'app_id_mismatch'

export interface VerifyInput {
  token: string
  /** The page the Web SDK runs on: a full Referer URL, or an Origin. */
  referrer?: string
  /** The Mobile SDK's application / bundle id. */
  appId?: string
  /** The environment the integration expects (its key's); omit to skip this check. */
  environment?: Environment
}

export interface VerifyResult {
  accepted: boolean
  verdict: Verdict
  message: string
  environment?: Environment
  clientId?: string
  expiresAt?: string
  secondsLeft?: number
  claims?: JWTPayload
}

const MESSAGES: Record<Verdict, string> = {
  valid: 'The SDK would accept this token',
  malformed: 'The token is not a JWT',
  tampered: 'The token signature does not verify: it was altered or not issued by this sandbox',
  expired: 'The token has expired (tokens last 60 minutes)',
  wrong_environment: 'The token was issued in another environment',
  client_not_found: 'The client the token is confined to no longer exists',
  referrer_mismatch: 'The referrer does not match the pattern the token is bound to',
  app_id_mismatch: 'The application id does not match the one the token is bound to',
}

export async function verifySdkToken(state: ComplyCubeState, input: VerifyInput): Promise<VerifyResult> {
  const outcome = await state.core.jwt.verifyHmac(input.token, state.signingSecret, { issuer: TOKEN_ISSUER })
  const verdict = (v: Verdict, extra: Partial<VerifyResult> = {}): VerifyResult => ({
    accepted: v === 'valid',
    verdict: v,
    message: MESSAGES[v],
    ...extra,
  })
  if (!outcome.ok) {
    if (outcome.reason === 'malformed') return verdict('malformed')
    if (outcome.reason === 'expired') {
      const decoded = state.core.jwt.decode(input.token)
      return verdict('expired', decoded ? describe(state, decoded.payload as SdkTokenClaims) : {})
    }
    return verdict('tampered')
  }
  const claims = outcome.payload as SdkTokenClaims
  const facts = describe(state, claims)
  if (input.environment !== undefined && claims.environment !== input.environment) return verdict('wrong_environment', facts)
  if (!hasClient(state, claims.environment, claims.clientId)) return verdict('client_not_found', facts)

  if (input.appId !== undefined) {
    if (claims.appId !== input.appId) return verdict('app_id_mismatch', facts)
  } else if (claims.referrer !== undefined || input.referrer !== undefined) {
    const pattern = claims.referrer !== undefined ? parseMatchPattern(claims.referrer) : null
    if (!pattern || input.referrer === undefined || !pattern.matches(normaliseReferrer(input.referrer))) {
      return verdict('referrer_mismatch', facts)
    }
  }
  return verdict('valid', facts)
}

/** An Origin header has no path; the Web SDK's page is then at least `/`. */
function normaliseReferrer(value: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/]+$/i.test(value) ? value + '/' : value
}

function describe(state: ComplyCubeState, claims: SdkTokenClaims): Partial<VerifyResult> {
  // Only the sandbox signs these, by its clock, which keeps `exp` in a Date's range; checked all the same.
  const exp = isInstantSeconds(claims.exp) ? claims.exp : undefined
  return {
    environment: claims.environment,
    clientId: claims.clientId,
    ...(exp !== undefined
      ? { expiresAt: new Date(exp * 1000).toISOString(), secondsLeft: Math.max(0, exp - state.core.clock.nowSeconds()) }
      : {}),
    claims,
  }
}
