// What each vendor's load test sends: its folder's bench.ts (src/vendors/kit.ts), a request
// that makes the sandbox do its real work on every call — issue a fresh signed token, or verify
// a freshly minted one.
import type { BenchScenario } from '../src/vendors/kit.ts'
import { vendorDefinitions, type VendorName } from '../src/vendors/registry.ts'
import type { LoadRequest } from './load.ts'

const names = Object.keys(vendorDefinitions) as VendorName[]
const load = async (name: VendorName) => ((await import(`../src/vendors/${name}/bench.ts`)) as { scenario: BenchScenario }).scenario

export const scenarios = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await load(n)] as const))) as Record<VendorName, LoadRequest>
