// What a simulated vendor is: one definition, exported by the vendor's folder and listed once in
// src/vendors/registry.ts. A vendor knows nothing about transports or persistence: it gives its
// hosts, routes, errors, models and seed; the core owns state's lifecycle (reset, snapshot,
// restore, change events) generically over the vendor's models (./vendor-instance.ts).
import type { Mount } from './dispatch.ts'
import type { Core, ErrorBuilders, Route, RouteContext } from './service.ts'
import type { SandboxResponse } from './types.ts'
import type { RateLimit } from './rate-limits.ts'
import type { Models, Store } from './store.ts'
import type { Rules } from './snapshot-rules.ts'
import type { StandardSchemaV1 } from './fixtures.ts'

/** `assets`: path prefixes below the base that are static files on the vendor's host (see Mount). */
export type MountSpec = Omit<Mount, 'service'> & {
  /**
   * Browsers call this API from the integrators' own pages (CAF's web SDK and BFF), so the
   * vendor's host must answer CORS for any origin; the standalone server does the same.
   */
  browserFacing?: boolean
}

/** What every vendor's state holds: the core, its tables, its seed. */
export interface VendorState<M extends Models, Fixtures> {
  core: Core
  store: Store<M>
  fixtures: Fixtures
}

export interface VendorDefinition<S extends VendorState<M, Fixtures>, Api, Fixtures, M extends Models, L extends object = object> {
  name: string
  /** The vendor's real base URLs, per environment (and API, when it has several hosts): what msw intercepts. */
  baseUrls(state: S): MountSpec[]
  /** Path prefixes on the standalone server, per environment (and API). */
  prefixes(state: S): MountSpec[]
  routes: Route<S, L>[]
  errors: ErrorBuilders
  /** The vendor's documented rate limits per environment, enforced when the sandbox is asked to (`rateLimits`). */
  rateLimits?: Record<string, RateLimit>
  /**
   * The claims that name whom a token the vendor signs is for, first present wins (the
   * dashboard's "subject" column); default `sub`.
   */
  tokenSubject?: readonly string[]
  /** Runs after routing, before the body is read: a refusal, or null to go on. May set `ctx.environment` and `ctx.locals`. */
  authenticate?: (ctx: RouteContext<S, L>) => SandboxResponse | null | Promise<SandboxResponse | null>
  /**
   * A path the sandbox does not simulate first gets `authenticate`'s verdict, as on the real API,
   * then a 404 that says so. `authenticate` sees a route with the request's method and path and
   * these fields (per API: CAF's Mobile API judges the mobile token there); default none.
   */
  unsimulatedRoute?: (api: string | null) => Partial<Route<S, L>> & Record<string, unknown>
  /** Sandbox-only routes, served under `/__sandbox/<name>` with the sandbox's error shape. */
  adminRoutes: Route<S>[]
  /** How the request log prints one of those admin paths (below `/__sandbox/<name>`), a secret in it shortened. */
  logAdminPath?(path: string): string
  /** Where rows live: the models (core/model.ts), one set of tables per scope, and the scope's name in a snapshot row. */
  store: {
    models: M
    /** `environment`, or `tenant` for CA. */
    field: string
    scopes(fixtures: Fixtures): readonly string[]
    /** What a row read from a state file must hold beyond its types (./snapshot-rules.ts). */
    rules?: Rules
  }
  /** The seed from `fixtures/<name>.json`, used when the sandbox is given none. */
  fixtures: Fixtures
  /**
   * The seed's format, as a Standard Schema (the vendors' are valibot, ../vendors/fixture-kit.ts):
   * fixtures a sandbox is given are checked with it as a whole before start (./fixtures.ts), and
   * fixtures/schema/<name>.schema.json is generated from it.
   */
  fixtureSchema: StandardSchemaV1<unknown, Fixtures>
  /** The vendor's state around its store: signing secrets, settings, configuration read from the fixtures. */
  createState(core: Core, store: Store<M>, fixtures: Fixtures): S
  /** Fills the empty store from `state.fixtures`: at start and on every reset. */
  seed(state: S): void
  /**
   * What a restart must keep besides rows (secrets, settings): `save` goes into the vendor's part
   * of a snapshot next to `db`; `load` checks and puts it back (throw a SnapshotError naming the path).
   */
  values: {
    save(state: S): Record<string, unknown>
    load(state: S, data: Record<string, unknown>, where: string): void
  }
  /** After rows were replaced wholesale (reset, restore): rebuild what is derived from them. */
  reloaded?(state: S): void
  /** The in-process API (`sandbox.<name>`). */
  api(state: S): Api
  /** Lines `serve` prints at start: seeded credentials and the like. */
  describe(state: S): string[]
  /** The vendor's OpenAPI contract, a file in contracts/ (the completeness test checks the rest of the kit). */
  contract: string
  /**
   * For a vendor outside src/vendors/ (a test's scratch vendor): its folder's URL (`new URL('./',
   * import.meta.url).href`), where its kit (contract.ts, cli.ts, bench.ts), contract file and
   * doc page (README.md) are found instead of the package's conventional places.
   */
  folder?: string
}

/** Any vendor definition, as the registry and the sandbox hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyVendor = VendorDefinition<any, any, any, any, any>

/** Declares a vendor; only gives TypeScript the types to check the definition against. */
export function defineVendor<S extends VendorState<M, Fixtures>, Api, Fixtures, M extends Models, L extends object = object>(
  definition: VendorDefinition<S, Api, Fixtures, M, L>,
): VendorDefinition<S, Api, Fixtures, M, L> {
  return definition
}

/** The in-process API type of a vendor definition. */
export type ApiOf<V> = V extends VendorDefinition<any, infer Api, any, any, any> ? Api : never
/** The seed type of a vendor definition. */
export type FixturesOf<V> = V extends VendorDefinition<any, any, infer F, any, any> ? F : never
