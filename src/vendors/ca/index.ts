// The CA solution (Arcot for Issuers), read top to bottom: where each tenant lives, the Token
// API, the account APIs its token unlocks, the errors, the seed.
import type { Route } from '../../core/service.ts'
import { defineVendor } from '../../core/vendor.ts'
import seed from '../../../fixtures/ca.json' with { type: 'json' }
import { fixtureSchema } from './fixtures.ts'
import { addAccount, linkedAccounts, removeAccount } from './accounts.ts'
import { adminRoutes } from './admin.ts'
import { checkApiVersion, protectedRoute } from './auth.ts'
import { errors } from './errors.ts'
import { deleteContact, deleteDevice } from './factors.ts'
import { inspectToken, tenantInfo, type TenantInfo, type TokenReport } from './inspect.ts'
import { CARD_NUMBER } from './input.ts'
import { addLink, deleteLink } from './links.ts'
import { createState, models, seed as seedStore, tenantIds, type CaState } from './state.ts'
import { rules, values } from './snapshot.ts'
import { addKnownCard, knownCards, listAccounts, type AccountView } from './store.ts'
import type { CaFixtures } from './tenants.ts'
import { requestToken } from './token-route.ts'
import { issueToken } from './tokens.ts'

// Bodies are read by the handlers, not the core: CA's Content-Type header is optional.
const routes: Route<CaState>[] = [
  // Documented: POST /token. Everything below it is [MOCK]: CA does not publish those paths.
  { method: 'POST', path: '/token', body: 'none', handler: requestToken },
  { method: 'POST', path: '/accounts', body: 'none', handler: protectedRoute('add_account', addAccount) },
  { method: 'GET', path: '/accounts/:account_id/links', body: 'none', handler: protectedRoute('linked_accounts', linkedAccounts) },
  { method: 'POST', path: '/accounts/:account_id/links', body: 'none', handler: protectedRoute('add_link', addLink) },
  { method: 'DELETE', path: '/accounts/:account_id/links/:card_number', body: 'none', handler: protectedRoute('delete_link', deleteLink) },
  { method: 'DELETE', path: '/accounts/:account_id', body: 'none', handler: protectedRoute('delete_account', removeAccount) },
  { method: 'DELETE', path: '/accounts/:account_id/contacts/:contact_id', body: 'none', handler: protectedRoute('delete_contact', deleteContact) },
  { method: 'DELETE', path: '/accounts/:account_id/devices/:device_id', body: 'none', handler: protectedRoute('delete_device', deleteDevice) },
]

export interface CaApi {
  tenants(): TenantInfo[]
  /** Mints a token as `POST /token` would, without the password. */
  issueToken(input: { tenant: string; username: string; client_app_id?: string }): Promise<string>
  /** Would `tenant` (default: the one the token claims) accept this token? */
  verifyToken(input: { token: string; tenant?: string }): Promise<TokenReport>
  accounts(tenant: string): AccountView[]
  cards(tenant: string): ReturnType<typeof knownCards>
  /** Makes a card known to the tenant's ACS, so it can be linked; false if it already was. */
  addCard(tenant: string, card_number: string): boolean
}

function tenantOf(state: CaState, id: string) {
  const tenant = state.tenants.get(id)
  if (!tenant) throw new Error(`no CA tenant '${id}'`)
  return tenant
}

export const ca = defineVendor({
  name: 'ca',
  contract: 'ca.yaml',
  // Each tenant has its own base URL; the mount's environment is the tenant id.
  baseUrls: (state) =>
    [...state.tenants.values()].flatMap((t) => (t.baseUrl ? [{ base: t.baseUrl, environment: t.id }] : [])),
  prefixes: (state) => [...state.tenants.values()].map((t) => ({ base: t.prefix, environment: t.id })),
  routes,
  errors,
  authenticate: checkApiVersion,
  adminRoutes,
  store: { models, field: 'tenant', scopes: tenantIds, rules },
  fixtures: seed as unknown as CaFixtures,
  fixtureSchema,
  createState,
  seed: seedStore,
  values,
  api: (state: CaState): CaApi => ({
    tenants: () => tenantInfo(state),
    async issueToken({ tenant, username, client_app_id = 'TOKEN_SANDBOX' }) {
      const t = tenantOf(state, tenant)
      if (!state.store.in(t.id).serviceAccount.has(`${t.id}/${username}`)) {
        throw new Error(`no service account '${username}' in CA tenant '${tenant}'`)
      }
      return (await issueToken(state, t, { username, client_app_id })).token
    },
    verifyToken: ({ token, tenant }) => inspectToken(state, token, tenant),
    accounts: (tenant) => listAccounts(state, tenantOf(state, tenant).id),
    cards: (tenant) => knownCards(state, tenantOf(state, tenant).id),
    addCard(tenant, card) {
      if (!CARD_NUMBER.test(card)) throw new Error('card_number must be 12 to 19 digits')
      return addKnownCard(state, tenantOf(state, tenant).id, card)
    },
  }),
  describe: (state) =>
    [...state.tenants.values()].flatMap((t) => [
      `tenant ${t.id} (${t.name})  ${t.prefix}${t.baseUrl ? `  msw: ${t.baseUrl}` : ''}  tokens last ${t.tokenMinutes} min`,
      ...state.store
        .in(t.id)
        .serviceAccount.all()
        .map((a) => `  service account ${a.username} / ${a.password}  (${a.operations === '*' ? 'all operations' : a.operations.split(',').join(', ')})`),
    ]),
})

export type { CaState, CaFixtures, TenantInfo, TokenReport, AccountView }
