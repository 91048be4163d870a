// createSandbox: one simulation core that every transport (node:http server, msw in Node, msw
// in the browser) hands requests to.
import { createAdmin, type SandboxAdmin } from './admin/methods.ts'
import { adminErrors } from './admin/errors.ts'
import { adminRoutes } from './admin/routes.ts'
import { createClock, type Clock } from './core/clock.ts'
import { createDispatcher, type Dispatcher, type Mount } from './core/dispatch.ts'
import { createIds } from './core/ids.ts'
import { createJournal, type Journal } from './core/journal.ts'
import { createJwtService } from './core/jwt.ts'
import type { Core, Service } from './core/service.ts'
import type { SandboxRequest, SandboxResponse } from './core/types.ts'
import type { MountSpec, VendorModule } from './core/vendor.ts'
import { complycube, type ComplyCubeApi, type ComplyCubeFixtures } from './vendors/complycube/index.ts'
import complycubeSeed from '../fixtures/complycube.json' with { type: 'json' }

export const DEFAULT_BODY_LIMIT = 1024 * 1024
export const ADMIN_PREFIX = '/__sandbox'

export interface SandboxOptions {
  /** Makes ids, secrets and SDK-token signing keys the same on every run. */
  seed?: string
  /** Largest request body, in bytes (default 1 MiB). Larger bodies get the vendor's 413. */
  bodyLimit?: number
  /** How many requests the journal keeps (default 1000). */
  journalSize?: number
  /** Start with the clock frozen at this instant. */
  now?: Date | number
  /** Replace the seed data of a vendor. */
  fixtures?: { complycube?: ComplyCubeFixtures }
  /** More base URLs to serve a vendor on (e.g. a staging proxy), besides its real ones. */
  baseUrls?: { complycube?: string[] }
}

export interface VendorMount {
  vendor: string
  base: string
  environment: string | null
}

export interface Sandbox {
  handle(request: SandboxRequest): Promise<SandboxResponse>
  /** The vendors' real base URLs (plus any extra ones): what the msw handlers intercept. */
  baseUrls(): VendorMount[]
  /** The path prefixes the standalone server serves each vendor under. */
  prefixes(): VendorMount[]
  /** Lines describing seeded credentials, for `serve`'s banner. */
  describe(): Record<string, string[]>
  admin: SandboxAdmin
  /** Largest request body accepted, in bytes. */
  bodyLimit: number
  clock: Clock
  journal: Journal
  reset(): void
  close(): void
  complycube: ComplyCubeApi
}

// A vendor module with its state, its API-facing service and its admin service.
interface Loaded {
  module: VendorModule<any, any, any>
  state: unknown
  api: Service<unknown>
  admin: Service<unknown>
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const clock = createClock()
  if (options.now !== undefined) clock.freeze(options.now instanceof Date ? options.now.getTime() : options.now)
  const journal = createJournal(options.journalSize ?? 1000)
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT
  if (!Number.isInteger(bodyLimit) || bodyLimit < 1) throw new RangeError('bodyLimit must be a positive integer')
  const core: Core = { clock, ids: createIds(options.seed), jwt: createJwtService(clock), journal, bodyLimit }

  const load = <S, A, F>(module: VendorModule<S, A, F>, fixtures: F): Loaded => {
    const state = module.createState(core, fixtures)
    return {
      module,
      state,
      api: {
        name: module.name,
        routes: module.routes,
        errors: module.errors,
        state,
        journal: true,
        ...(module.authenticate ? { authenticate: module.authenticate } : {}),
      } as Service<unknown>,
      admin: { name: `${module.name}-admin`, routes: module.adminRoutes, errors: adminErrors, state, journal: false } as Service<unknown>,
    }
  }

  const vendors: Loaded[] = [load(complycube, options.fixtures?.complycube ?? (complycubeSeed as unknown as ComplyCubeFixtures))]
  const extra: Record<string, string[]> = { complycube: options.baseUrls?.complycube ?? [] }

  const resetAll = () => {
    for (const v of vendors) v.module.reset(v.state)
  }
  const admin = createAdmin(
    vendors.map((v) => v.module.name),
    clock,
    journal,
    resetAll,
  )
  const adminService: Service<SandboxAdmin> = { name: 'sandbox', routes: adminRoutes, errors: adminErrors, state: admin, journal: false }

  const realMounts = (): VendorMount[] =>
    vendors.flatMap((v) => [
      ...v.module.baseUrls(v.state).map((m: MountSpec) => ({ vendor: v.module.name, ...m })),
      ...(extra[v.module.name] ?? []).map((base) => ({ vendor: v.module.name, base, environment: null })),
    ])
  const prefixMounts = (): VendorMount[] =>
    vendors.flatMap((v) => v.module.prefixes(v.state).map((m: MountSpec) => ({ vendor: v.module.name, ...m })))

  const mounts: Mount[] = [
    ...[...realMounts(), ...prefixMounts()].map((m) => ({
      base: m.base,
      environment: m.environment,
      service: vendors.find((v) => v.module.name === m.vendor)!.api,
    })),
    ...vendors.map((v) => ({ base: `${ADMIN_PREFIX}/${v.module.name}`, environment: null, service: v.admin })),
    { base: ADMIN_PREFIX, environment: null, service: adminService as Service<unknown> },
  ]
  const dispatcher: Dispatcher = createDispatcher(core, mounts, adminService as Service<unknown>)
  const byName = (name: string) => vendors.find((v) => v.module.name === name)!

  return {
    handle: (request) => dispatcher.handle(request),
    baseUrls: realMounts,
    prefixes: prefixMounts,
    describe: () => Object.fromEntries(vendors.map((v) => [v.module.name, v.module.describe(v.state)])),
    admin,
    bodyLimit,
    clock,
    journal,
    reset: () => admin.reset(),
    close: () => journal.clear(),
    complycube: complycube.api(byName('complycube').state as Parameters<typeof complycube.api>[0]),
  }
}
