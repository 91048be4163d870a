// Runs after routing, before the body is read: pins the environment (from the host), keeps each
// API's paths on its own host, and checks the token the route takes. The Mobile API takes the
// raw token (`Authorization: <jwt>`); the BFF takes it raw or with `Bearer`; the SDK API and the
// Core API have their own checks (./sdk-auth.ts, ./core-auth.ts).
import type { SandboxResponse } from '../../core/types.ts'
import { MESSAGES } from './errors.ts'
import { fail, refuseToken, type AuthCtx } from './respond.ts'
import type { CafRoute } from './routes.ts'
import { verifySessionToken } from './session-token.ts'
import { isEnvironment, type CafState, type Environment } from './state.ts'
import { parseToken, refused, verifyMobileToken } from './verify.ts'
import { authenticateCore } from './core-auth.ts'
import { authenticateSdk } from './sdk-auth.ts'

export async function authenticate(ctx: AuthCtx): Promise<SandboxResponse | null> {
  // Extra base URLs given without an environment are production.
  const environment: Environment = isEnvironment(ctx.environment) ? ctx.environment : 'prod'
  ctx.environment = environment
  const route = ctx.route as CafRoute
  if (route.api === 'sdk') return authenticateSdk(ctx, route, environment)
  if (route.api === 'core') return authenticateCore(ctx, environment)

  const header = ctx.req.headers['authorization']?.trim() ?? ''
  const bff = route.api === 'bff'
  const invalidMessage = bff ? MESSAGES.bffInvalidToken : MESSAGES.invalidToken
  if (header === '') {
    // CAF documents 400 for a missing token on the Mobile API, except on the attempt lookup
    // (`GET /faces/authenticate/{attemptId}`: 401 Unauthorized), and 401 on the BFF.
    if (bff) return fail(ctx, 401, MESSAGES.bffInvalidToken, 'missing token')
    return fail(ctx, route.method === 'GET' && route.path === '/faces/authenticate/:attemptId' ? 401 : 400, MESSAGES.missingToken, 'missing token')
  }
  if (route.auth === 'token-check') return null

  const bearer = /^bearer\s+/i.exec(header)
  if (bearer && !bff) {
    return refuseToken(ctx, refused('malformed', "the Mobile API takes the raw token, without 'Bearer '"), 401, invalidMessage)
  }
  const token = bearer ? header.slice(bearer[0].length) : header
  const asSessionToken = route.auth === 'session-token' || (route.auth === 'any-token' && hasSessionId(ctx.state, token))
  const check = asSessionToken
    ? await verifySessionToken(ctx.state, token, environment)
    : await verifyMobileToken(ctx.state, token, { environment, ...(route.products ? { products: route.products } : {}) })
  if (!check.ok) return refuseToken(ctx, check, 401, invalidMessage)
  ctx.locals.token = check.token
  ctx.meta({ clientId: check.token.key.clientId })
  return null
}

/** A session token carries `sessionId`; the self-signed token does not. */
function hasSessionId(state: CafState, token: string): boolean {
  const parsed = parseToken(state, token.trim())
  return !('ok' in parsed) && typeof parsed.payload.sessionId === 'string'
}
