// A bad fixture file, as a careless user writes one, for every vendor: `serve` checks each
// fixture whole before start and exits 2 with one line naming the file, the place in it
// (`apiKeys[0].key`) and what is expected there — never a stack, never the bundle's code,
// never a silent start on a seed the vendor's API could not have made. The built bin refuses one
// bad fixture of each vendor (and a bad config) in a process of its own; the field-by-field cases
// are main() in this process (../support/cli-in-process.ts), each refused before any server starts.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import { background, limiter, type CliRun } from '../support/cli-run.ts'
import { SERVE_LISTENS, runInProcess } from '../support/cli-in-process.ts'

const BIN = fileURLToPath(new URL('../../bin/token-sandbox.js', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'ts-fixture-validation-'))
const seedOf = (vendor: string) => JSON.parse(readFileSync(new URL(`../../fixtures/${vendor}.json`, import.meta.url), 'utf8')) as Record<string, unknown>

function serve(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--log', 'off', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    // A server that started (the bug: a bad fixture accepted) is stopped; the test then fails on its code.
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    // 'close', not 'exit': by then all of the child's output has been read.
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

let n = 0
/** Writes the fixture to its own file and a config naming it; returns both paths. */
function files(vendor: string, fixture: unknown): { fixture: string; config: string } {
  n++
  const fixturePath = join(dir, `${vendor}-${n}.json`)
  writeFileSync(fixturePath, JSON.stringify(fixture))
  const config = join(dir, `config-${n}.json`)
  writeFileSync(config, JSON.stringify({ fixtures: { [vendor]: fixturePath } }))
  return { fixture: fixturePath, config }
}

type Run = CliRun
// Every refused `serve` below is started as the file is collected, two at a time (one a core); each test
// awaits its own.
const limit = limiter(2)
const started = (args: string[]): Promise<Run> => background(limit(() => serve(args)))

/** `serve` with a config naming `fixture` (in its own file), started now. */
function refusal(vendor: string, fixture: unknown): { fixture: string; run: Promise<Run> } {
  const f = files(vendor, fixture)
  return { fixture: f.fixture, run: started(['--config', f.config]) }
}

/** The same as `refusal`, run in this process as its test reads `run`; `serve` fails it should it get as far as listening. */
function refusalInProcess(vendor: string, fixture: unknown): { fixture: string; readonly run: Promise<Run> } {
  const f = files(vendor, fixture)
  return {
    fixture: f.fixture,
    get run() {
      return runInProcess(['serve', '--port', '0', '--log', 'off', '--config', f.config], SERVE_LISTENS)
    },
  }
}

async function expectRefused(vendor: string, { fixture, run }: { fixture: string; run: Promise<Run> }, path: string, expected: string): Promise<void> {
  const r = await run
  expect(r.code, r.stderr || r.stdout.slice(0, 500)).toBe(2)
  const lines = r.stderr.trimEnd().split('\n')
  expect(lines, r.stderr).toHaveLength(1)
  // `expected` is the start of what is said (a long list of known values may follow).
  expect(lines[0]!.startsWith(`token-sandbox: ${vendor} fixture file ${fixture}: ${path}: ${expected}`), lines[0]).toBe(true)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  expect(r.stdout).not.toContain('listening on')
}

const cc = () => structuredClone(seedOf('complycube')) as { apiKeys: Record<string, unknown>[]; clients: Record<string, unknown>[] }
const cafSeed = () => structuredClone(seedOf('caf')) as { mobileKeys: Record<string, unknown>[]; settings: Record<string, unknown> }
const caSeed = () =>
  structuredClone(seedOf('ca')) as { tenants: (Record<string, unknown> & { accounts: (Record<string, unknown> & { contacts?: Record<string, unknown>[] })[]; serviceAccounts: Record<string, unknown>[] })[] }

const edit = <T>(base: T, change: (f: T) => void): T => {
  change(base)
  return base
}

describe('serve refuses a bad fixture file of every vendor, in one line naming the file and the place', () => {
  const notObjects = new Map(Object.keys(vendorDefinitions).map((vendor) => [vendor, refusal(vendor, ['not', 'an', 'object'])]))
  it.each(Object.keys(vendorDefinitions))('%s: a fixture that is not an object', async (vendor) => {
    const f = notObjects.get(vendor)!
    const r = await f.run
    expect(r.code).toBe(2)
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(new RegExp(`^token-sandbox: ${vendor} fixture file ${f.fixture}: must be an object with `))
  })

  const complycube = [
    ['the issue\'s example: a key without its prefix or environment', { apiKeys: [{ key: 'nope' }] }, 'apiKeys[0].key', 'must be test_ (sandbox) or live_ (live) then visible ASCII characters'],
    ['a key of the wrong type', edit(cc(), (f) => (f.apiKeys[0]!.key = 42)), 'apiKeys[0].key', 'must be a string: test_ (sandbox) or live_ (live) then visible ASCII characters'],
    ['a key missing its environment', edit(cc(), (f) => delete f.apiKeys[1]!.environment), 'apiKeys[1].environment', 'is required'],
    ['a live_ key said to be sandbox', edit(cc(), (f) => (f.apiKeys[0]!.key = 'live_abcdef')), 'apiKeys[0].key', 'must start with test_: the key of a sandbox environment'],
    ['a key seeded twice', edit(cc(), (f) => f.apiKeys.push({ ...f.apiKeys[0]! })), 'apiKeys[3].key', 'is the same key as item 0'],
    ['a client id that is too short', edit(cc(), (f) => (f.clients[0]!.id = 'short')), 'clients[0].id', 'must be 24 lowercase hexadecimal characters, like the ids ComplyCube makes'],
    ['a client without an email', edit(cc(), (f) => delete f.clients[1]!.email), 'clients[1].email', 'is required'],
    ['a client whose date of birth is no date', edit(cc(), (f) => ((f.clients[0]!.personDetails as Record<string, unknown>).dob = '1990-02-31')), 'clients[0].personDetails.dob', 'must be a valid date in the format YYYY-MM-DD'],
    ['a misspelt top-level key', edit(cc(), (f) => ((f as Record<string, unknown>).apikeys = [])), 'apikeys', 'is not a known key (known: apiKeys, clients)'],
    ['an unknown key in a client', edit(cc(), (f) => (f.clients[2]!.nickname = 'J')), 'clients[2].nickname', 'is not a known key (known: environment, id,'],
  ] as const
  const ccRuns = new Map(complycube.map(([what, fixture]) => [what, refusalInProcess('complycube', fixture)]))
  it.each(complycube)('complycube: %s', (what, _fixture, path, expected) => expectRefused('complycube', ccRuns.get(what)!, path, expected))

  const caf = [
    ['a clientId that is too short', edit(cafSeed(), (f) => (f.mobileKeys[0]!.clientId = 'short')), 'mobileKeys[0].clientId', 'must be 8 to 128 letters, digits, ., _, ~ or -'],
    ['a key without its clientSecret', edit(cafSeed(), (f) => delete f.mobileKeys[2]!.clientSecret), 'mobileKeys[2].clientSecret', 'is required'],
    ['a clientSecret too short to sign with', edit(cafSeed(), (f) => (f.mobileKeys[0]!.clientSecret = 'abc')), 'mobileKeys[0].clientSecret', 'must be at least 16 characters long'],
    ['an unknown product', edit(cafSeed(), (f) => (f.mobileKeys[1]!.products = ['PassiveFaceLiveness', 'Teleport'])), 'mobileKeys[1].products[1]', 'must be one of DocumentDetector, PassiveFaceLiveness,'],
    ['products that are not a list', edit(cafSeed(), (f) => (f.mobileKeys[0]!.products = 'CafSDK')), 'mobileKeys[0].products', 'must be an array'],
    ['settings given as a list', edit(cafSeed(), (f) => ((f as Record<string, unknown>).settings = [])), 'settings', 'must be an object with strictCpf, clockSkewSeconds, sessionTokenLifetimeSeconds'],
    ['an environment CAF does not have', edit(cafSeed(), (f) => (f.mobileKeys[0]!.environment = 'staging')), 'mobileKeys[0].environment', 'must be one of prod, beta, dev'],
    ['a negative clock skew', edit(cafSeed(), (f) => (f.settings.clockSkewSeconds = -1)), 'settings.clockSkewSeconds', 'must be an integer from 0 to 604800'],
    ['a clientId seeded twice', edit(cafSeed(), (f) => (f.mobileKeys[3]!.clientId = f.mobileKeys[0]!.clientId)), 'mobileKeys[3].clientId', 'is the same clientId as item 0'],
    ['an unknown key in a Mobile Key', edit(cafSeed(), (f) => (f.mobileKeys[0]!.secret = 'x')), 'mobileKeys[0].secret', 'is not a known key (known: environment, clientId, clientSecret, name, products, revoked, createdAt)'],
  ] as const
  const cafRuns = new Map(caf.map(([what, fixture]) => [what, refusalInProcess('caf', fixture)]))
  it.each(caf)('caf: %s', (what, _fixture, path, expected) => expectRefused('caf', cafRuns.get(what)!, path, expected))

  const ca = [
    ['no tenants', { tenants: [] }, 'tenants', 'must list at least one tenant'],
    ['a tenant id with a space', edit(caSeed(), (f) => (f.tenants[0]!.id = 'hed moral')), 'tenants[0].id', 'must be 1 to 64 letters, digits, _ or - (not starting with _ or -)'],
    ['token minutes of the wrong type', edit(caSeed(), (f) => (f.tenants[1]!.tokenMinutes = '15')), 'tenants[1].tokenMinutes', 'must be an integer from 1 to 10080'],
    ['a service account without a password', edit(caSeed(), (f) => delete f.tenants[0]!.serviceAccounts[1]!.password), 'tenants[0].serviceAccounts[1].password', 'is required'],
    ['an unknown operation', edit(caSeed(), (f) => (f.tenants[0]!.serviceAccounts[1]!.operations = ['linked_accounts', 'format_disk'])), 'tenants[0].serviceAccounts[1].operations[1]', 'must be one of add_account, linked_accounts,'],
    ['a contact of a type CA has not', edit(caSeed(), (f) => (f.tenants[0]!.accounts[0]!.contacts![1]!.type = 'fax')), 'tenants[0].accounts[0].contacts[1].type', 'must be one of email, mobile'],
    ['an account card the tenant does not know', edit(caSeed(), (f) => (f.tenants[1]!.accounts[0]!.cards = ['4111111111111111'])), 'tenants[1].accounts[0].cards[0]', "is not in the tenant's cards"],
    ['two tenants with one id', edit(caSeed(), (f) => (f.tenants[1]!.id = 'hedmoral')), 'tenants[1].id', 'is the same tenant id as item 0'],
    ['an unknown key in a tenant', edit(caSeed(), (f) => (f.tenants[0]!.colour = 'blue')), 'tenants[0].colour', 'is not a known key (known: id, name, baseUrl,'],
  ] as const
  const caRuns = new Map(ca.map(([what, fixture]) => [what, refusalInProcess('ca', fixture)]))
  it.each(ca)('ca: %s', (what, _fixture, path, expected) => expectRefused('ca', caRuns.get(what)!, path, expected))

  const inline = join(dir, 'inline.json')
  writeFileSync(inline, JSON.stringify({ fixtures: { complycube: edit(cc(), (f) => (f.clients[0]!.id = 'short')) } }))
  const inlineRun = started(['--config', inline])
  it('names the config file and the place for a fixture written inside it', async () => {
    const config = inline
    const r = await inlineRun
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(`token-sandbox: config file ${config}: fixtures.complycube.clients[0].id: must be 24 lowercase hexadecimal characters, like the ids ComplyCube makes\n`)
  })

  const unknownVendor = join(dir, 'unknown-vendor.json')
  writeFileSync(unknownVendor, JSON.stringify({ fixtures: { acme: {} } }))
  const unknownVendorRun = started(['--config', unknownVendor])
  it('refuses fixtures for a vendor it does not have, naming the ones it has', async () => {
    const config = unknownVendor
    const r = await unknownVendorRun
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(`token-sandbox: config file ${config}: 'fixtures': unknown vendor 'acme' (known: ${Object.keys(vendorDefinitions).join(', ')})\n`)
  })

  it('starts with a valid fixture file of every vendor (the shipped seeds, by file)', async () => {
    const config = join(dir, 'all-valid.json')
    const fixtures = Object.fromEntries(Object.keys(vendorDefinitions).map((v) => [v, fileURLToPath(new URL(`../../fixtures/${v}.json`, import.meta.url))]))
    writeFileSync(config, JSON.stringify({ fixtures }))
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--log', 'off', '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    await expect.poll(() => out, { timeout: 15_000 }).toContain('listening on')
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
