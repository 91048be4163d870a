// BFF session tokens ("Mobile Token" in CAF's current SDK docs): what GET /bff/session-tokens
// gives in exchange for a valid authentication token. CAF describes it only as a JWT enriched
// with a unique session identifier; ours is HS256 under a per-sandbox secret with the claims
// { iss: clientId, sessionId, environment, peopleId?, iat, exp, jti } (jti = sessionId).
import { findKeyAnywhere, type CafState, type Environment, type PresentedToken } from './state.ts'
import { parseToken, refused, verifyFailure, type TokenCheck } from './verify.ts'

export interface SessionTokenClaims {
  iss: string
  sessionId: string
  environment: Environment
  peopleId?: string
  iat: number
  exp: number
  jti: string
  [claim: string]: unknown
}

export async function issueSessionToken(
  state: CafState,
  presented: PresentedToken,
): Promise<{ sessionToken: string; claims: SessionTokenClaims }> {
  const iat = state.core.clock.nowSeconds()
  const sessionId = state.core.ids.uuid()
  const claims: SessionTokenClaims = {
    iss: presented.key.clientId,
    sessionId,
    environment: presented.key.environment,
    ...(presented.peopleId !== undefined ? { peopleId: presented.peopleId } : {}),
    iat,
    exp: iat + state.settings.sessionTokenLifetimeSeconds,
    jti: sessionId,
  }
  const sessionToken = await state.core.jwt.signHmac(claims, state.signingSecret)
  return { sessionToken, claims }
}

export async function verifySessionToken(state: CafState, rawToken: string, environment: Environment): Promise<TokenCheck> {
  const token = rawToken.trim()
  const parsed = parseToken(state, token)
  if ('ok' in parsed) return parsed
  if (typeof parsed.payload.sessionId !== 'string') {
    return refused('malformed', 'not a session token (no sessionId): exchange the authentication token at GET /session-tokens first')
  }
  if (parsed.header.alg !== 'HS256') return refused('alg_not_allowed', `alg ${JSON.stringify(parsed.header.alg ?? null)}`)
  const outcome = await state.core.jwt.verifyHmac(token, state.signingSecret, {
    algorithms: ['HS256'],
    clockTolerance: state.settings.clockSkewSeconds,
  })
  if (!outcome.ok) return verifyFailure(state, parsed.payload, outcome, 'not a session token this sandbox issued')
  const claims = outcome.payload as SessionTokenClaims
  if (claims.environment !== environment) {
    return refused('wrong_environment', `the session token was issued in ${String(claims.environment)}, this is ${environment}`)
  }
  const key = typeof claims.iss === 'string' ? findKeyAnywhere(state, claims.iss) : null
  if (!key || key.environment !== environment) return refused('unknown_iss', `no Mobile Key has clientId ${String(claims.iss)}`)
  if (key.revoked) return refused('revoked_key', `the Mobile Key ${key.clientId} was revoked after the session token was issued`)
  return {
    ok: true,
    token: {
      key,
      claims,
      sessionId: claims.sessionId,
      ...(typeof claims.peopleId === 'string' ? { peopleId: claims.peopleId } : {}),
    },
  }
}
