// The one list of simulated vendors: one line a vendor, its folder's definition. Everything else
// that concerns vendors (the sandbox, both transports, the CLI, the contract kit, the bench, the
// tests that run per vendor) is derived from it through ./registry.ts.
export { ca } from './ca/index.ts'
export { caf } from './caf/index.ts'
export { complycube } from './complycube/index.ts'
