// The shape every simulated vendor exports. A vendor knows nothing about transports: it gives
// its real base URLs (for msw), its standalone prefixes, its routes and how it seeds state.
import type { Mount } from './dispatch.ts'
import type { Core, ErrorBuilders, Route, RouteContext } from './service.ts'
import type { SandboxResponse } from './types.ts'
import type { RateLimit } from './rate-limits.ts'

export type MountSpec = Omit<Mount, 'service'> & {
  /**
   * Browsers call this API from the integrators' own pages (CAF's web SDK and BFF), so the
   * vendor's host must answer CORS for any origin; the standalone server does the same.
   */
  browserFacing?: boolean
}

export interface VendorModule<S, Api, Fixtures> {
  name: string
  /** The vendor's real base URLs, per environment: what msw intercepts. */
  baseUrls(state: S): MountSpec[]
  /** Path prefixes on the standalone server, per environment. */
  prefixes(state: S): MountSpec[]
  routes: Route<S>[]
  errors: ErrorBuilders
  /** The vendor's documented rate limits per environment, enforced when the sandbox is asked to (`rateLimits`). */
  rateLimits?: Record<string, RateLimit>
  authenticate?: (ctx: RouteContext<S>) => SandboxResponse | null | Promise<SandboxResponse | null>
  /** Sandbox-only routes, served under `/__sandbox/<name>` with the sandbox's error shape. */
  adminRoutes: Route<S>[]
  /** The seed from `fixtures/<name>.json`, used when the sandbox is given none. */
  defaultFixtures: Fixtures
  createState(core: Core, fixtures: Fixtures): S
  /** Restores the seed. */
  reset(state: S): void
  /**
   * Everything a restart must keep, as JSON-safe data: rows, signing secrets, settings.
   * `serve --state` writes it to disk (see `dumpDb` in ./snapshot.ts for the rows).
   */
  snapshot(state: S): unknown
  /** Puts back what `snapshot` returned; throws a SnapshotError, leaving the state as it was, when the data is not valid. */
  restore(state: S, data: unknown): void
  /** Calls `onChange` after any change to the vendor's stored rows; returns the function that stops it. */
  watch(state: S, onChange: () => void): () => void
  /** The in-process API (`sandbox.<name>`). */
  api(state: S): Api
  /** Lines `serve` prints at start: seeded credentials and the like. */
  describe(state: S): string[]
}
