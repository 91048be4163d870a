// token-sandbox contract ca: the CA suite from the command line, with the service account from
// flags or CA_USERNAME/CA_PASSWORD, the tenant_id told by a token-sandbox URL, the second
// tenant's URL following from its id, and the cases a real CA tenant cannot run skipped with
// their reason. Passwords never show.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/paths.ts'
import { startServer } from '../../src/server/server.ts'
import { SOURCE_CLI } from '../support/cli.ts'
import { CONTRACT_STARTS, runInProcess } from '../support/cli-in-process.ts'
import { background } from '../support/cli-run.ts'

const HEDMORAL = { username: 'hedmoral_admin', password: 'Hedmoral-Sandbox-1' }
const KVARNBY = { username: 'kvarnby_admin', password: 'Kvarnby-Sandbox-1' }

// A server per run of the suite (the full run moves its clock and writes; the wrong password's
// refusals are another's), so that the runs go side by side.
const [running, full, refusing] = await Promise.all([startServer({ host: '127.0.0.1', port: 0 }), startServer({ host: '127.0.0.1', port: 0 }), startServer({ host: '127.0.0.1', port: 0 })])
const work = await mkdtemp(join(tmpdir(), 'token-sandbox-cli-ca-'))

const CLEAN_ENV = { CA_USERNAME: '', CA_PASSWORD: '', CA_OTHER_USERNAME: '', CA_OTHER_PASSWORD: '', CA_OTHER_TENANT_ID: '', CA_TENANT_ID: '' }

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SOURCE_CLI, ...args], {
      env: { ...process.env, ...CLEAN_ENV, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c))
    child.stderr.on('data', (c: Buffer) => (out += c))
    child.on('close', (code) => resolve({ code, out }))
  })
}

const testsOf = (xml: string) => Number(/<testsuites [^>]*tests="(\d+)"/.exec(xml)?.[1] ?? NaN)
const base = (server = running) => `${server.url}/ca/hedmoral`

// The runs that get as far as vitest (seconds each), all started now; each test awaits its own.
const runs = {
  full: background(
    cli(
      ['contract', 'ca', '--base-url', base(full), '--admin-url', `${full.url}/__sandbox`, '--other-tenant-id', 'kvarnby', '--allow-writes',
        '--reporter', 'junit', '--output-file', join(work, 'ca.xml')],
      { CA_USERNAME: HEDMORAL.username, CA_PASSWORD: HEDMORAL.password, CA_OTHER_USERNAME: KVARNBY.username, CA_OTHER_PASSWORD: KVARNBY.password },
    ),
  ),
  readonly: background(
    cli(
      ['contract', 'ca', '--base-url', base(), '--username', HEDMORAL.username, '--account-id', 'ACC-1001', '--reporter', 'junit', '--output-file', join(work, 'ca-readonly.xml')],
      { CA_PASSWORD: HEDMORAL.password },
    ),
  ),
  refused: background(cli(['contract', 'ca', '--base-url', base(refusing), '--reporter', 'json'], { CA_USERNAME: HEDMORAL.username, CA_PASSWORD: 'wrong-password' })),
}
afterAll(async () => {
  await Promise.allSettled(Object.values(runs))
  await Promise.all([running.close(), full.close(), refusing.close()])
  await rm(work, { recursive: true, force: true })
})

describe('token-sandbox contract ca', () => {
  it('passes every case against a token-sandbox, the credentials from the environment', async () => {
    const report = join(work, 'ca.xml')
    const { code, out } = await runs.full
    expect(code, out).toBe(0)
    const xml = await readFile(report, 'utf8')
    expect(testsOf(xml)).toBeGreaterThanOrEqual(20)
    expect(xml).toMatch(/failures="0" errors="0"/)
    // tenant_id from the URL, the second tenant at /ca/kvarnby: nothing is left to skip but the
    // read of a given account (no --account-id).
    expect([...xml.matchAll(/skipped: ([^"]*)"/g)].map((m) => m[1])).toEqual([expect.stringMatching(/needs an existing account/)])
    expect(xml).toMatch(/answers auth_token_expired after/)
    expect(xml).toMatch(/a token of another tenant answers auth_token_verify_failed here/)
    for (const secret of [HEDMORAL.password, KVARNBY.password]) expect(out + xml).not.toContain(secret)
  }, 120_000)

  it('skips, with the reason, what needs the sandbox clock, a second tenant or writes (as against a real CA)', async () => {
    const report = join(work, 'ca-readonly.xml')
    const { code, out } = await runs.readonly
    expect(code, out).toBe(0)
    const xml = await readFile(report, 'utf8')
    expect(xml).toMatch(/failures="0" errors="0"/)
    expect(xml).toMatch(/auth_token_expired after[^"]*skipped: needs the sandbox clock/)
    expect(xml).toMatch(/another tenant(?:’|&apos;|')s token and credentials do not work here[^"]*skipped: needs a second tenant/)
    expect(xml).toMatch(/adds an account[^"]*skipped: creates accounts and links on the tenant; pass --allow-writes/)
    // What CA documents still runs: issuance, missing_input in order, unauthorized_access, the token on an account API.
    expect(xml).not.toMatch(/issues a token: 200[^"]*skipped/)
    expect(xml).toMatch(/missing_input naming password/)
    expect(xml).toMatch(/a token unlocks the account APIs/)
    expect(out + xml).not.toContain(HEDMORAL.password)
  }, 120_000)

  it('fails (exit 1) when the endpoint refuses the credentials', async () => {
    const { code } = await runs.refused
    expect(code).toBe(1)
  }, 120_000)

  it('is a usage error (exit 2) without a username or password', async () => {
    // In-process: refused before any suite runs.
    const { code, stdout, stderr } = await runInProcess(['contract', 'ca', '--base-url', base()], CONTRACT_STARTS, { CA_PASSWORD: HEDMORAL.password })
    expect(code).toBe(2)
    expect(stdout + stderr).toMatch(/--username or CA_USERNAME/)
  }, 30_000)
})
