// ComplyCube's sandbox state: API keys and clients, in one store per environment (`sandbox` for
// test_ keys, `live` for live_ keys), and the secret its SDK tokens are signed with.
import * as v from 'valibot'
import type { Core } from '../../core/service.ts'
import { model } from '../../core/model.ts'
import type { Store } from '../../core/store.ts'
import type { VendorState } from '../../core/vendor.ts'
import type { components } from '../../generated/complycube.ts'
import { createOrderedIndex, type OrderedIndex } from '../../core/ordered-index.ts'

export type Environment = 'sandbox' | 'live'
export const ENVIRONMENTS: readonly Environment[] = ['sandbox', 'live']
export const isEnvironment = (value: unknown): value is Environment => value === 'sandbox' || value === 'live'
export const KEY_PREFIX: Record<Environment, string> = { sandbox: 'test_', live: 'live_' }

export interface ApiKeyFixture {
  key: string
  name?: string
  environment: Environment
  revoked?: boolean
}

export interface ClientFixture {
  environment: Environment
  id: string
  createdAt?: string
  [field: string]: unknown
}

export interface ComplyCubeFixtures {
  apiKeys: ApiKeyFixture[]
  clients: ClientFixture[]
}

/** A client as ComplyCube returns it: the `Client` schema of contracts/complycube.yaml. */
export type ClientDocument = components['schemas']['Client']

/** The store's models, one database per environment (the store adds `environment` to a snapshot's rows). */
export const models = {
  apiKey: model('key', {
    key: v.string(),
    name: v.string(),
    revoked: v.boolean(),
  }),
  client: model('id', {
    id: v.string(),
    createdAtMs: v.number(),
    // The client document as JSON: kept as the text ComplyCube answers with (free-form
    // `metadata`, nullable nested details), parsed only when a client is read.
    document: v.string(),
  }),
}

export type ComplyCubeModels = typeof models

export interface ComplyCubeState extends VendorState<ComplyCubeModels, ComplyCubeFixtures> {
  /** The sandbox's own secret for signing SDK tokens (ComplyCube's real tokens are its business). */
  signingSecret: string
  /** Each environment's client ids in list order (newest first), so a page is not a sort of every client. */
  clientOrder: Record<Environment, OrderedIndex>
}

export function environmentOfKey(key: string): Environment | null {
  if (key.startsWith(KEY_PREFIX.sandbox)) return 'sandbox'
  if (key.startsWith(KEY_PREFIX.live)) return 'live'
  return null
}

export function createState(core: Core, store: Store<ComplyCubeModels>, fixtures: ComplyCubeFixtures): ComplyCubeState {
  const clientOrder = { sandbox: createOrderedIndex(), live: createOrderedIndex() }
  return { core, store, fixtures, signingSecret: core.ids.secret(48), clientOrder }
}

/** Stores a new client and puts it in its environment's list order. */
export function insertClient(state: ComplyCubeState, environment: Environment, row: { id: string; createdAtMs: number; document: string }): void {
  state.store.in(environment).client.insert(row)
  state.clientOrder[environment].set(row.id, row.createdAtMs)
}

export function deleteClient(state: ComplyCubeState, environment: Environment, id: string): boolean {
  state.clientOrder[environment].delete(id)
  return state.store.in(environment).client.delete(id)
}

/** After a reset or a restore: the list order from the rows there are. */
export function reloaded(state: ComplyCubeState): void {
  for (const e of ENVIRONMENTS) state.clientOrder[e].load([...state.store.in(e).client.values()].map((c) => [c.id, c.createdAtMs] as const))
}

export function seed(state: ComplyCubeState): void {
  const { store, fixtures, core } = state
  for (const k of fixtures.apiKeys) {
    if (environmentOfKey(k.key) !== k.environment) {
      throw new Error(`ComplyCube fixture key ${k.key.slice(0, 5)}… does not carry the ${k.environment} prefix`)
    }
    store.in(k.environment).apiKey.insert({ key: k.key, name: k.name ?? '', revoked: k.revoked === true })
  }
  for (const c of fixtures.clients) {
    const { environment, ...rest } = c
    const createdAt = c.createdAt ?? new Date(core.clock.now()).toISOString()
    const doc = { ...rest, createdAt, updatedAt: (rest.updatedAt as string | undefined) ?? createdAt }
    insertClient(state, environment, { id: c.id, createdAtMs: Date.parse(createdAt), document: JSON.stringify(doc) })
  }
}

/** The key's row and its environment (from its prefix), or null. */
export function findKey(state: ComplyCubeState, key: string) {
  const environment = environmentOfKey(key)
  const row = environment ? state.store.in(environment).apiKey.get(key) : null
  return row && environment ? { ...row, environment } : null
}

/** Whether the client exists in `environment`, without parsing its document (hot path: every token). */
export function hasClient(state: ComplyCubeState, environment: Environment, id: string): boolean {
  return state.store.in(environment).client.has(id)
}

export function findClient(state: ComplyCubeState, environment: Environment, id: string): ClientDocument | null {
  const row = state.store.in(environment).client.get(id)
  return row ? (JSON.parse(row.document) as ClientDocument) : null
}
