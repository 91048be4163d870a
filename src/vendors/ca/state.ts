// The CA simulation's state: one store per tenant, so one tenant's service accounts, cards and
// accounts are invisible to another. Tenant configuration (base URL, token minutes, signing
// secret) is fixed at start and kept in `tenants`.
import { primaryKey } from '@mswjs/data'
import type { Core } from '../../core/service.ts'
import type { RowOf, Store } from '../../core/store.ts'
import type { VendorState } from '../../core/vendor.ts'
import { buildTenants, OPERATIONS, type CaFixtures, type Tenant } from './tenants.ts'
import { addKnownCard, createAccount, linkCard } from './store.ts'

/** The store's models, one database per tenant (the store adds `tenant` to a snapshot's rows). */
export const models = {
  serviceAccount: {
    id: primaryKey(String), // `${tenant}/${username}`
    username: String,
    password: String,
    /** Comma-separated operation names, or `*`. */
    operations: String,
  },
  account: {
    id: primaryKey(String), // internal reference; (tenant, account_id, name) is what callers see
    account_id: String,
    name: String,
    createdAtMs: Number,
  },
  card: {
    id: primaryKey(String), // `${tenant}/${card_number}`
    card_number: String,
    /** The internal id of the account it is linked to; '' when not linked. */
    accountRef: String,
  },
  factor: {
    id: primaryKey(String), // `${accountRef}/${kind}/${factor_id}`
    accountRef: String,
    kind: String, // 'contact' | 'device'
    factor_id: String,
    type: String, // contacts: 'email' | 'mobile'; devices: ''
    value: String,
    is_default: Boolean,
    position: Number,
  },
}

export type CaModels = typeof models
export type AccountRow = RowOf<CaModels['account']>

export interface CaState extends VendorState<CaModels, CaFixtures> {
  tenants: Map<string, Tenant>
}

/** The tenants' ids, checked: the store's scopes. */
export const tenantIds = (fixtures: CaFixtures): string[] => [...buildTenants(fixtures, () => '').keys()]

export function createState(core: Core, store: Store<CaModels>, fixtures: CaFixtures): CaState {
  return { core, store, fixtures, tenants: buildTenants(fixtures, () => core.ids.secret(48)) }
}

export function seed(state: CaState): void {
  for (const t of state.fixtures.tenants) {
    if (!Array.isArray(t.serviceAccounts)) throw new Error(`CA fixtures: tenant ${t.id}: serviceAccounts must be an array`)
    for (const sa of t.serviceAccounts) {
      const ops = Array.isArray(sa.operations) ? sa.operations : []
      const unknown = ops.filter((op) => op !== '*' && !(OPERATIONS as readonly string[]).includes(op))
      if (unknown.length) throw new Error(`CA fixtures: ${t.id}/${sa.username}: unknown operations ${unknown.join(', ')}`)
      if (typeof sa.username !== 'string' || !sa.username || typeof sa.password !== 'string' || !sa.password) {
        throw new Error(`CA fixtures: tenant ${t.id}: every service account needs a username and a password`)
      }
      state.store.in(t.id).serviceAccount.insert({
        id: `${t.id}/${sa.username}`,
        username: sa.username,
        password: sa.password,
        operations: ops.join(','),
      })
    }
    for (const card of t.cards ?? []) addKnownCard(state, t.id, card)
    const seen = new Set<string>()
    for (const a of t.accounts ?? []) {
      const key = `${a.account_id}\0${a.name ?? ''}`
      if (seen.has(key)) throw new Error(`CA fixtures: tenant ${t.id}: account ${a.account_id} (${a.name ?? 'no name'}) is listed twice`)
      seen.add(key)
      const ref = createAccount(state, t.id, {
        account_id: a.account_id,
        name: a.name ?? '',
        contacts: a.contacts ?? [],
        devices: a.devices ?? [],
      })
      for (const card of a.cards ?? []) {
        if (linkCard(state, t.id, ref, card) !== 'linked') {
          throw new Error(`CA fixtures: tenant ${t.id}: card ${card} of ${a.account_id} is unknown or already linked`)
        }
      }
    }
  }
}
