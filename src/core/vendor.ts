// What a simulated vendor is: one definition, exported by the vendor's folder and listed once in
// src/vendors/registry.ts. A vendor knows nothing about transports or persistence: it gives its
// hosts, routes, errors, models and seed; the core owns state's lifecycle (reset, snapshot,
// restore, change events) generically over the vendor's models (./vendor-instance.ts).
import type { Core, ErrorBuilders, Route, RouteContext } from './service.ts'
import type { SandboxResponse } from './types.ts'
import type { RateLimit } from './rate-limits.ts'
import type { Models, Store } from './store.ts'
import type { Rules } from './snapshot-rules.ts'
import type { StandardSchemaV1 } from './fixtures.ts'

/**
 * Where a vendor is served: one of its real base URLs (what msw intercepts) or a path prefix on
 * the standalone server. The one mount type users see (`sandbox.baseUrls()`, `prefixes()`, the
 * `baseUrls` option); a vendor declares its own without `vendor`, which the sandbox fills in.
 * The dispatcher's compiled form is `Mount` (./dispatch.ts).
 */
export interface VendorMount<V extends string = string> {
  vendor: V
  /** An absolute base URL (`https://api.complycube.com/v1`) or a path prefix (`/complycube/v1`). */
  base: string
  /** The environment this mount implies (CAF's beta host, a CA tenant), or null: set by the vendor's `authenticate` (ComplyCube's API key). */
  environment: string | null
  /** The vendor API the mount serves (CAF: `mobile`, `bff`): only routes of that API match. Null or absent: every route. */
  api?: string | null
  /**
   * Browsers call this API from the integrators' own pages (CAF's web SDK and BFF), so the
   * vendor's host must answer CORS for any origin; the standalone server does the same.
   */
  browserFacing?: boolean
  /**
   * Paths below the base that are static files on the vendor's host, not its API (CAF's
   * `/tfmodel` on the Mobile API host): transports pass them to the network, or serve them from
   * a folder the user names (`serve --assets`); the core answers them with a 404 that says so.
   */
  assets?: readonly string[]
}

/** What every vendor's state holds: the core, its tables, its seed. */
export interface VendorState<M extends Models = Models, Fixtures = unknown> {
  core: Core
  store: Store<M>
  fixtures: Fixtures
}

/**
 * A vendor: `S` its state (./vendor-instance.ts builds it; the seed and models are read from it),
 * `Api` its in-process API, `E` the environment its handlers run in (`'sandbox' | 'live'`; CA's
 * tenant ids are any string, and its token route runs on a mount without one: `string | null`),
 * `L` what its `authenticate` leaves in `ctx.locals` for the handlers (CAF: the verified token).
 */
export interface VendorDefinition<S extends VendorState, Api, E extends string | null = string | null, L extends object = object> {
  name: string
  /** The vendor's real base URLs, per environment (and API, when it has several hosts): what msw intercepts. */
  baseUrls(state: S): Omit<VendorMount, 'vendor'>[]
  /** Path prefixes on the standalone server, per environment (and API). */
  prefixes(state: S): Omit<VendorMount, 'vendor'>[]
  routes: Route<S, E, L>[]
  errors: ErrorBuilders
  /** The vendor's documented rate limits per environment, enforced when the sandbox is asked to (`rateLimits`). */
  rateLimits?: Record<string, RateLimit>
  /**
   * The claims that name whom a token the vendor signs is for, first present wins (the
   * dashboard's "subject" column); default `sub`.
   */
  tokenSubject?: readonly string[]
  /**
   * Runs after routing, before the body is read: a refusal, or null to go on. It sees the
   * environment as the mount gave it (any string a user's extra base URL names, or null) and,
   * answering null, leaves `ctx.environment` an `E`: the handlers' type says so and nothing
   * checks it again. May set `ctx.locals`. Without it, every mount's environment must be an `E`.
   */
  authenticate?(ctx: RouteContext<S, string | null, L>): SandboxResponse | null | Promise<SandboxResponse | null>
  /**
   * A path the sandbox does not simulate first gets `authenticate`'s verdict, as on the real API,
   * then a 404 that says so. `authenticate` sees a route with the request's method and path and
   * these fields (per API: CAF's Mobile API judges the mobile token there); default none.
   */
  unsimulatedRoute?(api: string | null): Partial<Route<S, E, L>> & Record<string, unknown>
  /** Sandbox-only routes, served under `/__sandbox/<name>` with the sandbox's error shape. */
  adminRoutes: Route<S>[]
  /** How the request log prints one of those admin paths (below `/__sandbox/<name>`), a secret in it shortened. */
  logAdminPath?(path: string): string
  /** Where rows live: the models (core/model.ts), one set of tables per scope, and the scope's name in a snapshot row. */
  store: {
    models: S['store']['models']
    /** `environment`, or `tenant` for CA. */
    field: string
    scopes(fixtures: S['fixtures']): readonly string[]
    /** What a row read from a state file must hold beyond its types (./snapshot-rules.ts). */
    rules?: Rules
  }
  /** The seed from `fixtures/<name>.json`, used when the sandbox is given none. */
  fixtures: S['fixtures']
  /**
   * The seed's format, as a Standard Schema (the vendors' are valibot, ../vendors/fixture-kit.ts):
   * fixtures a sandbox is given are checked with it as a whole before start (./fixtures.ts), and
   * fixtures/schema/<name>.schema.json is generated from it.
   */
  fixtureSchema: StandardSchemaV1<unknown, S['fixtures']>
  /** The vendor's state around its store: signing secrets, settings, configuration read from the fixtures. */
  createState(core: Core, store: S['store'], fixtures: S['fixtures']): S
  /** Fills the empty store from `state.fixtures`: at start and on every reset. */
  seed(state: S): void
  /**
   * What a restart must keep besides rows (secrets, settings): `save` goes into the vendor's part
   * of a snapshot next to `db`; `load` checks and puts it back (throw a SnapshotError naming the path).
   * `NoInfer`: the state's type comes from `createState`, not from a shared helper that needs
   * only part of it (./signing-secret.ts).
   */
  values: {
    save(state: NoInfer<S>): Record<string, unknown>
    load(state: NoInfer<S>, data: Record<string, unknown>, where: string): void
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

/**
 * Any vendor definition, as the registry and the sandbox hold them. The sandbox hands each
 * definition only the state that definition built (./vendor-instance.ts): TypeScript cannot say
 * "some S" (an existential type), so the members that take the state are methods, which it
 * compares bivariantly, and the state here is a bare VendorState: the sandbox passes it along and
 * reads nothing of the vendor's own. No `any`: the API and seed are `unknown` to the sandbox.
 */
export type AnyVendor = VendorDefinition<VendorState, unknown>

/** Declares a vendor; only gives TypeScript the types to check the definition against. */
export function defineVendor<S extends VendorState, Api, E extends string | null = string | null, L extends object = object>(
  definition: VendorDefinition<S, Api, E, L>,
): VendorDefinition<S, Api, E, L> {
  return definition
}

/** The in-process API type of a vendor definition. */
export type ApiOf<V> = V extends { api(state: never): infer Api } ? Api : never
/** The seed type of a vendor definition. */
export type FixturesOf<V> = V extends { fixtures: infer F } ? F : never
