// ComplyCube, read top to bottom like its API reference: where it lives, how it authenticates,
// its routes, its errors, its seed.
import { present } from './entity-name.ts'
import { defineVendor } from '../../core/vendor.ts'
import type { Route } from '../../core/service.ts'
import { adminRoutes, createKey, listKeys, revokeKey } from './admin.ts'
import { authenticate, redactKey } from './auth.ts'
import { createClient, deleteClient, getClient, listClients, updateClient } from './clients.ts'
import { errors } from './errors.ts'
import { createState, ENVIRONMENTS, findClient, models, reloaded, seed as seedStore, type ComplyCubeFixtures, type ComplyCubeState, type Environment } from './state.ts'
import { rules, values } from './snapshot.ts'
import { generateToken } from './token-route.ts'
import seed from '../../../fixtures/complycube.json' with { type: 'json' }
import { fixtureSchema } from './fixtures.ts'
import { issueSdkToken, verifySdkToken, type VerifyInput } from './tokens.ts'

export const BASE_URL = 'https://api.complycube.com/v1'
export const PREFIX = '/complycube/v1'

const routes: Route<ComplyCubeState, Environment>[] = [
  { method: 'POST', path: '/clients', handler: createClient },
  { method: 'GET', path: '/clients', handler: listClients },
  { method: 'GET', path: '/clients/:id', handler: getClient },
  { method: 'POST', path: '/clients/:id', handler: updateClient },
  { method: 'DELETE', path: '/clients/:id', handler: deleteClient },
  { method: 'POST', path: '/tokens', handler: generateToken },
]

export interface ComplyCubeApi {
  verifyToken(input: VerifyInput): ReturnType<typeof verifySdkToken>
  issueToken(binding: { environment: Environment; clientId: string; referrer?: string; appId?: string }): Promise<string>
  createKey(environment: Environment, name?: string): ReturnType<typeof createKey>
  revokeKey(key: string): boolean
  listKeys(): ReturnType<typeof listKeys>
  getClient(environment: Environment, id: string): ReturnType<typeof findClient>
}

export const complycube = defineVendor({
  name: 'complycube',
  contract: 'complycube.yaml',
  // The environment comes from the API key, not the host: one base URL serves both.
  baseUrls: () => [{ base: BASE_URL, environment: null }],
  // ComplyCube's "Rate limits" page (newest): up to 10 requests a second live, 5 in the test sandbox.
  rateLimits: { live: { requests: 10, perMs: 1000 }, sandbox: { requests: 5, perMs: 1000 } },
  // A client token names the client it was made for.
  tokenSubject: ['clientId'],
  prefixes: () => [{ base: PREFIX, environment: null }],
  routes,
  errors,
  authenticate,
  adminRoutes,
  // `/keys/<key>/revoke`: the key shortened as the journal shortens keys.
  logAdminPath: (path: string) => path.replace(/^\/keys\/([^/]*)/, (_, key: string) => `/keys/${redactKey(decodeSafely(key))}`),
  store: { models, field: 'environment', scopes: () => ENVIRONMENTS, rules },
  fixtures: seed as unknown as ComplyCubeFixtures,
  fixtureSchema,
  createState,
  seed: seedStore,
  values,
  reloaded,
  api: (state: ComplyCubeState): ComplyCubeApi => ({
    verifyToken: (input) => verifySdkToken(state, input),
    issueToken: async (binding) => (await issueSdkToken(state, binding)).token,
    createKey: (environment, name) => createKey(state, environment, name),
    revokeKey: (key) => revokeKey(state, key),
    listKeys: () => listKeys(state),
    getClient: (environment, id) => {
      const doc = findClient(state, environment, id)
      return doc && present(doc)
    },
  }),
  describe: (state) => [
    ...listKeys(state)
      .filter((k) => !k.revoked)
      .map((k) => `${k.environment.padEnd(8)} API key  ${k.key}`),
    // The seed's clients, to ask tokens for (`POST /v1/tokens` needs a clientId).
    ...state.fixtures.clients.map((c) => `${c.environment.padEnd(8)} client   ${c.id}  (${c.type}${typeof c.email === 'string' ? `, ${c.email}` : ''})`),
  ],
})

export type { ComplyCubeState, ComplyCubeFixtures, Environment, VerifyInput }

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
