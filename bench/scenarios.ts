// What each vendor's load test sends: its folder's bench.ts, loaded by the kit
// (src/vendors/kit.ts), for every vendor in the registry: a request that makes the sandbox do
// its real work on every call — issue a fresh signed token, or verify a freshly minted one.
import { fileURLToPath } from 'node:url'
import { createSandboxWith } from '../src/sandbox.ts'
import { kitFileUrl, loadBench, type BenchScenario } from '../src/vendors/kit.ts'
import { vendorDefinitions, type VendorRegistry } from '../src/vendors/registry.ts'

/** Every vendor's scenario, by vendor name (a test composes its own registry). */
export async function scenariosOf(registry: VendorRegistry): Promise<Record<string, BenchScenario>> {
  return Object.fromEntries(await Promise.all(Object.values(registry).map(async (v) => [v.name, (await loadBench(v)).scenario] as const)))
}

/** `npm run soak`'s mix against a server at `url`: each vendor's `soak` requests, or its scenario. */
export async function soakMixOf(registry: VendorRegistry, url: string): Promise<{ vendor: string; request: BenchScenario }[]> {
  const parts = await Promise.all(
    Object.values(registry).map(async (v) => {
      const kit = await loadBench(v)
      return (kit.soak ? await kit.soak(url) : [kit.scenario]).map((request) => ({ vendor: v.name, request }))
    }),
  )
  return parts.flat()
}

/** The scenario the peers (which answer its canned token) and the memory run use: the one marked `reference`. */
export function referenceOf(scenarios: Record<string, BenchScenario>): [string, BenchScenario] {
  const marked = Object.entries(scenarios).filter(([, s]) => s.reference)
  if (marked.length !== 1) throw new Error(`exactly one vendor's bench scenario must be the reference; found ${marked.length}`)
  return marked[0]!
}

/** The reference scenario as the peers and msw see it: the same request, on the vendor's own host. */
export interface ReferenceRequest {
  vendor: string
  scenario: BenchScenario
  /** The request's URL on the vendor's real host (what msw intercepts; its path is what a WireMock stub matches). */
  realUrl: URL
  /** The path below the vendor's base (what a mock of its contract serves, as Prism does). */
  below: string
  /** The vendor's OpenAPI contract file. */
  contractFile: string
}

/**
 * The reference request, from the scenario's path on the standalone server: the prefix mount it
 * falls under gives the path below the vendor's base, and the real mount of the same
 * environment and API gives the vendor's host.
 */
export function referenceRequestOf(registry: VendorRegistry, scenarios: Record<string, BenchScenario>): ReferenceRequest {
  const [vendor, scenario] = referenceOf(scenarios)
  const sandbox = createSandboxWith(registry)
  const path = scenario.path.split('?')[0]!
  const prefix = sandbox.prefixes().find((m) => m.vendor === vendor && path.startsWith(`${m.base}/`))
  if (!prefix) throw new Error(`the ${vendor} bench scenario's path ${scenario.path} is under none of its mounts`)
  const real = sandbox.baseUrls().find((m) => m.vendor === vendor && m.environment === prefix.environment && (m.api ?? null) === (prefix.api ?? null))
  if (!real) throw new Error(`${vendor} has no real host for its mount ${prefix.base}`)
  const below = scenario.path.slice(prefix.base.length)
  const definition = registry[vendor]!
  const contractFile = fileURLToPath(definition.folder ? kitFileUrl(definition, definition.contract) : new URL(`../contracts/${definition.contract}`, import.meta.url))
  return { vendor, scenario, realUrl: new URL(real.base.replace(/\/$/, '') + below), below, contractFile }
}

export const scenarios = await scenariosOf(vendorDefinitions)
export const reference: ReferenceRequest = referenceRequestOf(vendorDefinitions, scenarios)
