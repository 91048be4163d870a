// token-sandbox contract <vendor>: runs a contract suite against any endpoint (the real vendor,
// a token-sandbox, or a Prism proxy in front of either) with vitest's Node API, and exits
// non-zero when a case fails. Credentials come from flags or environment variables and are
// handed to the suite through the environment; they are never printed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { contractSuites, findSuite } from '../contract/suites.ts'
import { ENV, otherBaseUrlVariable } from '../contract/run/params.ts'
import type { ContractSuite } from '../contract/suite.ts'
import { UsageError, withHelpTopic } from './usage.ts'
import { probe, sandboxCredentials, sandboxUrl, sandboxWrites } from './sandbox.ts'
import { isModuleNotFound, MissingPeerError } from '../contract/missing-peer.ts'
import { relayStreams } from './relay.ts'
import { fidelityFlags, prepareFidelity } from '../contract/fidelity/cli.ts'
import { checkTarget, writeReport } from './report-file.ts'
import { contractHelp } from './contract-help.ts'

const REPORTERS = ['default', 'junit', 'json'] as const
// The suite entry vitest runs: the TypeScript source beside this file in the sources (src/cli/),
// or its build (scripts/build.mjs) beside the CLI bundle (dist/), which is what the package ships.
const RUN = [
  ['../contract/run/', 'suite.contract.ts'],
  ['./contract-run/', 'suite.contract.mjs'],
]
  .map(([dir, file]) => ({ dir: fileURLToPath(new URL(dir!, import.meta.url)), file: file! }))
  .find(({ dir, file }) => existsSync(`${dir}${file}`))

/** vitest's Node API, or a one-line usage error saying what to install (vitest is an optional peer). */
async function loadVitest(): Promise<typeof import('vitest/node').startVitest> {
  try {
    return (await import('vitest/node')).startVitest
  } catch (err) {
    if (isModuleNotFound(err)) throw new UsageError(new MissingPeerError('vitest', "'token-sandbox contract' (it runs its suites with vitest)").message)
    throw err
  }
}

export async function contractCommand(argv: string[]): Promise<number> {
  const [vendor, ...rest] = argv
  if (vendor === undefined || vendor === '--help' || vendor === '-h') {
    console.log(contractHelp())
    return vendor === undefined ? 2 : 0
  }
  const suite = findSuite(vendor)
  if (!suite) throw new UsageError(`unknown vendor '${vendor}' (vendors: ${contractSuites.map((s) => s.name).join(', ')})`)
  return withHelpTopic(`contract ${vendor}`, () => runSuite(suite, rest))
}

async function runSuite(suite: ContractSuite, rest: string[]): Promise<number> {

  const credentialOptions = Object.fromEntries(suite.credentials.map((c) => [c.flag, { type: 'string' as const }]))
  // A vendor with more than one API (CAF: Mobile API and BFF) takes `--<api>-url` for the others.
  const otherApiOptions = Object.fromEntries((suite.otherApis ?? []).map((a) => [`${a.name}-url`, { type: 'string' as const }]))
  const { values } = parseArgs({
    args: rest,
    options: {
      'base-url': { type: 'string' },
      sandbox: { type: 'string' },
      'admin-url': { type: 'string' },
      'allow-writes': { type: 'boolean' },
      'through-prism': { type: 'boolean' },
      reporter: { type: 'string' },
      'output-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...fidelityFlags,
      ...credentialOptions,
      ...otherApiOptions,
    },
    strict: true,
  })
  if (values.help) {
    console.log(contractHelp(suite))
    return 0
  }
  const flag = (name: string) => (values as Record<string, string | boolean | undefined>)[name]
  // --sandbox URL: the suite's paths on that server, its admin API, and its seeded credentials
  // for whatever no flag or variable gives.
  const sandbox = sandboxUrl(flag('sandbox') as string | undefined)
  const baseUrl = (flag('base-url') as string | undefined) ?? (sandbox ? sandbox + suite.sandboxPath : undefined)
  if (!baseUrl) throw new UsageError('--base-url is required (or --sandbox URL: a running token-sandbox)')
  const adminUrl = (flag('admin-url') as string | undefined) ?? (sandbox ? `${sandbox}/__sandbox` : undefined)
  // The sandbox's own suite (no realBaseUrl) has no credentials route: its admin token is a variable.
  const seededAsRead: Record<string, string> = sandbox && suite.realBaseUrl && suite.credentials.length ? await sandboxCredentials(sandbox, suite.name) : {}
  const otherUrls = (suite.otherApis ?? []).flatMap((a) => {
    const url =
      (flag(`${a.name}-url`) as string | undefined) ||
      process.env[otherBaseUrlVariable(a.name)] ||
      (sandbox ? sandbox + a.sandboxPath : a.besideMain?.(baseUrl))
    // An optional API without a URL: its cases are skipped, saying which flag would run them.
    if (!url && a.optional) return []
    if (!url) throw new UsageError(`${suite.title} needs --${a.name}-url (${a.title}): it cannot be told from --base-url ${baseUrl}`)
    return [[a.name, url] as const]
  })
  for (const [name, url] of [['base-url', baseUrl], ['admin-url', adminUrl], ...otherUrls.map(([n, u]) => [`${n}-url`, u] as const)]) {
    if (typeof url === 'string' && !/^https?:\/\/[^/]/.test(url)) throw new UsageError(`--${name} must be an http(s) URL, got '${url}'`)
  }
  // --record/--compare (docs/fidelity.md): with --compare, --reporter is the comparison's.
  const fidelity = prepareFidelity(values, suite.name, Boolean(sandbox || adminUrl))
  const reporter = fidelity?.comparing ? 'default' : ((flag('reporter') as string | undefined) ?? 'default')
  if (!(REPORTERS as readonly string[]).includes(reporter)) throw new UsageError(`--reporter must be one of ${REPORTERS.join(', ')}`)
  const outputFlag = flag('output-file') as string | undefined
  if (outputFlag !== undefined) checkTarget('--output-file', outputFlag, { createFolder: true })

  // Credentials: a flag wins over the environment; either way they reach the suite only
  // through the environment of this process (inherited by vitest's workers).
  const given = (name: string) => (flag(name) as string | undefined) || process.env[suite.credentials.find((c) => c.flag === name)?.env ?? ''] || undefined
  const seeded = suite.fitSeeded ? suite.fitSeeded(seededAsRead, given) : seededAsRead
  for (const c of suite.credentials) {
    const value = flag(c.flag)
    if (typeof value === 'string' && value !== '') process.env[c.env] = value
    else if (!process.env[c.env] && seeded[c.flag]) process.env[c.env] = seeded[c.flag]
    if (c.required && !process.env[c.env]) throw new UsageError(`${suite.title} needs --${c.flag} or ${c.env}`)
  }
  // What the suite would find only as vitest collects its cases (a key whose environment its
  // prefix does not tell): one line now, exit 2.
  const problem = suite.check?.(suite.fromEnv({ baseUrl }, process.env))
  if (problem) throw new UsageError(problem)
  // Each server answers before vitest starts; one that does not is exit 3 in one line.
  for (const url of new Set([baseUrl, ...otherUrls.map(([, u]) => u), ...(adminUrl ? [adminUrl] : [])])) await probe(url)
  process.env[ENV.suite] = suite.name
  process.env[ENV.baseUrl] = baseUrl
  for (const [name, url] of otherUrls) process.env[otherBaseUrlVariable(name)] = url
  if (adminUrl) process.env[ENV.adminUrl] = adminUrl
  else delete process.env[ENV.adminUrl]
  process.env[ENV.allowWrites] = flag('allow-writes') || sandboxWrites(suite, sandbox, flag('base-url')) ? '1' : '0'
  process.env[ENV.throughPrism] = flag('through-prism') ? '1' : '0'

  console.error(`token-sandbox: ${suite.title} contract suite against ${baseUrl}`)
  if (RUN === undefined) throw new UsageError('the contract suites (dist/contract-run) are missing from this install')
  const startVitest = await loadVitest()
  const previousExitCode = process.exitCode
  // Relative to where the user runs the command, not to the suite's folder inside the package.
  const outputTarget = outputFlag !== undefined && !fidelity?.comparing ? resolve(outputFlag) : undefined
  // vitest writes the report into a folder of ours; the CLI then copies it to the user's file
  // with writeUserFile (a regular file only: a FIFO put there since the check cannot block it).
  const scratch = outputTarget ? mkdtempSync(join(tmpdir(), 'token-sandbox-report-')) : undefined
  const outputFile = scratch ? join(scratch, 'report') : undefined
  const vitest = await startVitest('test', [], {
    root: RUN.dir,
    config: false,
    include: [RUN.file],
    // The entry file may live under node_modules once token-sandbox is installed.
    exclude: [],
    watch: false,
    // No results cache: vitest would write it under RUN.dir, inside the installed package.
    cache: false,
    // One suite file: a worker thread starts for less CPU than a forked process (~10 % of a run).
    pool: 'threads',
    // `verbose` lists every case, passed ones too (without the summary window, whose cursor moves ./relay.ts
    // would escape); JUnit cases carry the suite's name, not the entry file's.
    // `stdout`: without --output-file, vitest 5 writes junit/json under <root>/.vitest/ (inside the
    // installed package) unless told to print them; vitest 4 prints them and ignores the option.
    reporters: [
      reporter === 'default'
        ? ['verbose', { summary: false }]
        : reporter === 'junit'
          ? ['junit', { classnameTemplate: `${suite.name} contract`, suiteName: `${suite.title} contract`, stdout: !outputFile }]
          : ['json', { stdout: !outputFile }],
    ],
    ...(outputFile ? { outputFile } : {}),
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // What vitest prints quotes the endpoint's answers: escaped on the way out (./relay.ts).
    // While comparing, stdout carries the comparison's report: the suite's own output goes to stderr.
  }, {}, relayStreams(fidelity?.comparing ? { stdout: process.stderr } : {})).catch((err: unknown) => {
    if (scratch) rmSync(scratch, { recursive: true, force: true })
    throw err
  })
  process.exitCode = previousExitCode
  const files = vitest.state.getFiles()
  const failed =
    files.length === 0 ||
    files.some((f) => f.result?.state === 'fail') ||
    vitest.state.getCountOfFailedTests() > 0 ||
    vitest.state.getUnhandledErrors().length > 0
  if (scratch) {
    try {
      // vitest writes no file for the default reporter: then there is nothing to copy.
      if (existsSync(outputFile!)) writeReport(outputTarget!, readFileSync(outputFile!, 'utf8'))
    } catch (err) {
      console.error(`token-sandbox: ${(err as Error).message}`)
      return 1
    } finally {
      rmSync(scratch, { recursive: true, force: true })
    }
  }
  return fidelity ? fidelity.finish(failed ? 1 : 0) : failed ? 1 : 0
}
