// Reads and changes of a tenant's cardholder data, with the rules CA's error table implies:
// an account_id is taken once per tenant by Add Account, a card is linked to at most one
// account, and each kind of user factor (contacts, devices) has exactly one default, which
// cannot be deleted. Each tenant has its own store: nothing here can reach another tenant's rows.
import type { AccountBody, ContactType } from './bodies.ts'
import type { AccountRow, CaState } from './state.ts'

export type FactorKind = 'contact' | 'device'

export interface ContactInput {
  contact_id: string
  type: string
  value: string
  is_default?: boolean
}

export interface DeviceInput {
  device_id: string
  is_default?: boolean
}

export interface NewAccount {
  account_id: string
  name: string
  contacts: ContactInput[]
  devices: DeviceInput[]
}

/** An account as the API answers it: the contract's `Account` schema. */
export type AccountView = AccountBody

const tablesOf = (state: CaState, tenant: string) => state.store.in(tenant)

const cardKey = (tenant: string, cardNumber: string) => `${tenant}/${cardNumber}`

export function addKnownCard(state: CaState, tenant: string, cardNumber: string): boolean {
  const id = cardKey(tenant, cardNumber)
  const cards = tablesOf(state, tenant).card
  if (cards.has(id)) return false
  cards.insert({ id, card_number: cardNumber, accountRef: '' })
  return true
}

export function knownCards(state: CaState, tenant: string): { card_number: string; linked_to: string | null }[] {
  const t = tablesOf(state, tenant)
  return t.card.all().map((c) => {
    const account = c.accountRef ? t.account.get(c.accountRef) : null
    return { card_number: c.card_number, linked_to: account ? account.account_id : null }
  })
}

/** The default is the one marked `is_default`, else the first (callers refuse more than one). */
function defaultIndex(items: { is_default?: boolean }[]): number {
  const marked = items.findIndex((i) => i.is_default === true)
  return marked >= 0 ? marked : 0
}

/** Creates an account with its factors; returns its internal reference. */
export function createAccount(state: CaState, tenant: string, input: NewAccount): string {
  const { core } = state
  const t = tablesOf(state, tenant)
  const ref = `${tenant}#${core.ids.hex(16)}`
  t.account.insert({ id: ref, account_id: input.account_id, name: input.name, createdAtMs: core.clock.now() })
  const addFactors = (kind: FactorKind, items: { id: string; type: string; value: string; is_default?: boolean }[]) => {
    const def = defaultIndex(items)
    items.forEach((f, position) =>
      t.factor.insert({
        id: `${ref}/${kind}/${f.id}`,
        accountRef: ref,
        kind,
        factor_id: f.id,
        type: f.type,
        value: f.value,
        is_default: position === def,
        position,
      }),
    )
  }
  addFactors('contact', input.contacts.map((c) => ({ id: c.contact_id, type: c.type, value: c.value, ...(c.is_default !== undefined ? { is_default: c.is_default } : {}) })))
  addFactors('device', input.devices.map((d) => ({ id: d.device_id, type: '', value: '', ...(d.is_default !== undefined ? { is_default: d.is_default } : {}) })))
  return ref
}

export function accountsWithId(state: CaState, tenant: string, accountId: string): AccountRow[] {
  return tablesOf(state, tenant).account.filter((a) => a.account_id === accountId)
}

export type Resolved = { kind: 'found'; row: AccountRow } | { kind: 'not_found' } | { kind: 'multiple'; count: number }

/**
 * Finds one account by account_id, narrowed by name when given. Several accounts under one
 * account_id (different names) and no name to choose: `multiple`.
 */
export function resolveAccount(state: CaState, tenant: string, accountId: string, name?: string): Resolved {
  let rows = accountsWithId(state, tenant, accountId)
  if (name !== undefined) rows = rows.filter((r) => r.name === name)
  if (rows.length === 0) return { kind: 'not_found' }
  if (rows.length > 1) return { kind: 'multiple', count: rows.length }
  return { kind: 'found', row: rows[0]! }
}

export type LinkOutcome = 'linked' | 'already_linked_here' | 'linked_elsewhere' | 'unknown_card'

export function linkCard(state: CaState, tenant: string, ref: string, cardNumber: string): LinkOutcome {
  const id = cardKey(tenant, cardNumber)
  const cards = tablesOf(state, tenant).card
  const card = cards.get(id)
  if (!card) return 'unknown_card'
  if (card.accountRef === ref) return 'already_linked_here'
  if (card.accountRef !== '') return 'linked_elsewhere'
  cards.update(id, { accountRef: ref })
  return 'linked'
}

/** Removes the link between a card and this account; false when they were not linked. */
export function unlinkCard(state: CaState, tenant: string, ref: string, cardNumber: string): boolean {
  const id = cardKey(tenant, cardNumber)
  const cards = tablesOf(state, tenant).card
  const card = cards.get(id)
  if (!card || card.accountRef !== ref) return false
  cards.update(id, { accountRef: '' })
  return true
}

/** Deletes the account and its factors; its cards stay known to the ACS, unlinked. */
export function deleteAccount(state: CaState, tenant: string, ref: string): void {
  const t = tablesOf(state, tenant)
  for (const card of t.card.filter((c) => c.accountRef === ref)) t.card.update(card.id, { accountRef: '' })
  t.factor.deleteMany(t.factor.filter((f) => f.accountRef === ref).map((f) => f.id))
  t.account.delete(ref)
}

export type FactorDeletion = 'deleted' | 'not_found' | 'is_default'

export function deleteFactor(state: CaState, tenant: string, ref: string, kind: FactorKind, factorId: string): FactorDeletion {
  const id = `${ref}/${kind}/${factorId}`
  const factors = tablesOf(state, tenant).factor
  const row = factors.get(id)
  if (!row) return 'not_found'
  if (row.is_default) return 'is_default'
  factors.delete(id)
  return 'deleted'
}

export function accountView(state: CaState, tenant: string, row: AccountRow): AccountView {
  const t = tablesOf(state, tenant)
  const cards = t.card
    .filter((c) => c.accountRef === row.id)
    .map((c) => c.card_number)
    .sort()
    .map((card_number) => ({ card_number }))
  const factors = (kind: FactorKind) => t.factor.filter((f) => f.accountRef === row.id && f.kind === kind).sort((a, b) => a.position - b.position)
  return {
    tenant_id: tenant,
    account_id: row.account_id,
    ...(row.name ? { name: row.name } : {}),
    cards,
    contacts: factors('contact').map((f) => ({ contact_id: f.factor_id, type: f.type as ContactType, value: f.value, is_default: f.is_default })),
    devices: factors('device').map((f) => ({ device_id: f.factor_id, is_default: f.is_default })),
  }
}

export function listAccounts(state: CaState, tenant: string): AccountView[] {
  return tablesOf(state, tenant)
    .account.all()
    .sort((a, b) => a.createdAtMs - b.createdAtMs)
    .map((row) => accountView(state, tenant, row))
}
