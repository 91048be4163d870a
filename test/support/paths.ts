// The package root and its contracts folder, for tests. The same values as
// src/contract/tools/generate.ts exports, without importing it: it loads openapi-typescript and
// with it the TypeScript compiler (~0.8 s of CPU), which a test that only needs a path does not use.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The package root, with a trailing separator. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const CONTRACTS_DIR = join(ROOT, 'contracts')
