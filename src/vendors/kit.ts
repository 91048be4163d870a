// The Node-side parts of a vendor, found by convention in its folder (src/vendors/<name>/, or a
// definition's `folder`), so the browser bundle, which imports the definitions only, never
// reaches vitest or node:util:
//   contract.ts  exports its suite         (ContractSuite) as its default export, which integrators run;
//                                          its named exports are the package's (src/contract/vendors.ts)
//   cli.ts       exports `help`, `run`     its `token-sandbox token <name>` subcommand
//   bench.ts     exports `scenario`        the request `npm run bench` measures it with
// test/vendors/completeness.test.ts fails, naming the part, when a registered vendor lacks one.
import type { ContractSuite } from '../contract/suite.ts'
import type { AnyVendor } from '../core/vendor.ts'

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
  /** What one request makes the sandbox do, for the bench's table. */
  does?: string
  /** The share of bare node:http's throughput the vendor must reach (docs/performance.md). */
  goal?: number
  /** The scenario the peers (WireMock, Prism, …), which answer this vendor's canned token, are measured against. */
  reference?: boolean
}

export const KIT_FILES = { suite: 'contract.ts', token: 'cli.ts', bench: 'bench.ts' } as const

// (The template imports below are how a bundler finds every vendor's file: esbuild bundles each
// `./<folder>/contract.ts` it matches as its own chunk, loaded on first use. A vendor with a
// `folder` of its own, and the bench's scenarios, are imported by URL: from the sources only,
// never bundled.)

/** Where a vendor's kit file is: its own folder's, or src/vendors/<name>/. */
export const kitFileUrl = (vendor: AnyVendor, file: string): URL => new URL(file, vendor.folder ?? new URL(`./${vendor.name}/`, import.meta.url))

const fromFolder = (vendor: AnyVendor, file: string): Promise<Record<string, unknown>> =>
  import(/* @vite-ignore */ kitFileUrl(vendor, file).href) as Promise<Record<string, unknown>>

export async function loadSuite(vendor: AnyVendor): Promise<ContractSuite> {
  const mod = vendor.folder ? await fromFolder(vendor, KIT_FILES.suite) : await import(`./${vendor.name}/contract.ts`)
  return (mod as { default: ContractSuite }).default
}

export async function loadTokenCommand(vendor: AnyVendor): Promise<TokenCommand> {
  return (vendor.folder ? await fromFolder(vendor, KIT_FILES.token) : await import(`./${vendor.name}/cli.ts`)) as TokenCommand
}

/**
 * How bench/state.ts measures `serve --state` with the reference vendor's rows: a seed of `n`
 * rows of `model`, a request that adds one, one that lists a page.
 */
export interface StateBench {
  /** What the rows are, for the table (`clients`). */
  rows: string
  model: string
  fixtures(n: number): unknown
  write(i: number): BenchScenario
  list: BenchScenario
}

/** A vendor's bench.ts: its scenario, and what it adds to `npm run soak`'s mix (by default, the scenario). */
export interface BenchKit {
  scenario: BenchScenario
  /** The reference vendor's: what the state file's bench writes and lists. */
  state?: StateBench
  /** The soak's requests for this vendor against a running server at `url` (credentials it fetches first). */
  soak?: (url: string) => Promise<BenchScenario[]>
}

/** The bench's part of a vendor (`npm run bench` and `npm run soak` run from the sources). */
export async function loadBench(vendor: AnyVendor): Promise<BenchKit> {
  return (await fromFolder(vendor, KIT_FILES.bench)) as unknown as BenchKit
}

/** The bench's scenario of a vendor. */
export async function loadBenchScenario(vendor: AnyVendor): Promise<BenchScenario> {
  return (await loadBench(vendor)).scenario
}
