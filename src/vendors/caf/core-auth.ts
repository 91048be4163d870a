// Authentication on the Core API (`api.combateafraude.com`): a Core API token created in Trust,
// raw or with `Bearer ` (CAF's docs show both). A missing or refused token is 401 `Unauthorized`.
import type { SandboxResponse } from '../../core/types.ts'
import { findApiToken } from './core-tokens.ts'
import { fail, type AuthCtx } from './respond.ts'
import type { Environment } from './state.ts'

export const CORE_UNAUTHORIZED = 'Unauthorized'

export function authenticateCore(ctx: AuthCtx, environment: Environment): SandboxResponse | null {
  const header = ctx.req.headers['authorization']?.trim() ?? ''
  if (header === '') return fail(ctx, 401, CORE_UNAUTHORIZED, 'missing token')
  const bearer = /^bearer\s+/i.exec(header)
  const token = bearer ? header.slice(bearer[0].length).trim() : header
  const found = findApiToken(ctx.state, token)
  if (!found) {
    const hint = token.split('.').length === 3 ? ' (a mobile token? the Core API takes a Core API token created in Trust)' : ''
    return fail(ctx, 401, CORE_UNAUTHORIZED, `unknown Core API token${hint}`)
  }
  if (found.environment !== environment) return fail(ctx, 401, CORE_UNAUTHORIZED, `wrong environment: a ${found.environment} Core API token, this is ${environment}`)
  if (found.revoked) return fail(ctx, 401, CORE_UNAUTHORIZED, 'revoked Core API token')
  ctx.meta({ apiToken: found.name || 'unnamed' })
  return null
}
