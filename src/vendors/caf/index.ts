// CAF (Combate à Fraude), read top to bottom like its docs: where it lives (per environment), how
// it authenticates (the self-signed HS256 mobile token), its routes, its errors, its seed.
import { defineVendor } from '../../core/vendor.ts'
import seed from '../../../fixtures/caf.json' with { type: 'json' }
import { fixtureSchema } from './fixtures.ts'
import { adminRoutes } from './admin.ts'
import { createApi, type CafApi } from './api.ts'
import { authenticate } from './auth.ts'
import { describeApiTokens } from './core-tokens.ts'
import { errors } from './errors.ts'
import { prefixMounts, realMounts } from './hosts.ts'
import { PRODUCTS } from './products.ts'
import { routes, unsimulatedRoute } from './routes.ts'
import { ENVIRONMENTS, allKeys, createState, models, reloaded, seed as seedStore, type CafFixtures, type CafLocals, type CafState, type Environment } from './state.ts'
import { rules, values } from './snapshot.ts'

export const caf = defineVendor<CafState, CafApi, Environment, CafLocals>({
  name: 'caf',
  contract: 'caf.yaml',
  // The environment is the host: production, beta (stg) and dev each have their own, per API.
  baseUrls: () => realMounts(),
  prefixes: () => prefixMounts(),
  routes,
  errors,
  // The mobile and session tokens name the client in `iss` (CAF's docs for the mobile token);
  // a signed liveness answer names the person.
  tokenSubject: ['iss', 'personId'],
  authenticate,
  unsimulatedRoute,
  adminRoutes,
  store: { models, field: 'environment', scopes: () => ENVIRONMENTS, rules },
  fixtures: seed as unknown as CafFixtures,
  fixtureSchema,
  createState,
  seed: seedStore,
  values,
  reloaded,
  api: createApi,
  describe: (state) =>
    ENVIRONMENTS.flatMap((environment) => [
      ...allKeys(state)
        .filter((k) => k.environment === environment && !k.revoked)
        .map((k) => {
          const products = k.products.length === PRODUCTS.length ? 'all products' : k.products.join(', ')
          return `${environment.padEnd(8)} mobile key  clientId ${k.clientId}  clientSecret ${k.clientSecret}  (${products})`
        }),
      ...describeApiTokens(state, environment),
    ]),
})

export { HOSTS, prefixFor } from './hosts.ts'
export type { CafApi, CafFixtures, CafState }
export type { Environment as CafEnvironment } from './state.ts'
export type { Product as CafProduct } from './products.ts'
