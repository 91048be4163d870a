// Sandbox-only CA routes, under /__sandbox/ca: tenants (without passwords), a tenant's accounts
// and known cards, registering a card with a tenant's ACS, and asking whether a token would be
// accepted. Errors use the sandbox's own shape.
import { quote } from '../../core/clip.ts'
import type { AdminBody } from '../../admin/bodies.ts'
import { adminError, badRequest } from '../../admin/errors.ts'
import { isRecord, json, own } from '../../core/http.ts'
import type { Route, RouteContext } from '../../core/service.ts'
import { CARD_NUMBER } from './input.ts'
import { inspectToken, tenantInfo } from './inspect.ts'
import type { CaState } from './state.ts'
import { addKnownCard, knownCards, listAccounts } from './store.ts'

type Ctx = RouteContext<CaState>

const noTenant = (id: string) => adminError(404, 'not_found', `No CA tenant '${quote(id)}'`)
const objectBody = (ctx: Ctx) => (ctx.body === undefined ? {} : ctx.body)

/**
 * What `token`/`contract --sandbox URL` need, keyed by their flag names: the first tenant's first
 * service account and account, and the second tenant's service account for the isolation cases.
 */
export function sandboxCredentials(state: CaState): Record<string, string> {
  const [first, second] = [...state.tenants.keys()]
  const account = (tenant: string | undefined) => (tenant === undefined ? undefined : state.store.in(tenant).serviceAccount.all()[0])
  const [sa, other] = [account(first), account(second)]
  const accountId = first === undefined ? undefined : listAccounts(state, first)[0]?.account_id
  return {
    ...(sa ? { username: sa.username, password: sa.password, 'tenant-id': first! } : {}),
    ...(accountId ? { 'account-id': accountId } : {}),
    ...(other ? { 'other-username': other.username, 'other-password': other.password, 'other-tenant-id': second! } : {}),
  }
}

export const adminRoutes: Route<CaState>[] = [
  { method: 'GET', path: '/credentials', handler: (ctx: Ctx) => json(200, { credentials: sandboxCredentials(ctx.state) } satisfies AdminBody['SandboxCredentials']) },
  { method: 'GET', path: '/tenants', handler: (ctx: Ctx) => json(200, { tenants: tenantInfo(ctx.state) } satisfies AdminBody['CaTenantList']) },
  {
    method: 'GET',
    path: '/tenants/:tenant/accounts',
    handler(ctx: Ctx) {
      const id = ctx.params.tenant!
      if (!ctx.state.tenants.has(id)) return noTenant(id)
      return json(200, { accounts: listAccounts(ctx.state, id) } satisfies AdminBody['CaAccountList'])
    },
  },
  {
    method: 'GET',
    path: '/tenants/:tenant/cards',
    handler(ctx: Ctx) {
      const id = ctx.params.tenant!
      if (!ctx.state.tenants.has(id)) return noTenant(id)
      return json(200, { cards: knownCards(ctx.state, id) } satisfies AdminBody['CaCardList'])
    },
  },
  {
    method: 'POST',
    path: '/tenants/:tenant/cards',
    handler(ctx: Ctx) {
      const id = ctx.params.tenant!
      if (!ctx.state.tenants.has(id)) return noTenant(id)
      const body = objectBody(ctx)
      if (!isRecord(body)) return badRequest('The body must be a JSON object')
      const card = own(body, 'card_number')
      if (typeof card !== 'string' || !CARD_NUMBER.test(card)) return badRequest("'card_number' must be 12 to 19 digits")
      const added = addKnownCard(ctx.state, id, card)
      return json(added ? 201 : 200, { card_number: card, added } satisfies AdminBody['CaAddedCard'])
    },
  },
  {
    method: 'POST',
    path: '/tokens/verify',
    async handler(ctx: Ctx) {
      const body = objectBody(ctx)
      if (!isRecord(body)) return badRequest('The body must be a JSON object')
      const token = own(body, 'token')
      const tenant = own(body, 'tenant')
      if (typeof token !== 'string' || !token) return badRequest("'token' is required")
      if (tenant !== undefined && typeof tenant !== 'string') return badRequest("'tenant' must be a string")
      return json(200, (await inspectToken(ctx.state, token, tenant)) satisfies AdminBody['CaTokenReport'])
    },
  },
]
