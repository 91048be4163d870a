// The Token API's JWT. CA documents only that it is a JWT assigned to the enterprise's service
// account and that it expires after some minutes; the claims are ours: the token is bound to
// its tenant (signed with that tenant's own secret), its service account and client_app_id.
import type { JWTPayload } from '../../core/jwt.ts'
import type { CaState } from './state.ts'
import type { Operation, Tenant } from './tenants.ts'

export const TOKEN_ISSUER = 'token-sandbox:ca'

export interface CaTokenClaims extends JWTPayload {
  /** The service account's username. */
  sub: string
  /** The tenant (enterprise) id; also `aud`. */
  tenant: string
  client_app_id: string
  iat: number
  exp: number
  jti: string
}

export async function issueToken(
  state: CaState,
  tenant: Tenant,
  binding: { username: string; client_app_id: string },
): Promise<{ token: string; claims: CaTokenClaims }> {
  const iat = state.core.clock.nowSeconds()
  const claims: CaTokenClaims = {
    iss: TOKEN_ISSUER,
    aud: tenant.id,
    sub: binding.username,
    tenant: tenant.id,
    client_app_id: binding.client_app_id,
    jti: state.core.ids.uuid(),
    iat,
    exp: iat + tenant.tokenMinutes * 60,
  }
  return { token: await state.core.jwt.signHmac(claims, tenant.secret), claims }
}

export type TokenVerdict =
  | 'valid'
  | 'malformed'
  | 'unknown_tenant'
  | 'wrong_tenant'
  | 'tampered'
  | 'expired'
  | 'unknown_service_account'

export type TokenCheck =
  | { verdict: 'valid'; tenant: Tenant; claims: CaTokenClaims; operations: string[] }
  | { verdict: Exclude<TokenVerdict, 'valid'>; detail: string; claims?: JWTPayload }

/**
 * Checks a token for `tenantId` (the tenant the request's base URL belongs to), or, when the
 * base URL names no tenant, for the tenant the token claims. Never throws.
 */
export async function checkToken(state: CaState, token: string, tenantId: string | null): Promise<TokenCheck> {
  const decoded = state.core.jwt.decode(token)
  if (!decoded) return { verdict: 'malformed', detail: 'not a JWT' }
  const claimed = typeof decoded.payload.tenant === 'string' ? decoded.payload.tenant : null
  const id = tenantId ?? claimed
  const tenant = id !== null ? state.tenants.get(id) : undefined
  if (!tenant) return { verdict: 'unknown_tenant', detail: `no tenant ${id ?? '(none claimed)'} is configured`, claims: decoded.payload }
  if (claimed !== tenant.id) {
    return { verdict: 'wrong_tenant', detail: `token claims tenant ${claimed ?? '(none)'}, request is for ${tenant.id}`, claims: decoded.payload }
  }
  const outcome = await state.core.jwt.verifyHmac(token, tenant.secret, {
    issuer: TOKEN_ISSUER,
    requiredClaims: ['sub', 'exp', 'iat', 'jti'],
  })
  if (!outcome.ok) {
    if (outcome.reason === 'expired') return { verdict: 'expired', detail: outcome.detail, claims: decoded.payload }
    return { verdict: 'tampered', detail: `${outcome.reason}: ${outcome.detail}`, claims: decoded.payload }
  }
  const claims = outcome.payload as CaTokenClaims
  if (typeof claims.client_app_id !== 'string' || typeof claims.sub !== 'string') {
    return { verdict: 'tampered', detail: 'claims missing', claims }
  }
  const account = state.store.in(tenant.id).serviceAccount.get(`${tenant.id}/${claims.sub}`)
  if (!account) return { verdict: 'unknown_service_account', detail: `service account ${claims.sub} no longer exists`, claims }
  return { verdict: 'valid', tenant, claims, operations: account.operations ? account.operations.split(',') : [] }
}

export function allows(operations: string[], operation: Operation): boolean {
  return operations.includes('*') || operations.includes(operation)
}
