// Generated from the registry (src/vendors/index.ts) by `npm run generate`. Do not edit: each
// vendor's contract suite is its folder's contract.ts (src/contract/tools/vendor-exports.ts).
import type { ContractSuite } from './suite.ts'
import suite0 from '../vendors/ca/contract.ts'
import suite1 from '../vendors/caf/contract.ts'
import suite2 from '../vendors/complycube/contract.ts'

export * from '../vendors/ca/contract.ts'
export * from '../vendors/caf/contract.ts'
export * from '../vendors/complycube/contract.ts'

/** Every registered vendor's suite, in registry order (the sandbox contract runs their `admin` cases). */
export const vendorSuites: ContractSuite[] = [suite0, suite1, suite2]
