// What each vendor's load test sends: its folder's bench.ts, loaded by the kit
// (src/vendors/kit.ts), for every vendor in the registry: a request that makes the sandbox do
// its real work on every call — issue a fresh signed token, or verify a freshly minted one.
import { loadBenchScenario, type BenchScenario } from '../src/vendors/kit.ts'
import { vendorDefinitions, type VendorRegistry } from '../src/vendors/registry.ts'

/** Every vendor's scenario, by vendor name (a test composes its own registry). */
export async function scenariosOf(registry: VendorRegistry): Promise<Record<string, BenchScenario>> {
  return Object.fromEntries(await Promise.all(Object.values(registry).map(async (v) => [v.name, await loadBenchScenario(v)] as const)))
}

/** The scenario the peers (which answer its canned token) and the memory run use: the one marked `reference`. */
export function referenceOf(scenarios: Record<string, BenchScenario>): [string, BenchScenario] {
  const marked = Object.entries(scenarios).filter(([, s]) => s.reference)
  if (marked.length !== 1) throw new Error(`exactly one vendor's bench scenario must be the reference; found ${marked.length}`)
  return marked[0]!
}

export const scenarios = await scenariosOf(vendorDefinitions)
