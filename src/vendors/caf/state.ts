// CAF's sandbox state: Mobile Keys, Core API tokens, registered faces, face attempts, BFF
// sessions, SDK attestations and uploads, in one store per environment (prod, beta, dev), so
// environments never see each other's rows: a beta key is unknown on prod hosts. Besides rows:
// the settings and the BFF session-token secret.
import * as v from 'valibot'
import type { Core } from '../../core/service.ts'
import type { JWTPayload } from '../../core/jwt.ts'
import type { VendorState } from '../../core/vendor.ts'
import { normalisePersonId } from './cpf.ts'
import { isProduct, type Product } from './products.ts'
import { model } from '../../core/model.ts'
import { createRetention, type Retention, type RowOf, type Store, type Table } from '../../core/store.ts'
import { seedApiTokens } from './core-tokens.ts'

export const ENVIRONMENTS = ['prod', 'beta', 'dev'] as const
export type Environment = (typeof ENVIRONMENTS)[number]

export function isEnvironment(value: unknown): value is Environment {
  return typeof value === 'string' && (ENVIRONMENTS as readonly string[]).includes(value)
}

export interface CafSettings {
  /** Refuse CPFs whose mod-11 check digits are wrong (CAF documents no such check; off by default). */
  strictCpf: boolean
  /** Tolerance on `exp`/`nbf`, in seconds. */
  clockSkewSeconds: number
  /** Lifetime of the BFF session tokens the sandbox issues, in seconds. */
  sessionTokenLifetimeSeconds: number
}

export const DEFAULT_SETTINGS: Readonly<CafSettings> = Object.freeze({
  strictCpf: false,
  clockSkewSeconds: 5,
  sessionTokenLifetimeSeconds: 30 * 60,
})

export interface MobileKeyFixture {
  environment: Environment
  clientId: string
  clientSecret: string
  name?: string
  products: Product[]
  revoked?: boolean
  createdAt?: string
}

export interface FaceFixture {
  environment: Environment
  peopleId: string
  imageUrl: string
}

export interface ApiTokenFixture {
  environment: Environment
  token: string
  name?: string
  revoked?: boolean
}

export interface CafFixtures {
  settings?: Partial<CafSettings>
  /** The secret the BFF session tokens are signed with (random per sandbox when absent); for tests that forge them. */
  sessionTokenSecret?: string
  mobileKeys: MobileKeyFixture[]
  faces?: FaceFixture[]
  /** Core API tokens (created in Trust for server-to-server calls), per environment. */
  apiTokens?: ApiTokenFixture[]
}

/** A Mobile Key as the sandbox keeps it (the secret included: the sandbox must verify with it). */
export interface MobileKey {
  clientId: string
  clientSecret: string
  environment: Environment
  name: string
  products: Product[]
  revoked: boolean
  createdAt: string
  /** Reported as `executionOriginId` on face attempts. */
  originId: string
}

/** A token that passed every check the route could make before its body was read. */
export interface PresentedToken {
  key: MobileKey
  claims: JWTPayload
  /** The token's `peopleId` (or legacy `personId`), mask stripped; undefined when absent. */
  peopleId?: string
  /** For BFF session tokens: the session id the sandbox put in it. */
  sessionId?: string
  /** For SDK API calls: the attestation (from POST /attestations) that came with the request. */
  attestation?: string
}

/** The store's models, one database per environment (the store adds `environment` to a snapshot's rows). */
export const models = {
  mobileKey: model('clientId', {
    clientId: v.string(),
    clientSecret: v.string(),
    name: v.string(),
    // JSON array of product names.
    products: v.string(),
    revoked: v.boolean(),
    createdAt: v.string(),
    originId: v.string(),
  }),
  face: model('id', {
    // `<environment>:<peopleId>`: one registered face per person and environment.
    id: v.string(),
    peopleId: v.string(),
    imageUrl: v.string(),
    createdAt: v.string(),
  }),
  attempt: model('id', {
    id: v.string(),
    kind: v.string(),
    peopleId: v.string(),
    // The attempt as GET /faces/authenticate/{attemptId} returns it, as JSON.
    document: v.string(),
  }),
  session: model('id', {
    id: v.string(),
    clientId: v.string(),
    personId: v.string(),
    createdAt: v.string(),
  }),
  apiToken: model('token', {
    token: v.string(),
    name: v.string(),
    revoked: v.boolean(),
    createdAt: v.string(),
  }),
  // What POST /v1/sdks/attestations issued; the id is the attestation itself (opaque).
  attestation: model('id', {
    id: v.string(),
    clientId: v.string(),
    // The mobile token's peopleId, mask stripped; '' when it had none.
    peopleId: v.string(),
    createdAt: v.string(),
    expiresAt: v.string(),
    // The previousAttestation the SDK sent when re-attesting; '' on a first attestation.
    previous: v.string(),
  }),
  // An SDK upload: metadata only, never the bytes (see sdk-uploads.ts).
  upload: model('id', {
    id: v.string(),
    clientId: v.string(),
    contentType: v.string(),
    bucket: v.string(),
    key: v.string(),
    // The secret in the PUT URL's query, like a pre-signed URL's signature.
    signature: v.string(),
    createdAt: v.string(),
    expiresAt: v.string(),
    // The rest stays empty (size -1) until the PUT arrives.
    size: v.number(),
    sha256: v.string(),
    uploadedAt: v.string(),
    // The outcome marker found in the bytes ('' for none), for POST /documents/quality.
    marker: v.string(),
  }),
}

export type CafModels = typeof models

/** What `authenticate` leaves for the handler: the token that passed every check the route could make before its body was read. */
export interface CafLocals {
  token: PresentedToken
}

export interface CafState extends VendorState<CafModels, CafFixtures> {
  settings: CafSettings
  /** The sandbox's own secret for BFF session tokens (CAF's are its business). */
  signingSecret: string
  /** Face attempts, BFF sessions, SDK attestations and uploads are made by calls: only the newest are kept, per environment. */
  retention: Record<Environment, Record<RetainedModel, Retention>>
}

/** The models each request may add a row to, bounded. */
export const RETAINED_MODELS = ['attempt', 'session', 'attestation', 'upload'] as const
export type RetainedModel = (typeof RETAINED_MODELS)[number]

/** How many face attempts, BFF sessions, attestations and uploads the sandbox keeps, each, per environment. */
export const RETAINED_ROWS = 1_000

function sessionTokenSecret(core: Core, fixtures: CafFixtures): string {
  // Drawn even when the fixture gives one, so the seeded ids after it stay the same.
  const drawn = core.ids.secret(48)
  const given = fixtures.sessionTokenSecret
  if (given === undefined) return drawn
  if (typeof given !== 'string' || given.length < 16) throw new Error('CAF fixtures: sessionTokenSecret must be a string of at least 16 characters')
  return given
}

export function createState(core: Core, store: Store<CafModels>, fixtures: CafFixtures): CafState {
  const retention = Object.fromEntries(
    ENVIRONMENTS.map((e) => [e, Object.fromEntries(RETAINED_MODELS.map((m) => [m, createRetention(store.in(e)[m] as Table<object>, RETAINED_ROWS)]))]),
  ) as CafState['retention']
  return { core, store, fixtures, settings: { ...DEFAULT_SETTINGS }, signingSecret: sessionTokenSecret(core, fixtures), retention }
}

export function seed(state: CafState): void {
  const { store, fixtures, core } = state
  state.settings = { ...DEFAULT_SETTINGS, ...(fixtures.settings ?? {}) }
  const now = new Date(core.clock.now()).toISOString()
  for (const k of fixtures.mobileKeys) {
    const where = `CAF fixture key ${k.clientId}`
    if (!isEnvironment(k.environment)) throw new Error(`${where}: environment must be one of ${ENVIRONMENTS.join(', ')}`)
    if (typeof k.clientId !== 'string' || k.clientId === '' || typeof k.clientSecret !== 'string' || k.clientSecret === '') {
      throw new Error(`${where}: clientId and clientSecret are required`)
    }
    if (!Array.isArray(k.products) || !k.products.every(isProduct)) throw new Error(`${where}: unknown product in ${JSON.stringify(k.products)}`)
    if (findKeyAnywhere(state, k.clientId)) throw new Error(`${where}: clientId is seeded twice`)
    store.in(k.environment).mobileKey.insert({
      clientId: k.clientId,
      clientSecret: k.clientSecret,
      name: k.name ?? '',
      products: JSON.stringify(k.products),
      revoked: k.revoked === true,
      createdAt: k.createdAt ?? now,
      originId: core.ids.hex(24),
    })
  }
  for (const f of fixtures.faces ?? []) {
    if (!isEnvironment(f.environment)) throw new Error(`CAF fixture face ${f.peopleId}: unknown environment`)
    registerFace(state, f.environment, f.peopleId, f.imageUrl)
  }
  seedApiTokens(state, fixtures.apiTokens ?? [], now)
}

/** After a reset or a restore: the retention queues start from the rows there are. */
export function reloaded(state: CafState): void {
  for (const e of ENVIRONMENTS) for (const r of Object.values(state.retention[e])) r.resync()
}

type KeyRow = RowOf<CafModels['mobileKey']>

function toKey(row: KeyRow, environment: Environment): MobileKey {
  return {
    clientId: row.clientId,
    clientSecret: row.clientSecret,
    environment,
    name: row.name,
    products: JSON.parse(row.products) as Product[],
    revoked: row.revoked,
    createdAt: row.createdAt,
    originId: row.originId,
  }
}

/** The row with this key in whichever environment holds it (for refusals that name the other environment). */
export function findAnywhere<M extends keyof CafModels>(state: CafState, model: M, key: string): { row: RowOf<CafModels[M]>; environment: Environment } | null {
  for (const environment of ENVIRONMENTS) {
    const row = state.store.in(environment)[model].get(key)
    if (row) return { row, environment }
  }
  return null
}

/** The key with this clientId, in whichever environment holds it. */
export function findKeyAnywhere(state: CafState, clientId: string): MobileKey | null {
  const found = findAnywhere(state, 'mobileKey', clientId)
  return found ? toKey(found.row, found.environment) : null
}

export function allKeys(state: CafState): MobileKey[] {
  return ENVIRONMENTS.flatMap((environment) => state.store.in(environment).mobileKey.all().map((row) => toKey(row, environment)))
}

export function registerFace(state: CafState, environment: Environment, peopleId: string, imageUrl: string): void {
  const id = `${environment}:${normalisePersonId(peopleId)}`
  const createdAt = new Date(state.core.clock.now()).toISOString()
  const data = { peopleId: normalisePersonId(peopleId), imageUrl, createdAt }
  const faces = state.store.in(environment).face
  if (faces.has(id)) faces.update(id, data)
  else faces.insert({ id, ...data })
}

export function findFace(state: CafState, environment: Environment, peopleId: string) {
  return state.store.in(environment).face.get(`${environment}:${normalisePersonId(peopleId)}`)
}
