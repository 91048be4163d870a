// Who may call what. Every CA route first checks `CA_com_apiVersion` (documented: optional, value
// 1.0); the protected account APIs then check the token sent as the raw `Authorization` value,
// the service account's permission for the operation, and the optional client_txn_id /
// client_app_id fields. All refusals are HTTP 400 with CA's codes; the journal keeps the reason.
import type { Handler, RouteContext } from '../../core/service.ts'
import type { SandboxResponse } from '../../core/types.ts'
import { authTokenExpired, authTokenVerifyFailed, invalidInput, userNotAuthorized } from './errors.ts'
import { optionalString, queryRecord, readBody, UUID } from './input.ts'
import type { CaState } from './state.ts'
import type { Operation, Tenant } from './tenants.ts'
import { allows, checkToken, type CaTokenClaims } from './tokens.ts'

type Ctx = RouteContext<CaState>

export const API_VERSION_HEADER = 'ca_com_apiversion'
export const API_VERSION = '1.0'

/** The `authenticate` hook: runs on every CA route before its body is read. */
export function checkApiVersion(ctx: Ctx): SandboxResponse | null {
  const version = ctx.req.headers[API_VERSION_HEADER]
  if (version === undefined || version.trim() === API_VERSION) return null
  const tenant = ctx.environment !== null ? ctx.state.tenants.get(ctx.environment) : undefined
  if (tenant?.lenientApiVersion) {
    ctx.meta({ CA_com_apiVersion: version.slice(0, 32) })
    return null
  }
  ctx.refuse(`unsupported CA_com_apiVersion ${JSON.stringify(version.slice(0, 32))}`)
  return invalidInput('CA_com_apiVersion')
}

export interface Caller {
  tenant: Tenant
  claims: CaTokenClaims
  /** The request's fields: the JSON body for POST, the query string otherwise. */
  input: Record<string, unknown>
}

const BEARER = /^bearer\s+/i

/** Wraps an account API: token, permission and common fields first, then `handler`. */
export function protectedRoute(
  operation: Operation,
  handler: (ctx: Ctx, caller: Caller) => SandboxResponse | Promise<SandboxResponse>,
): Handler<CaState> {
  return async (ctx) => {
    const refuse = (reason: string, response: SandboxResponse) => {
      ctx.refuse(reason)
      return response
    }
    let token = (ctx.req.headers['authorization'] ?? '').trim()
    if (!token) return refuse('missing Authorization header', authTokenVerifyFailed())
    const bearer = BEARER.test(token)
    if (bearer) token = token.replace(BEARER, '')

    const check = await checkToken(ctx.state, token, ctx.environment)
    if (bearer) {
      // Judged against the tenant the request is for (or, on a tenant-less URL, the one claimed).
      const tenantId = ctx.environment ?? (check.verdict === 'valid' ? check.tenant.id : null)
      if (!(tenantId !== null && ctx.state.tenants.get(tenantId)?.acceptBearerPrefix)) {
        return refuse('token sent with a Bearer prefix (CA takes the raw token)', authTokenVerifyFailed())
      }
    }
    if (check.verdict !== 'valid') {
      const response = check.verdict === 'expired' ? authTokenExpired() : authTokenVerifyFailed()
      return refuse(`token ${check.verdict}: ${check.detail}`, response)
    }
    const { tenant, claims } = check
    ctx.environment = tenant.id
    ctx.meta({ operation, service_account: claims.sub, token_jti: claims.jti })
    if (!allows(check.operations, operation)) {
      return refuse(`service account ${claims.sub} may not call ${operation}`, userNotAuthorized())
    }

    let input: Record<string, unknown>
    if (ctx.req.method === 'POST') {
      const body = readBody(ctx)
      if (!body.ok) return refuse(body.reason, body.response)
      input = body.value
    } else input = queryRecord(ctx.query)

    const txn = optionalString(input, 'client_txn_id', { pattern: UUID })
    if (!txn.ok) return refuse(txn.reason, txn.response)
    const app = optionalString(input, 'client_app_id')
    if (!app.ok) return refuse(app.reason, app.response)
    ctx.meta({
      ...(txn.value !== undefined ? { client_txn_id: txn.value } : {}),
      client_app_id: app.value ?? claims.client_app_id,
    })
    // The token was issued to one calling application; another one cannot use it.
    if (app.value !== undefined && app.value !== claims.client_app_id) {
      return refuse(`token issued to client_app_id ${claims.client_app_id}, used by ${app.value}`, authTokenVerifyFailed())
    }
    return handler(ctx, { tenant, claims, input })
  }
}
