// ComplyCube's sandbox state in @mswjs/data: API keys and clients, every row tagged with its
// environment (`sandbox` for test_ keys, `live` for live_ keys).
import { factory, primaryKey, drop } from '@mswjs/data'
import type { Core } from '../../core/service.ts'
import type { components } from '../../generated/complycube.ts'
import { findByPrimaryKey } from '../../core/store.ts'

export type Environment = 'sandbox' | 'live'
export const ENVIRONMENTS: readonly Environment[] = ['sandbox', 'live']
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

/** The store's models; `snapshot.ts` dumps and checks rows against them. */
export const models = {
  apiKey: {
    key: primaryKey(String),
    environment: String,
    name: String,
    revoked: Boolean,
  },
  client: {
    id: primaryKey(String),
    environment: String,
    createdAtMs: Number,
    // The client document as JSON: ComplyCube clients carry free-form `metadata` and nullable
    // nested details, which the model's typed fields cannot hold faithfully.
    document: String,
  },
}

function createDb() {
  return factory(models)
}

export type ComplyCubeDb = ReturnType<typeof createDb>

export interface ComplyCubeState {
  core: Core
  db: ComplyCubeDb
  fixtures: ComplyCubeFixtures
  /** The sandbox's own secret for signing SDK tokens (ComplyCube's real tokens are its business). */
  signingSecret: string
}

export function environmentOfKey(key: string): Environment | null {
  if (key.startsWith(KEY_PREFIX.sandbox)) return 'sandbox'
  if (key.startsWith(KEY_PREFIX.live)) return 'live'
  return null
}

export function createState(core: Core, fixtures: ComplyCubeFixtures): ComplyCubeState {
  const state: ComplyCubeState = { core, db: createDb(), fixtures, signingSecret: core.ids.secret(48) }
  seed(state)
  return state
}

export function seed(state: ComplyCubeState): void {
  const { db, fixtures, core } = state
  for (const k of fixtures.apiKeys) {
    if (environmentOfKey(k.key) !== k.environment) {
      throw new Error(`ComplyCube fixture key ${k.key.slice(0, 5)}… does not carry the ${k.environment} prefix`)
    }
    db.apiKey.create({ key: k.key, environment: k.environment, name: k.name ?? '', revoked: k.revoked === true })
  }
  for (const c of fixtures.clients) {
    const { environment, ...rest } = c
    const createdAt = c.createdAt ?? new Date(core.clock.now()).toISOString()
    const doc = { ...rest, createdAt, updatedAt: (rest.updatedAt as string | undefined) ?? createdAt }
    db.client.create({ id: c.id, environment, createdAtMs: Date.parse(createdAt), document: JSON.stringify(doc) })
  }
}

export function reset(state: ComplyCubeState): void {
  drop(state.db)
  seed(state)
}

export function findKey(state: ComplyCubeState, key: string) {
  return findByPrimaryKey(state.db, 'apiKey', 'key', key)
}

/** Whether the client exists in `environment`, without parsing its document (hot path: every token). */
export function hasClient(state: ComplyCubeState, environment: Environment, id: string): boolean {
  const row = findByPrimaryKey(state.db, 'client', 'id', id)
  return row !== null && row.environment === environment
}

export function findClient(state: ComplyCubeState, environment: Environment, id: string): ClientDocument | null {
  const row = findByPrimaryKey(state.db, 'client', 'id', id)
  return row && row.environment === environment ? (JSON.parse(row.document) as ClientDocument) : null
}
