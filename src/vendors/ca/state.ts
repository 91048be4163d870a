// The CA simulation's state: one store per tenant, so one tenant's service accounts, cards and
// accounts are invisible to another. Tenant configuration (base URL, token minutes, signing
// secret) is fixed at start and kept in `tenants`.
import * as v from 'valibot'
import type { Core } from '../../core/service.ts'
import { model } from '../../core/model.ts'
import type { RowOf, Store } from '../../core/store.ts'
import type { VendorState } from '../../core/vendor.ts'
import { buildTenants, OPERATIONS, type CaFixtures, type Tenant } from './tenants.ts'
import { addKnownCard, createAccount, linkCard } from './store.ts'

/** The store's models, one database per tenant (the store adds `tenant` to a snapshot's rows). */
export const models = {
  serviceAccount: model('id', {
    id: v.string(), // `${tenant}/${username}`
    username: v.string(),
    password: v.string(),
    /** Comma-separated operation names, or `*`. */
    operations: v.string(),
  }),
  account: model('id', {
    id: v.string(), // internal reference; (tenant, account_id, name) is what callers see
    account_id: v.string(),
    name: v.string(),
    createdAtMs: v.number(),
  }),
  card: model('id', {
    id: v.string(), // `${tenant}/${card_number}`
    card_number: v.string(),
    /** The internal id of the account it is linked to; '' when not linked. */
    accountRef: v.string(),
  }),
  factor: model('id', {
    id: v.string(), // `${accountRef}/${kind}/${factor_id}`
    accountRef: v.string(),
    kind: v.string(), // 'contact' | 'device'
    factor_id: v.string(),
    type: v.string(), // contacts: 'email' | 'mobile'; devices: ''
    value: v.string(),
    is_default: v.boolean(),
    position: v.number(),
  }),
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
