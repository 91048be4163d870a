// CAF's sandbox state in @mswjs/data: Mobile Keys, Core API tokens, registered faces, face
// attempts, BFF sessions, SDK attestations and uploads, every row tagged with its environment (prod, beta, dev). Environments never see
// each other's rows: a beta key is unknown on prod hosts.
import { drop, factory, primaryKey } from '@mswjs/data'
import type { Core } from '../../core/service.ts'
import type { SandboxRequest } from '../../core/types.ts'
import type { JWTPayload } from '../../core/jwt.ts'
import { normalisePersonId } from './cpf.ts'
import { isProduct, type Product } from './products.ts'
import { createRetention, findByPrimaryKey, type Retention } from '../../core/store.ts'
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

/** The store's models; `snapshot.ts` dumps and checks rows against them. */
export const models = {
  mobileKey: {
    clientId: primaryKey(String),
    environment: String,
    clientSecret: String,
    name: String,
    // JSON array of product names.
    products: String,
    revoked: Boolean,
    createdAt: String,
    originId: String,
  },
  face: {
    // `<environment>:<peopleId>`: one registered face per person and environment.
    id: primaryKey(String),
    environment: String,
    peopleId: String,
    imageUrl: String,
    createdAt: String,
  },
  attempt: {
    id: primaryKey(String),
    environment: String,
    kind: String,
    peopleId: String,
    // The attempt as GET /faces/authenticate/{attemptId} returns it, as JSON.
    document: String,
  },
  session: {
    id: primaryKey(String),
    environment: String,
    clientId: String,
    personId: String,
    createdAt: String,
  },
  apiToken: {
    token: primaryKey(String),
    environment: String,
    name: String,
    revoked: Boolean,
    createdAt: String,
  },
  // What POST /v1/sdks/attestations issued; the id is the attestation itself (opaque).
  attestation: {
    id: primaryKey(String),
    environment: String,
    clientId: String,
    // The mobile token's peopleId, mask stripped; '' when it had none.
    peopleId: String,
    createdAt: String,
    expiresAt: String,
    // The previousAttestation the SDK sent when re-attesting; '' on a first attestation.
    previous: String,
  },
  // An SDK upload: metadata only, never the bytes (see sdk-uploads.ts).
  upload: {
    id: primaryKey(String),
    environment: String,
    clientId: String,
    contentType: String,
    bucket: String,
    key: String,
    // The secret in the PUT URL's query, like a pre-signed URL's signature.
    signature: String,
    createdAt: String,
    expiresAt: String,
    // The rest stays empty (size -1) until the PUT arrives.
    size: Number,
    sha256: String,
    uploadedAt: String,
    // The outcome marker found in the bytes ('' for none), for POST /documents/quality.
    marker: String,
  },
}

function createDb() {
  return factory(models)
}

export type CafDb = ReturnType<typeof createDb>

export interface CafState {
  core: Core
  db: CafDb
  fixtures: CafFixtures
  settings: CafSettings
  /** The sandbox's own secret for BFF session tokens (CAF's are its business). */
  signingSecret: string
  /** Tokens verified by `authenticate`, read by the handler once the body is parsed. */
  presented: WeakMap<SandboxRequest, PresentedToken>
  /** Face attempts and BFF sessions are made by every call: only the newest are kept. */
  retention: { attempt: Retention; session: Retention; attestation: Retention; upload: Retention }
}

/** How many face attempts, BFF sessions, attestations and uploads the sandbox keeps, each (all environments). */
export const RETAINED_ROWS = 1_000

function sessionTokenSecret(core: Core, fixtures: CafFixtures): string {
  // Drawn even when the fixture gives one, so the seeded ids after it stay the same.
  const drawn = core.ids.secret(48)
  const given = fixtures.sessionTokenSecret
  if (given === undefined) return drawn
  if (typeof given !== 'string' || given.length < 16) throw new Error('CAF fixtures: sessionTokenSecret must be a string of at least 16 characters')
  return given
}

export function createState(core: Core, fixtures: CafFixtures): CafState {
  const db = createDb()
  const state: CafState = {
    core,
    db,
    fixtures,
    settings: { ...DEFAULT_SETTINGS },
    signingSecret: sessionTokenSecret(core, fixtures),
    presented: new WeakMap(),
    retention: {
      attempt: createRetention(db, 'attempt', 'id', RETAINED_ROWS),
      session: createRetention(db, 'session', 'id', RETAINED_ROWS),
      attestation: createRetention(db, 'attestation', 'id', RETAINED_ROWS),
      upload: createRetention(db, 'upload', 'id', RETAINED_ROWS),
    },
  }
  seed(state)
  return state
}

export function seed(state: CafState): void {
  const { db, fixtures, core } = state
  state.settings = { ...DEFAULT_SETTINGS, ...(fixtures.settings ?? {}) }
  const now = new Date(core.clock.now()).toISOString()
  for (const k of fixtures.mobileKeys) {
    const where = `CAF fixture key ${k.clientId}`
    if (!isEnvironment(k.environment)) throw new Error(`${where}: environment must be one of ${ENVIRONMENTS.join(', ')}`)
    if (typeof k.clientId !== 'string' || k.clientId === '' || typeof k.clientSecret !== 'string' || k.clientSecret === '') {
      throw new Error(`${where}: clientId and clientSecret are required`)
    }
    if (!Array.isArray(k.products) || !k.products.every(isProduct)) throw new Error(`${where}: unknown product in ${JSON.stringify(k.products)}`)
    if (findByPrimaryKey(db, 'mobileKey', 'clientId', k.clientId)) throw new Error(`${where}: clientId is seeded twice`)
    db.mobileKey.create({
      clientId: k.clientId,
      environment: k.environment,
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

export function reset(state: CafState): void {
  drop(state.db)
  seed(state)
  resyncRetention(state)
}

/** After the rows changed wholesale (reset, restore): every bounded model starts again from its rows. */
export function resyncRetention(state: CafState): void {
  for (const r of Object.values(state.retention)) r.resync()
}

type KeyRow = ReturnType<CafDb['mobileKey']['getAll']>[number]

function toKey(row: KeyRow): MobileKey {
  return {
    clientId: row.clientId,
    clientSecret: row.clientSecret,
    environment: row.environment as Environment,
    name: row.name,
    products: JSON.parse(row.products) as Product[],
    revoked: row.revoked,
    createdAt: row.createdAt,
    originId: row.originId,
  }
}

/** The key with this clientId, in whichever environment holds it. */
export function findKeyAnywhere(state: CafState, clientId: string): MobileKey | null {
  const row = findByPrimaryKey(state.db, 'mobileKey', 'clientId', clientId)
  return row ? toKey(row) : null
}

export function allKeys(state: CafState): MobileKey[] {
  return state.db.mobileKey.getAll().map(toKey)
}

export function registerFace(state: CafState, environment: Environment, peopleId: string, imageUrl: string): void {
  const id = `${environment}:${normalisePersonId(peopleId)}`
  const createdAt = new Date(state.core.clock.now()).toISOString()
  const data = { environment, peopleId: normalisePersonId(peopleId), imageUrl, createdAt }
  if (findByPrimaryKey(state.db, 'face', 'id', id)) state.db.face.update({ where: { id: { equals: id } }, data })
  else state.db.face.create({ id, ...data })
}

export function findFace(state: CafState, environment: Environment, peopleId: string) {
  return findByPrimaryKey(state.db, 'face', 'id', `${environment}:${normalisePersonId(peopleId)}`)
}
