// token-sandbox contract <vendor>: runs a suite against an endpoint with vitest and reports
// through the exit code (0 green, 1 a case failed, 2 a usage problem); credentials never show.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { main } from '../../src/cli.ts'
import { ROOT } from '../support/paths.ts'
import { startServer } from '../../src/server/server.ts'
import { driftingSandbox, renameToken } from '../support/drift.ts'
import { SOURCE_CLI } from '../support/cli.ts'
import { background, limiter } from '../support/cli-run.ts'

const KEY = 'test_tokensandbox_default_0001'
const LIVE_KEY = 'live_tokensandbox_default_0001'

const ADMIN_TOKEN = 'contract-cli-admin-token-0001'
// `clocked` is the full run's own: its clock cases move the sandbox clock, which the runs against
// `good` (at the same time) must not see.
const [good, clocked, drifting, guarded] = await Promise.all([
  startServer({ host: '127.0.0.1', port: 0 }),
  startServer({ host: '127.0.0.1', port: 0 }),
  startServer({ host: '127.0.0.1', port: 0, sandbox: driftingSandbox(renameToken) }),
  startServer({ host: '127.0.0.1', port: 0, adminToken: ADMIN_TOKEN }),
])
const work = await mkdtemp(join(tmpdir(), 'token-sandbox-cli-'))

function cli(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SOURCE_CLI, ...args], {
      ...(cwd ? { cwd } : {}),
      env: { ...process.env, COMPLYCUBE_API_KEY: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c))
    child.stderr.on('data', (c: Buffer) => (out += c))
    child.on('close', (code) => resolve({ code, out }))
  })
}

// Every run of the suite below (vitest in a child process, seconds each), started at once, three
// at a time; each test awaits its own. The two against `guarded` write one report: one after the other.
const limit = limiter(3)
const guardedArgs = (report: string) =>
  ['contract', 'complycube', '--base-url', `${guarded.url}/complycube/v1`, '--admin-url', `${guarded.url}/__sandbox`, '--reporter', 'junit', '--output-file', report]
const runs = {
  full: background(
    limit(() =>
      cli(
        ['contract', 'complycube', '--base-url', `${clocked.url}/complycube/v1`, '--admin-url', `${clocked.url}/__sandbox`,
          '--other-api-key', LIVE_KEY, '--allow-writes', '--reporter', 'junit', '--output-file', join(work, 'complycube.xml')],
        { COMPLYCUBE_API_KEY: KEY },
      ),
    ),
  ),
  guarded: background(
    (async () => {
      const report = join(work, 'guarded.xml')
      const withToken = await limit(() => cli(guardedArgs(report), { COMPLYCUBE_API_KEY: KEY, TOKEN_SANDBOX_ADMIN_TOKEN: ADMIN_TOKEN }))
      const withTokenXml = await readFile(report, 'utf8').catch((e: Error) => e.message)
      const without = await limit(() => cli(guardedArgs(report), { COMPLYCUBE_API_KEY: KEY, TOKEN_SANDBOX_ADMIN_TOKEN: '' }))
      return { withToken, withTokenXml, without, withoutXml: await readFile(report, 'utf8') }
    })(),
  ),
  relative: background(
    limit(() =>
      cli(['contract', 'complycube', '--base-url', `${good.url}/complycube/v1`, '--reporter', 'junit', '--output-file', 'reports/cc.xml'], { COMPLYCUBE_API_KEY: KEY }, work),
    ),
  ),
  listed: background(limit(() => cli(['contract', 'complycube', '--base-url', `${good.url}/complycube/v1`], { COMPLYCUBE_API_KEY: KEY }))),
  drifting: background(limit(() => cli(['contract', 'complycube', '--base-url', `${drifting.url}/complycube/v1`, '--api-key', KEY]))),
}
afterAll(async () => {
  await Promise.allSettled(Object.values(runs))
  await Promise.all([good.close(), clocked.close(), drifting.close(), guarded.close()])
  await rm(work, { recursive: true, force: true })
})

describe('token-sandbox contract', () => {
  it('passes every ComplyCube case against a token-sandbox and writes a JUnit report', async () => {
    const report = join(work, 'complycube.xml')
    const { code, out } = await runs.full
    expect(code, out).toBe(0)
    const xml = await readFile(report, 'utf8')
    expect(xml).toMatch(/<testsuites [^>]*tests="19" failures="0" errors="0"/)
    expect(xml).not.toMatch(/<skipped/)
    expect(out + xml).not.toContain(KEY)
    expect(out + xml).not.toContain(LIVE_KEY)
    // Nothing written inside the package (it may be a read-only install): no vitest cache.
    expect(existsSync(join(ROOT, 'src', 'contract', 'run', 'node_modules'))).toBe(false)
  }, 120_000)

  it('runs the cases that need the sandbox clock on a guarded server, with TOKEN_SANDBOX_ADMIN_TOKEN', async () => {
    const { withToken, withTokenXml: xml, without, withoutXml } = await runs.guarded
    expect(withToken.code, withToken.out).toBe(0)
    expect(xml).toMatch(/a token is accepted for 60 minutes and refused after/)
    expect(xml).not.toMatch(/<skipped[^>]*>[^<]*sandbox clock/)
    expect(withToken.out + xml).not.toContain(ADMIN_TOKEN)
    // Without the token the admin API refuses, and the clock case says so rather than passing.
    expect(without.code).toBe(1)
    expect(withoutXml).toMatch(/sandbox admin GET \/clock answered 401/)
  }, 120_000)

  it('writes a relative --output-file where it is run, names JUnit cases by suite, and skip reasons by flag', async () => {
    const { code, out } = await runs.relative
    expect(code, out).toBe(0)
    const xml = await readFile(join(work, 'reports', 'cc.xml'), 'utf8')
    expect(xml).not.toContain('classname="suite.contract.ts"')
    expect(xml).toMatch(/classname="complycube contract"/)
    // Without --allow-writes and --admin-url, the reasons name those flags, not code options.
    expect(xml).toMatch(/skipped: creates data on the account; pass --allow-writes/)
    expect(xml).toMatch(/pass --admin-url/)
    expect(xml).not.toMatch(/pass (allowWrites|admin)\b/)
  }, 120_000)

  it('lists every case by name on a passing run with the default reporter', async () => {
    const { code, out } = await runs.listed
    expect(code, out).toBe(0)
    expect(out).toMatch(/issues a Web SDK token/)
    expect(out).toMatch(/a token is accepted for 60 minutes and refused after — skipped: needs the sandbox clock; pass --admin-url/)
  }, 120_000)

  it('exits 1 when the endpoint breaks the contract (a renamed token field)', async () => {
    const { code, out } = await runs.drifting
    expect(code).toBe(1)
    expect(out).toMatch(/issues a Web SDK token/)
    expect(out).not.toContain(KEY)
  }, 120_000)

  it.each([
    [['contract', 'complycube', '--base-url', 'http://127.0.0.1:9/complycube/v1'], /needs --api-key or COMPLYCUBE_API_KEY/],
    [['contract', 'complycube', '--api-key', KEY], /--base-url is required/],
    [['contract', 'acme', '--base-url', 'http://127.0.0.1:9'], /unknown vendor 'acme'/],
    [['contract', 'complycube', '--base-url', 'localhost', '--api-key', KEY], /must be an http\(s\) URL/],
    [['contract', 'complycube', '--base-url', 'http://127.0.0.1:9', '--api-key', KEY, '--reporter', 'tap'], /--reporter must be one of/],
    [['contract', 'complycube', '--base-url', 'http://127.0.0.1:9', '--api-key', KEY, '--secret', 'x'], /Unknown option '--secret'/],
  ])('exits 2 with a usage message for %j', async (args, message) => {
    // In-process: these fail before any suite runs.
    vi.stubEnv('COMPLYCUBE_API_KEY', '')
    const errors: string[] = []
    const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')))
    try {
      expect(await main(args)).toBe(2)
    } finally {
      spy.mockRestore()
      vi.unstubAllEnvs()
    }
    expect(errors.join('\n')).toMatch(message)
  })
})
