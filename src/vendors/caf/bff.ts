// CAF's BFF (the current SDK flow): GET /session-tokens exchanges the authentication token (the
// same self-signed HS256 JWT) for a session token; POST /sessions opens an SDK session with it.
import type { SandboxResponse } from '../../core/types.ts'
import type { components } from '../../generated/caf.ts'
import { normalisePersonId } from './cpf.ts'
import { MESSAGES } from './errors.ts'
import { firstProblem, objectBody, personIdField, stringsObject } from './input.ts'
import { fail, newRequestId, ok, presented, refuseToken, type Ctx } from './respond.ts'
import { issueSessionToken } from './session-token.ts'
import { checkPerson } from './verify.ts'

// Answer bodies typed from contracts/caf.yaml: a renamed field there fails tsc here.
type Schemas = components['schemas']

export async function sessionTokens(ctx: Ctx): Promise<SandboxResponse> {
  const token = presented(ctx)
  const { sessionToken, claims } = await issueSessionToken(ctx.state, token)
  // `token.jti` lets the sandbox's token list link the token to this request.
  ctx.meta({ clientId: token.key.clientId, token: { jti: claims.jti, sessionId: claims.sessionId, iat: claims.iat, exp: claims.exp } })
  const answer: Schemas['SessionTokenResult'] = { requestId: newRequestId(ctx), sessionToken }
  return ok(ctx, answer)
}

export async function createSession(ctx: Ctx): Promise<SandboxResponse> {
  const body = objectBody(ctx.body, ['personId', 'sdk'])
  if (typeof body === 'string') return fail(ctx, 400, body, `invalid body: ${body}`)
  const problem = firstProblem(
    () => personIdField(body, 'personId', ctx.state.settings),
    () => stringsObject(body, 'sdk', ['version', 'platform']),
  )
  if (problem) return fail(ctx, 400, problem, `invalid body: ${problem}`)
  const token = presented(ctx)
  const personId = normalisePersonId(body.personId as string)
  const mismatch = checkPerson(token, personId)
  if (mismatch) return refuseToken(ctx, mismatch, 401, MESSAGES.bffInvalidToken)

  const { state } = ctx
  const id = state.core.ids.hex(24)
  const createdAt = new Date(state.core.clock.now()).toISOString()
  state.store.in(token.key.environment).session.insert({ id, clientId: token.key.clientId, personId, createdAt })
  state.retention[token.key.environment].session.keep(id)
  ctx.meta({ clientId: token.key.clientId, sessionId: token.sessionId, id })
  const answer: Schemas['Session'] = { requestId: newRequestId(ctx), id, personId, createdAt }
  return ok(ctx, answer)
}
