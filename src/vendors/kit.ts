// The Node-side parts of a vendor, found by convention in its folder (src/vendors/<name>/), so
// the registry stays one line a vendor and the browser bundle, which imports the definitions
// only, never reaches vitest or node:util:
//   contract.ts  exports `suite`     its contract suite (ContractSuite), which integrators run
//   cli.ts       exports `help`, `run`  its `token-sandbox token <name>` subcommand
//   bench.ts     exports `scenario`  the request `npm run bench` loads it with (bench/scenarios.ts)
// test/vendors/completeness.test.ts fails, naming the part, when a registered vendor lacks one.
import type { ContractSuite } from '../contract/suite.ts'
import type { VendorName } from './registry.ts'

export interface TokenCommand {
  help: string
  run(argv: string[]): Promise<number>
}

/** A load-test request (bench/load.ts's LoadRequest): the vendor doing its real work on every call. */
export interface BenchScenario {
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: string
  /** Called before every request: what changes per request (a fresh token, a fresh id). */
  fresh?: () => { headers?: Record<string, string>; body?: string }
}

export const KIT_FILES = { suite: 'contract.ts', token: 'cli.ts', bench: 'bench.ts' } as const

// (The template imports below are how a bundler finds every vendor's file: esbuild bundles each
// `./<folder>/contract.ts` it matches as its own chunk, loaded on first use.)

export async function loadSuite(name: VendorName): Promise<ContractSuite> {
  return ((await import(`./${name}/contract.ts`)) as { suite: ContractSuite }).suite
}

export async function loadTokenCommand(name: VendorName): Promise<TokenCommand> {
  return (await import(`./${name}/cli.ts`)) as TokenCommand
}
