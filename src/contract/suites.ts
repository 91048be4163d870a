// Every contract suite, by name. Adding a vendor's suite: write contracts/<vendor>.yaml and
// src/contract/<vendor>.ts (exporting a ContractSuite), then add it to this list. The CLI
// (`token-sandbox contract <vendor>`), the generated types, the lint and the test harness
// (in-process, standalone, through Prism) pick it up from here.
import { caSuite } from './ca.ts'
import { cafSuite } from './caf.ts'
import { complycubeSuite } from './complycube.ts'
import { sandboxSuite } from './sandbox.ts'
import type { ContractSuite } from './suite.ts'

export const contractSuites: ContractSuite[] = [complycubeSuite, cafSuite, caSuite, sandboxSuite]

export function findSuite(name: string): ContractSuite | undefined {
  return contractSuites.find((s) => s.name === name)
}
