// The sandbox: one simulation core that every transport (node:http server, msw in Node, msw in
// the browser) hands requests to. Each entry point's `createSandbox` builds it over the registry
// (./node/sandbox.ts with node:crypto's HMAC, ./browser/sandbox.ts with WebCrypto's).
import { createAdmin, type SandboxAdmin } from './admin/methods.ts'
import { adminErrors } from './admin/errors.ts'
import { adminRoutes } from './admin/routes.ts'
import { createIssuedTokens } from './admin/issued.ts'
import { createClock, type Clock } from './core/clock.ts'
import { createDispatcher, type Mount } from './core/dispatch.ts'
import { createFaults, type Faults } from './core/faults.ts'
import { checkFixtures } from './core/fixtures.ts'
import { createRateLimiter, type RateLimitOption, type RateLimits, type VendorLimits } from './core/rate-limits.ts'
import { createIds } from './core/ids.ts'
import { createJournal, type Journal } from './core/journal.ts'
import { createJwtService } from './core/jwt.ts'
import type { Hmac } from './core/hmac.ts'
import type { Core, Service } from './core/service.ts'
import { logInternalError } from './core/report.ts'
import type { SandboxRequest, SandboxResponse } from './core/types.ts'
import type { AnyVendor, VendorMount } from './core/vendor.ts'
import { instantiate, type RowChange, type VendorInstance } from './core/vendor-instance.ts'
import type { VendorApis, VendorFixtures, VendorName } from './vendors/registry.ts'
import { applySnapshot, notifyingClock, takeSnapshot, type SandboxSnapshot, type SnapshotParts } from './sandbox-state.ts'
import { withReason } from './core/reason-header.ts'

export const DEFAULT_BODY_LIMIT = 1024 * 1024
export const ADMIN_PREFIX = '/__sandbox'

export interface SandboxOptions {
  /** Makes ids, secrets and token-signing keys the same on every run. */
  seed?: string
  /** Largest request body, in bytes (default 1 MiB). Larger bodies get the vendor's 413. */
  bodyLimit?: number
  /** How many requests the journal keeps (default 1000). */
  journalSize?: number
  /** Start with the clock frozen at this instant. */
  now?: Date | number
  /** Replace a vendor's seed data (default: `fixtures/<vendor>.json`). */
  fixtures?: Partial<VendorFixtures>
  /**
   * Enforce the vendors' documented rate limits (ComplyCube: 5 requests a second in sandbox, 10
   * in live), on the sandbox clock: `true`, or per vendor and environment overrides
   * (`{ complycube: { live: { requests: 2, perMs: 1000 }, sandbox: false } }`; each environment
   * one of the vendor's: CA's are its tenants). Off by default.
   * The start-up setting: `sandbox.rateLimits.set` changes it while the sandbox runs, reset puts it back.
   */
  rateLimits?: RateLimitOption
  /** More base URLs to serve a vendor on, besides its real ones: a URL, or a URL with its environment. */
  baseUrls?: Partial<Record<VendorName, (string | Omit<VendorMount, 'vendor'>)[]>>
  /** Told of every error behind a 500 answer (default: written to stderr with its stack). */
  onError?: (err: unknown) => void
  /**
   * Computes the HMAC of the tokens the sandbox signs (default: WebCrypto, ./core/hmac.ts). The
   * Node entry points pass node:crypto's (./node/hmac.ts): WebCrypto's runs on libuv's thread pool.
   */
  hmac?: Hmac
}

/**
 * What `watch` hears: a vendor's stored row created, updated or deleted (as the snapshot holds
 * it), or `{ kind: 'other' }` for the rest (the clock moved, a token was signed, rows replaced).
 */
export type StateChange = RowChange | { kind: 'other' }

export interface Sandbox extends VendorApis {
  handle(request: SandboxRequest): Promise<SandboxResponse>
  /** The vendors' real base URLs (plus any extra ones): what the msw handlers intercept. */
  baseUrls(): VendorMount<VendorName>[]
  /** The path prefixes the standalone server serves each vendor under. */
  prefixes(): VendorMount<VendorName>[]
  /**
   * The answer to a request refused before it could be read (the standalone server's HTTP parser:
   * 400, 408, 431), in the shape of the vendor (or sandbox surface) `path` falls under.
   */
  parserRefusal(path: string | null, status: number, message: string): SandboxResponse
  /** Lines describing seeded credentials, for `serve`'s banner. */
  describe(): Record<string, string[]>
  admin: SandboxAdmin
  /** Largest request body accepted, in bytes. */
  bodyLimit: number
  /** The largest body the route of this method and URL takes (`bodyLimit`, or the route's own): what a transport reads. */
  bodyLimitFor(method: string, url: URL): number
  /** For a URL under a vendor's static-asset paths (CAF's `/tfmodel/…`): its path below the mount; null for the rest. */
  assetPath(url: URL): string | null
  clock: Clock
  journal: Journal
  /** Injected faults: delays, error statuses, dropped connections for the next matching requests. */
  faults: Faults
  /** The rate-limit setting in force (enforced or not, the limits): read it, or change it while the sandbox runs. */
  rateLimits: RateLimits
  reset(): void
  /** Ends the delays of faults in progress (those requests get no answer) and clears the journal. */
  close(): void
  /**
   * Everything a restart must keep (rows, signing secrets, issued tokens, clock) as one versioned
   * JSON document: see ./sandbox-state.ts. `{ rows: false }` leaves out the vendors' rows (`db`),
   * which `watch` reports one by one: what `serve --state` writes besides them.
   */
  snapshot(options?: { rows?: boolean }): SandboxSnapshot
  /** Puts a `snapshot()` back. Throws a SnapshotError with a clear message when it is not valid (the sandbox then holds its seed). */
  restore(data: unknown): void
  /**
   * Calls `listener` after the state changed: a stored row created, updated or deleted (with the
   * row), a token signed, the clock moved, rows replaced by a reset or restore. Returns the
   * function that stops it. Costs nothing until used.
   */
  watch(listener: (change: StateChange) => void): () => void
  /** The field that keys `vendor`'s `model` rows (a state file's row key); null for a model this sandbox does not hold. */
  rowKeyField(vendor: string, model: string): string | null
}

interface Loaded {
  name: VendorName
  instance: VendorInstance
  definition: AnyVendor
  api: Service<unknown>
  admin: Service<unknown>
}

const OTHER: StateChange = Object.freeze({ kind: 'other' })

/**
 * A sandbox of the given vendors: each entry point's `createSandbox` passes the registry; a
 * test's scratch vendor is served beside the real ones this way. Its tokens' HMAC is WebCrypto's
 * unless `options.hmac` says otherwise.
 */
export function createSandboxWith(registry: Record<string, AnyVendor>, options: SandboxOptions = {}): Sandbox {
  // Who wants to hear about changes (`serve --state`); empty, it costs a size check per token.
  const listeners = new Set<(change: StateChange) => void>()
  const emit = (change: StateChange) => {
    for (const l of listeners) l(change)
  }
  const changed = () => emit(OTHER)
  const realClock = createClock()
  if (options.now !== undefined) realClock.freeze(options.now instanceof Date ? options.now.getTime() : options.now)
  const clock = notifyingClock(realClock, changed)
  const journal = createJournal(options.journalSize ?? 1000)
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT
  if (!Number.isInteger(bodyLimit) || bodyLimit < 1) throw new RangeError('bodyLimit must be a positive integer')
  // Every token signed through core.jwt is remembered (decoded, bounded) for /__sandbox/tokens.
  const issued = createIssuedTokens(clock)
  const jwt = createJwtService(clock, {
    ...(options.hmac ? { hmac: options.hmac } : {}),
    onSigned(token) {
      issued.record(token)
      if (listeners.size !== 0) changed()
    },
  })
  const names = Object.keys(registry) as VendorName[]
  for (const name of names) if (registry[name]!.name !== name) throw new Error(`vendor registered as '${name}' is named '${registry[name]!.name}'`)
  // Each vendor's seed, checked before anything is built.
  const seeds = new Map(
    names.map((name) => {
      const definition = registry[name]!
      const given = (options.fixtures as Record<string, unknown> | undefined)?.[name]
      return [name, given === undefined ? definition.fixtures : checkFixtures(name, definition.fixtureSchema, given)] as const
    }),
  )
  // A vendor's environments as the journal names them: its store's scopes (ComplyCube's
  // sandbox/live, CAF's prod/beta/dev, CA's tenants from its fixtures) and any an extra base URL
  // names. The one list fault rules, rate limits and /vendors take; known before anything is built.
  const environments = new Map(
    names.map((name) => {
      const extra = (options.baseUrls?.[name] ?? []).flatMap((m) => (typeof m === 'string' || typeof m.environment !== 'string' ? [] : [m.environment]))
      return [name, [...new Set([...registry[name]!.store.scopes(seeds.get(name)), ...extra])]] as const
    }),
  )
  const faults = createFaults(() => Object.fromEntries(environments))
  const rateLimits = createRateLimiter(
    Object.fromEntries(
      names.map((name) => [name, { environments: environments.get(name)!, documented: registry[name]!.rateLimits ?? {} } satisfies VendorLimits]),
    ),
    options.rateLimits,
  )
  // What callers get: the setting, not the counting.
  const publicLimits: RateLimits = { get: () => rateLimits.get(), set: (change) => rateLimits.set(change) }
  const core: Core = { clock, ids: createIds(options.seed), jwt, journal, faults, rateLimits, bodyLimit, onError: options.onError ?? logInternalError }

  const vendors: Loaded[] = names.map((name) => {
    const definition = registry[name]!
    const instance = instantiate(definition, core, seeds.get(name))
    const state = instance.state
    const api: Service<unknown> = { name, routes: definition.routes, errors: definition.errors, state, journal: true }
    if (definition.authenticate) api.authenticate = definition.authenticate
    const unsimulatedRoute = definition.unsimulatedRoute ?? (() => ({}))
    api.notSimulated = {
      note: `token-sandbox does not simulate this path; the simulated ones are in /__sandbox/contracts/${definition.contract} and docs/vendors/${name}.md`,
      route: (apiName) => unsimulatedRoute(apiName),
    }
    const admin: Service<unknown> = { name: `${name}-admin`, routes: definition.adminRoutes, errors: adminErrors, state, journal: false }
    return { name, instance, definition, api, admin }
  })

  const admin = createAdmin(
    vendors.map((v) => v.name),
    clock,
    journal,
    () => {
      vendors.forEach((v) => v.instance.reset())
      rateLimits.restore()
      if (listeners.size !== 0) changed()
    },
    {
      faults,
      rateLimits: publicLimits,
      issued,
      catalogue: () =>
        vendors.map((v) => ({
          name: v.name,
          environments: [...environments.get(v.name)!],
          baseUrls: realMounts.filter((m) => m.vendor === v.name).map(({ base, environment }) => ({ base, environment })),
          prefixes: prefixMounts.filter((m) => m.vendor === v.name).map(({ base, environment }) => ({ base, environment })),
          adminRoutes: v.definition.adminRoutes.map((r) => ({ method: r.method, path: `${ADMIN_PREFIX}/${v.name}${r.path}` })),
        })),
    },
  )
  const adminService: Service<SandboxAdmin> = { name: 'sandbox', routes: adminRoutes, errors: adminErrors, state: admin, journal: false }

  const realMounts: VendorMount<VendorName>[] = vendors.flatMap((v) => [
    ...v.definition.baseUrls(v.instance.state).map((m) => ({ vendor: v.name, ...m })),
    ...(options.baseUrls?.[v.name] ?? []).map((m) =>
      typeof m === 'string' ? { vendor: v.name, base: m, environment: null } : { vendor: v.name, ...m },
    ),
  ])
  const prefixMounts: VendorMount<VendorName>[] = vendors.flatMap((v) => v.definition.prefixes(v.instance.state).map((m) => ({ vendor: v.name, ...m })))
  // A vendor's own base URLs and prefixes name only its store's scopes (a definition that does not is a bug, caught here).
  for (const m of [...realMounts, ...prefixMounts]) {
    if (m.environment !== null && !environments.get(m.vendor)!.includes(m.environment)) {
      throw new Error(`${m.vendor}'s base URL ${m.base} names environment '${m.environment}', none of its environments (${environments.get(m.vendor)!.join(', ')})`)
    }
  }
  const serviceOf = (name: VendorName) => vendors.find((v) => v.name === name)!.api

  const mounts: Mount[] = [
    ...[...realMounts, ...prefixMounts].map((m) => ({
      base: m.base,
      environment: m.environment,
      api: m.api ?? null,
      ...(m.assets ? { assets: m.assets } : {}),
      service: serviceOf(m.vendor),
    })),
    ...vendors.map((v) => ({ base: `${ADMIN_PREFIX}/${v.name}`, environment: null, service: v.admin })),
    { base: ADMIN_PREFIX, environment: null, service: adminService },
  ]
  const dispatcher = createDispatcher(core, mounts, adminService)

  const apis = Object.fromEntries(vendors.map((v) => [v.name, v.definition.api(v.instance.state)])) as unknown as VendorApis

  const parts: SnapshotParts = {
    clock,
    ids: core.ids,
    issued,
    journal,
    vendors: vendors.map((v) => ({ name: v.name, snapshot: (rows) => v.instance.snapshot(rows), restore: (data) => v.instance.restore(data) })),
    resetAll: () => admin.reset(),
  }
  let unwatchVendors: (() => void)[] = []

  return {
    ...apis,
    handle: (request) => dispatcher.handle(request),
    bodyLimitFor: (method, url) => dispatcher.bodyLimitFor(method, url),
    assetPath: (url) => dispatcher.assetPath(url),
    baseUrls: () => realMounts,
    prefixes: () => prefixMounts,
    parserRefusal: (path, status, message) =>
      withReason(dispatcher.errorsFor(new URL(path ?? ADMIN_PREFIX, 'http://sandbox.invalid')).parserRefusal(status, message), message),
    describe: () => Object.fromEntries(vendors.map((v) => [v.name, v.definition.describe(v.instance.state)])),
    admin,
    bodyLimit,
    clock,
    journal,
    faults,
    rateLimits: publicLimits,
    reset: () => admin.reset(),
    close() {
      faults.cancelDelays()
      journal.clear()
    },
    snapshot: (options) => takeSnapshot(parts, options?.rows ?? true),
    rowKeyField: (vendor, model) => {
      const models: Record<string, { key: string }> | undefined = vendors.find((v) => v.name === vendor)?.definition.store.models
      return models && Object.hasOwn(models, model) ? models[model]!.key : null
    },
    restore(data) {
      try {
        applySnapshot(parts, data)
      } finally {
        if (listeners.size !== 0) changed()
      }
    },
    watch(listener) {
      const wrapped = (change: StateChange) => listener(change)
      if (listeners.size === 0) unwatchVendors = vendors.map((v) => v.instance.watch(emit))
      listeners.add(wrapped)
      return () => {
        if (!listeners.delete(wrapped) || listeners.size !== 0) return
        for (const stop of unwatchVendors) stop()
        unwatchVendors = []
      }
    },
  }
}
