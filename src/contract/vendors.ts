// Generated from the registry (src/vendors/index.ts) by `npm run generate`. Do not edit: each
// vendor's contract suite is its folder's contract.ts (src/contract/tools/vendor-exports.ts).
export * from '../vendors/ca/contract.ts'
export * from '../vendors/caf/contract.ts'
export * from '../vendors/complycube/contract.ts'
