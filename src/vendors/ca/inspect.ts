// What the sandbox can tell about CA tokens and tenants that CA itself would not: used by the
// admin routes and the in-process API (`sandbox.ca`).
import type { JWTPayload } from '../../core/jwt.ts'
import { isInstantSeconds } from '../../core/instants.ts'
import type { CaState } from './state.ts'
import { checkToken, type TokenVerdict } from './tokens.ts'

export interface TenantInfo {
  id: string
  name: string
  baseUrl: string | null
  prefix: string
  tokenMinutes: number
  lenientApiVersion: boolean
  acceptBearerPrefix: boolean
  serviceAccounts: { username: string; operations: string[] }[]
}

export function tenantInfo(state: CaState): TenantInfo[] {
  return [...state.tenants.values()].map((t) => ({
    id: t.id,
    name: t.name,
    baseUrl: t.baseUrl,
    prefix: t.prefix,
    tokenMinutes: t.tokenMinutes,
    lenientApiVersion: t.lenientApiVersion,
    acceptBearerPrefix: t.acceptBearerPrefix,
    serviceAccounts: state.store
      .in(t.id)
      .serviceAccount.all()
      .map((a) => ({ username: a.username, operations: a.operations ? a.operations.split(',') : [] })),
  }))
}

export interface TokenReport {
  accepted: boolean
  verdict: TokenVerdict
  /** The error CA's account APIs would answer, when refused. */
  error_code?: 'auth_token_expired' | 'auth_token_verify_failed'
  detail?: string
  tenant?: string
  username?: string
  client_app_id?: string
  expiresAt?: string
  secondsLeft?: number
  claims?: JWTPayload
}

/** Would tenant `tenant` (or, without one, the tenant the token claims) accept this token? */
export async function inspectToken(state: CaState, token: string, tenant?: string): Promise<TokenReport> {
  const check = await checkToken(state, token, tenant ?? null)
  const claims: JWTPayload | undefined = check.claims
  // The claims of a refused token are whatever it says: an `exp` no Date holds gets no expiresAt.
  const exp = isInstantSeconds(claims?.exp) ? claims.exp : undefined
  return {
    accepted: check.verdict === 'valid',
    verdict: check.verdict,
    ...(check.verdict !== 'valid'
      ? { error_code: check.verdict === 'expired' ? 'auth_token_expired' : 'auth_token_verify_failed', detail: check.detail }
      : {}),
    ...(typeof claims?.tenant === 'string' ? { tenant: claims.tenant } : {}),
    ...(typeof claims?.sub === 'string' ? { username: claims.sub } : {}),
    ...(typeof claims?.client_app_id === 'string' ? { client_app_id: claims.client_app_id } : {}),
    ...(exp !== undefined
      ? { expiresAt: new Date(exp * 1000).toISOString(), secondsLeft: Math.max(0, exp - state.core.clock.nowSeconds()) }
      : {}),
    ...(claims ? { claims } : {}),
  }
}
