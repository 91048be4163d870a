// token-sandbox's library entry: the sandbox, its server, and the types they speak.
export { createSandbox, DEFAULT_BODY_LIMIT, type Sandbox, type SandboxOptions, type VendorMount } from './sandbox.ts'
export { startServer, type RunningServer, type ServeOptions } from './server/server.ts'
export { parseDuration, type Clock, type ClockState } from './core/clock.ts'
export type { Journal, JournalEntry, JournalFilter } from './core/journal.ts'
export type { SandboxRequest, SandboxResponse } from './core/types.ts'
export { mintCafToken, type MintCafTokenInput } from './vendors/caf/mint.ts'
export type { CafApi, CafEnvironment, CafProduct } from './vendors/caf/index.ts'
