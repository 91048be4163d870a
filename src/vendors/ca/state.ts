// The CA simulation's state in @mswjs/data. Every row carries its tenant: one tenant's service
// accounts, cards and accounts are invisible to another. Tenant configuration (base URL, token
// minutes, signing secret) is fixed at start and kept in `tenants`.
import { factory, primaryKey, drop } from '@mswjs/data'
import type { Core } from '../../core/service.ts'
import { buildTenants, OPERATIONS, type CaFixtures, type Tenant } from './tenants.ts'
import { addKnownCard, createAccount, linkCard } from './store.ts'

/** The store's models; `snapshot.ts` dumps and checks rows against them. */
export const models = {
  serviceAccount: {
    id: primaryKey(String), // `${tenant}/${username}`
    tenant: String,
    username: String,
    password: String,
    /** Comma-separated operation names, or `*`. */
    operations: String,
  },
  account: {
    id: primaryKey(String), // internal reference; (tenant, account_id, name) is what callers see
    tenant: String,
    account_id: String,
    name: String,
    createdAtMs: Number,
  },
  card: {
    id: primaryKey(String), // `${tenant}/${card_number}`
    tenant: String,
    card_number: String,
    /** The internal id of the account it is linked to; '' when not linked. */
    accountRef: String,
  },
  factor: {
    id: primaryKey(String), // `${accountRef}/${kind}/${factor_id}`
    tenant: String,
    accountRef: String,
    kind: String, // 'contact' | 'device'
    factor_id: String,
    type: String, // contacts: 'email' | 'mobile'; devices: ''
    value: String,
    is_default: Boolean,
    position: Number,
  },
}

function createDb() {
  return factory(models)
}

export type CaDb = ReturnType<typeof createDb>

export interface CaState {
  core: Core
  db: CaDb
  fixtures: CaFixtures
  tenants: Map<string, Tenant>
}

export function createState(core: Core, fixtures: CaFixtures): CaState {
  const tenants = buildTenants(fixtures, () => core.ids.secret(48))
  const state: CaState = { core, db: createDb(), fixtures, tenants }
  seed(state)
  return state
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
      state.db.serviceAccount.create({
        id: `${t.id}/${sa.username}`,
        tenant: t.id,
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

export function reset(state: CaState): void {
  drop(state.db)
  seed(state)
}
