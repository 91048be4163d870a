// Every contract suite, by name: each registered vendor's (its folder's contract.ts, see
// src/vendors/kit.ts), then the sandbox's own. The CLI (`token-sandbox contract <vendor>`), the
// generated types, the lint and the test harness (in-process, standalone, through Prism) pick
// them up from here.
import { loadSuite } from '../vendors/kit.ts'
import { vendorDefinitions, type VendorRegistry } from '../vendors/registry.ts'
import { sandboxSuite } from './sandbox.ts'
import type { ContractSuite } from './suite.ts'

/** The contract suites of a set of vendors (a test composes its own), then the sandbox's. */
export async function suitesOf(registry: VendorRegistry): Promise<ContractSuite[]> {
  return [...(await Promise.all(Object.values(registry).map(loadSuite))), sandboxSuite]
}

export const contractSuites: ContractSuite[] = await suitesOf(vendorDefinitions)

export function findSuite(name: string): ContractSuite | undefined {
  return contractSuites.find((s) => s.name === name)
}
