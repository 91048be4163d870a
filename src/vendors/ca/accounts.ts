// Add Account, Linked Accounts, Delete Account ([MOCK] paths and bodies; the error codes each
// returns follow CA's table). An account is found by the account_id in the path within the
// caller's tenant; when several accounts share that account_id under different names, the
// caller must say which with `name`, or gets `multiple_accounts_found`.
import { json } from '../../core/http.ts'
import type { RouteContext } from '../../core/service.ts'
import type { SandboxResponse } from '../../core/types.ts'
import { readAddAccount } from './account-input.ts'
import { done, type AccountBody, type LinkedAccountsBody } from './bodies.ts'
import type { Caller } from './auth.ts'
import { accountExists, accountNotFound, invalidInput, multipleAccountsFound, tenantNotFound } from './errors.ts'
import { optionalString, requiredString } from './input.ts'
import type { AccountRow, CaState } from './state.ts'
import { accountsWithId, accountView, createAccount, deleteAccount, resolveAccount } from './store.ts'

type Ctx = RouteContext<CaState>

export type Found = { ok: true; row: AccountRow } | { ok: false; response: SandboxResponse }

function refused(ctx: Ctx, reason: string, response: SandboxResponse): { ok: false; response: SandboxResponse } {
  ctx.refuse(reason)
  return { ok: false, response }
}

/** The account named by the path's account_id (and the optional `name`), in the caller's tenant. */
export function findAccount(ctx: Ctx, caller: Caller): Found {
  const accountId = ctx.params.account_id!
  if (accountId.length > 128) return refused(ctx, 'account_id is too long', invalidInput('account_id'))
  const name = optionalString(caller.input, 'name', { max: 128 })
  if (!name.ok) return refused(ctx, name.reason, name.response)
  const found = resolveAccount(ctx.state, caller.tenant.id, accountId, name.value)
  if (found.kind === 'not_found') return refused(ctx, `no account ${accountId}${name.value !== undefined ? ` named ${name.value}` : ''}`, accountNotFound())
  if (found.kind === 'multiple') return refused(ctx, `${found.count} accounts share account_id ${accountId}; no name given`, multipleAccountsFound())
  ctx.meta({ account_id: accountId })
  return { ok: true, row: found.row }
}

/** The `tenant_id` element must name the caller's own tenant; any other is unknown to it. */
export function checkTenantId(ctx: Ctx, caller: Caller, value: string): SandboxResponse | null {
  if (value === caller.tenant.id) return null
  ctx.refuse(ctx.state.tenants.has(value) ? `tenant_id ${value} is another tenant's` : `no tenant ${value}`)
  return tenantNotFound()
}

export const linksView = (view: AccountBody): LinkedAccountsBody => ({
  tenant_id: view.tenant_id,
  account_id: view.account_id,
  ...(view.name !== undefined ? { name: view.name } : {}),
  cards: view.cards,
})

export function addAccount(ctx: Ctx, caller: Caller): SandboxResponse {
  const input = readAddAccount(caller.input)
  if (!input.ok) {
    ctx.refuse(input.reason)
    return input.response
  }
  const { tenant_id, ...account } = input.value
  const wrongTenant = checkTenantId(ctx, caller, tenant_id)
  if (wrongTenant) return wrongTenant
  ctx.meta({ account_id: account.account_id })
  if (accountsWithId(ctx.state, caller.tenant.id, account.account_id).length > 0) {
    ctx.refuse(`account_id ${account.account_id} is taken in tenant ${caller.tenant.id}`)
    return accountExists()
  }
  const ref = createAccount(ctx.state, caller.tenant.id, account)
  return json(200, accountView(ctx.state, caller.tenant.id, ctx.state.store.in(caller.tenant.id).account.get(ref)!))
}

/** Reads the required `tenant_id` query element and checks it. */
function tenantFromQuery(ctx: Ctx, caller: Caller): SandboxResponse | null {
  const tenant = requiredString(caller.input, 'tenant_id', { max: 64 })
  if (!tenant.ok) {
    ctx.refuse(tenant.reason)
    return tenant.response
  }
  return checkTenantId(ctx, caller, tenant.value)
}

export function linkedAccounts(ctx: Ctx, caller: Caller): SandboxResponse {
  const problem = tenantFromQuery(ctx, caller)
  if (problem) return problem
  const found = findAccount(ctx, caller)
  if (!found.ok) return found.response
  return json(200, linksView(accountView(ctx.state, caller.tenant.id, found.row)))
}

export function removeAccount(ctx: Ctx, caller: Caller): SandboxResponse {
  const problem = tenantFromQuery(ctx, caller)
  if (problem) return problem
  const found = findAccount(ctx, caller)
  if (!found.ok) return found.response
  deleteAccount(ctx.state, caller.tenant.id, found.row.id)
  return done()
}
