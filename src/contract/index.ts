// token-sandbox/contract: the reusable contract suites, run inside an integrator's own vitest
// files (or by `token-sandbox contract <vendor>`), and the Prism helper to run them through a
// validation proxy.
// Each vendor's suite (`complycubeContract`, `complycubeSuite`, their option types, ...): its
// folder's contract.ts, re-exported through a file `npm run generate` writes from the registry.
export * from './vendors.ts'
export { sandboxContract, sandboxSuite, type SandboxContractOptions } from './sandbox.ts'
export { contractSuites, findSuite } from './suites.ts'
export { adminClient, type AdminClient, type AdminTarget } from './admin.ts'
export { MissingPeerError } from './missing-peer.ts'
export { startPrism, checkingFetch, ContractViolationError, type PrismOptions, type PrismProcess, type Violation } from './prism.ts'
export type { ContractSuite, CredentialSpec, OtherApi, SuiteTarget } from './suite.ts'
export type { FetchLike } from './http.ts'
export { fidelity, type FidelityOptions } from './fidelity/session.ts'
export { compareRecords, type Comparison, type Difference } from './fidelity/compare.ts'
export type { FidelityRecord, RecordedCase, RecordedExchange } from './fidelity/record.ts'

/** The folder holding the OpenAPI contracts (contracts/<name>.yaml). */
export const contractsDir = new URL('../../contracts/', import.meta.url)
