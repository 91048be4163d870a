// Answers in CAF's shapes: `{requestId, ...}` bodies, `{requestId, message}` errors, and the
// response signature (`?shouldSignResponse=true`: the body becomes a JWT signed with the
// clientSecret of the token that came with the request, its payload the normal body).
import { json, text } from '../../core/http.ts'
import type { RouteContext } from '../../core/service.ts'
import type { SandboxResponse } from '../../core/types.ts'
import { cafError } from './errors.ts'
import type { CafLocals, CafState, Environment, PresentedToken } from './state.ts'
import { describeRefusal, type Refusal } from './verify.ts'

/** A handler's context: `authenticate` pinned the environment. */
export type Ctx = RouteContext<CafState, Environment, CafLocals>
/** `authenticate`'s: the environment as the mount gave it. The helpers below take either. */
export type AuthCtx = RouteContext<CafState, string | null, CafLocals>

export const newRequestId = (ctx: AuthCtx) => ctx.state.core.ids.uuid()

export function fail(ctx: AuthCtx, status: number, message: string, reason?: string): SandboxResponse {
  ctx.refuse(reason ?? message)
  return cafError(status, message, newRequestId(ctx))
}

/** A token refused: the precise reason to the journal, CAF's generic message to the caller. */
export function refuseToken(ctx: AuthCtx, check: { refusal: Refusal; detail: string }, status: number, message: string): SandboxResponse {
  ctx.meta({ refusal: check.refusal })
  return fail(ctx, status, message, describeRefusal(check))
}

/** The token `authenticate` accepted for this request. */
export function presented(ctx: Ctx): PresentedToken {
  const token = ctx.locals.token
  if (!token) throw new Error('no verified token for this request')
  return token
}

export async function ok(ctx: Ctx, body: Record<string, unknown>, options: { signable?: boolean } = {}): Promise<SandboxResponse> {
  if (options.signable && ctx.query.get('shouldSignResponse') === 'true') {
    const signed = await ctx.state.core.jwt.signHmac(body, presented(ctx).key.clientSecret)
    ctx.meta({ signedResponse: true })
    return text(200, signed, 'text/plain; charset=utf-8')
  }
  return json(200, body)
}
