// `--sandbox URL` on `token` and `contract`: "the token-sandbox at URL" is all a developer types.
// The seeded credentials come from the server's admin API (GET /__sandbox/<vendor>/credentials);
// an unreachable server is exit 3 with one line, not a usage error. The first `token` and the
// `contract` runs are the built bin in a process; the other `token` cases and the refusals are
// main() in this process (`inProcess`), the environment set the same way.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../src/server/server.ts'
import { contractSuites } from '../../src/contract/suites.ts'
import { SOURCE_CLI } from '../support/cli.ts'
import { background, limiter } from '../support/cli-run.ts'
import { CONTRACT_STARTS, runInProcess } from '../support/cli-in-process.ts'

const running = await startServer({ host: '127.0.0.1', port: 0 })
afterAll(() => running.close())

// No credential, URL or admin token from the developer's environment may help.
const clean = Object.fromEntries(
  [...contractSuites.flatMap((s) => s.credentials.map((c) => c.env)), 'TOKEN_SANDBOX_URL', 'TOKEN_SANDBOX_ADMIN_TOKEN'].map((v) => [v, '']),
)

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SOURCE_CLI, ...args], { env: { ...process.env, ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c))
    child.stderr.on('data', (c: Buffer) => (stderr += c))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** A 127.0.0.1 port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  await new Promise((r) => server.close(r))
  return port
}

/** The CLI in this process (../support/cli-in-process.ts); a `contract` that gets as far as its suite fails there. */
const inProcess = (args: string[], env: Record<string, string> = {}) => runInProcess(args, CONTRACT_STARTS, env)

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/

describe('token <vendor> --sandbox URL', () => {
  it('complycube: the seeded API key from the admin API, no --api-key', async () => {
    const created = await fetch(`${running.url}/complycube/v1/clients`, {
      method: 'POST',
      headers: { authorization: 'test_tokensandbox_default_0001', 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'person', email: 'sandbox-flag@example.com', personDetails: { firstName: 'Ada', lastName: 'Lovelace' } }),
    })
    const { id } = (await created.json()) as { id: string }
    const { code, stdout, stderr } = await cli(['token', 'complycube', '--sandbox', running.url, '--client-id', id, '--referrer', 'https://*.example.com/*'])
    expect(code, stderr).toBe(0)
    expect(stdout.trim()).toMatch(JWT)
    const claims = JSON.parse(Buffer.from(stdout.trim().split('.')[1]!, 'base64url').toString('utf8'))
    expect(claims).toMatchObject({ clientId: id, environment: 'sandbox' })
  })

  it('complycube: nothing but --sandbox: the oldest client of the sandbox environment, and a token bound to no page or app', async () => {
    const { credentials } = (await (await fetch(`${running.url}/__sandbox/complycube/credentials`)).json()) as { credentials: Record<string, string> }
    // The seed's first client, though the test above created a newer one.
    expect(credentials['client-id']).toBe('5eb04fcd0f3e360008035eb1')
    const [{ code, stdout, stderr }, help] = await Promise.all([inProcess(['token', 'complycube', '--sandbox', running.url]), inProcess(['token', 'complycube', '--help'])])
    expect(code, stderr).toBe(0)
    const token = stdout.trim()
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'))
    expect(claims).toMatchObject({ clientId: '5eb04fcd0f3e360008035eb1', environment: 'sandbox' })
    // No default pattern (`token complycube --help`): neither referrer nor appId is in the token.
    expect(claims).not.toHaveProperty('referrer')
    expect(claims).not.toHaveProperty('appId')
    const verify = async (input: Record<string, string>) =>
      ((await (await fetch(`${running.url}/__sandbox/complycube/tokens/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, ...input }) })).json()) as { verdict: string }).verdict
    expect(await verify({})).toBe('valid')
    expect(await verify({ referrer: 'https://www.example.com/' })).toBe('referrer_mismatch')
    expect(await verify({ appId: 'com.example.app' })).toBe('app_id_mismatch')
    expect(help.stdout).toMatch(/With neither, there is no default pattern/)
  })

  it('complycube: --client-id wins over the seeded client; a sandbox with no client says what to pass, in one line', async () => {
    const empty = await startServer({ host: '127.0.0.1', port: 0 })
    try {
      const auth = { authorization: 'test_tokensandbox_default_0001' }
      const list = (await (await fetch(`${empty.url}/complycube/v1/clients`, { headers: auth })).json()) as { items: { id: string }[] }
      expect(list.items.length).toBeGreaterThan(0)
      for (const { id } of list.items) expect((await fetch(`${empty.url}/complycube/v1/clients/${id}`, { method: 'DELETE', headers: auth })).status).toBe(204)
      const [refused, live] = await Promise.all([
        inProcess(['token', 'complycube', '--sandbox', empty.url]),
        inProcess(['token', 'complycube', '--sandbox', empty.url, '--api-key', 'live_tokensandbox_default_0001', '--client-id', '6a1b2c3d4e5f60718293a4b5']),
      ])
      expect(refused.code).toBe(2)
      expect(refused.stdout).toBe('')
      expect(refused.stderr.trim().split('\n'), refused.stderr).toEqual([
        `token-sandbox: --client-id is required: ${empty.url} holds no client in its sandbox environment (create one with POST ${empty.url}/complycube/v1/clients)`,
      ])
      // The live environment's client, named: the flag is used, not the (absent) seed.
      expect(live.code, live.stderr).toBe(0)
      expect(JSON.parse(Buffer.from(live.stdout.trim().split('.')[1]!, 'base64url').toString('utf8'))).toMatchObject({ clientId: '6a1b2c3d4e5f60718293a4b5', environment: 'live' })
    } finally {
      await empty.close()
    }
  })

  it('caf and ca: the same from TOKEN_SANDBOX_URL, nothing else typed', async () => {
    const vendors = ['caf', 'ca']
    const results = await Promise.all(vendors.map((vendor) => inProcess(['token', vendor], { TOKEN_SANDBOX_URL: running.url })))
    for (const [i, { code, stdout, stderr }] of results.entries()) {
      const vendor = vendors[i]!
      expect(code, `${vendor}: ${stderr}`).toBe(0)
      expect(stdout.trim(), vendor).toMatch(JWT)
    }
  })

  it('a flag still wins over the seeded credential', async () => {
    const { code, stderr } = await inProcess(['token', 'complycube', '--sandbox', running.url, '--api-key', 'test_not_a_key_of_this_sandbox', '--client-id', 'x', '--referrer', 'https://a.example.com/*'])
    expect(code).toBe(1)
    expect(stderr).toMatch(/ComplyCube answered 401/)
  })

  it('an unreachable server: exit 3, one line, no usage hint', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`
    const runs = [['token', 'complycube', '--sandbox', url, '--client-id', 'x', '--referrer', 'p'], ['contract', 'caf', '--sandbox', url], ['token', 'complycube', '--base-url', url, '--api-key', 'k', '--client-id', 'x', '--referrer', 'p']]
    const results = await Promise.all(runs.map((args) => inProcess(args)))
    for (const [i, { code, stdout, stderr }] of results.entries()) {
      const args = runs[i]!
      expect(code, `${args.join(' ')}: ${stderr}`).toBe(3)
      expect(stdout).toBe('')
      expect(stderr.trim().split('\n'), stderr).toEqual([expect.stringMatching(new RegExp(`^token-sandbox: cannot reach ${url}`))])
    }
  })

  it('a guarded admin API: its token from TOKEN_SANDBOX_ADMIN_TOKEN; without it, one line saying so', async () => {
    const adminToken = 'sandbox-flag-admin-token-0123456789abcdef'
    const guarded = await startServer({ host: '127.0.0.1', port: 0, adminToken })
    try {
      const [refused, { code, stdout, stderr }] = await Promise.all([
        inProcess(['token', 'ca', '--sandbox', guarded.url]),
        inProcess(['token', 'ca', '--sandbox', guarded.url], { TOKEN_SANDBOX_ADMIN_TOKEN: adminToken }),
      ])
      expect(refused.code).toBe(2)
      expect(refused.stderr.trim().split('\n'), refused.stderr).toEqual([`token-sandbox: ${guarded.url}'s admin API is guarded: set TOKEN_SANDBOX_ADMIN_TOKEN to its admin token`])
      expect(code, stderr).toBe(0)
      expect(stdout.trim()).toMatch(JWT)
    } finally {
      await guarded.close()
    }
  })

  it('a --sandbox that is not a URL is a usage error (exit 2)', async () => {
    const { code, stderr } = await inProcess(['token', 'ca', '--sandbox', 'localhost:4545'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/--sandbox must be an http\(s\) URL/)
  })
})

/** The cases a verbose run lists as skipped (`↓`), each with its reason in its name. */
const skippedCases = (out: string) => out.split('\n').filter((line) => line.trimStart().startsWith('↓'))

// The contract runs (vitest in a child process, seconds each), started together as this block
// begins, three at a time, each against its own server: a run's clock cases move its server's
// clock, and its writes add to it. Each test awaits its own.
const CONTRACT_VENDORS = contractSuites.filter((s) => s.realBaseUrl).map((s) => s.name)
const contractRuns = new Map<string, Promise<{ code: number | null; stdout: string; stderr: string }>>()

describe('contract <vendor> --sandbox URL', { timeout: 90_000 }, () => {
  beforeAll(() => {
    const limit = limiter(3)
    const onItsOwnServer = (args: (url: string) => string[]) =>
      background(
        limit(async () => {
          const server = await startServer({ host: '127.0.0.1', port: 0 })
          try {
            return await cli(args(server.url))
          } finally {
            await server.close()
          }
        }),
      )
    for (const vendor of CONTRACT_VENDORS) contractRuns.set(vendor, onItsOwnServer((url) => ['contract', vendor, '--sandbox', url]))
    contractRuns.set('--base-url', onItsOwnServer((url) => ['contract', 'complycube', '--sandbox', url, '--base-url', `${url}/complycube/v1`]))
    contractRuns.set('sandbox', onItsOwnServer((url) => ['contract', 'sandbox', '--sandbox', url]))
  })
  afterAll(() => Promise.allSettled(contractRuns.values()))

  it.each(CONTRACT_VENDORS)('%s: every case runs with nothing else typed, the write cases too; none skipped', async (vendor) => {
    const { code, stdout, stderr } = await contractRuns.get(vendor)!
    const out = stdout + stderr
    expect(code, out).toBe(0)
    const [, passed, total] = /Tests\s+(\d+) passed \((\d+)\)/.exec(out) ?? []
    expect(Number(passed), out).toBeGreaterThan(10)
    expect(passed, `${vendor}: every case passed, none skipped`).toBe(total)
    expect(skippedCases(out), out).toEqual([])
    expect(out).not.toMatch(/skipped/)
  })

  it('with --base-url the write cases still need --allow-writes, and each skip reason is printed once', async () => {
    // --sandbox still gives the credentials and the admin URL; --base-url says where the vendor is.
    const { code, stdout, stderr } = await contractRuns.get('--base-url')!
    const out = stdout + stderr
    expect(code, out).toBe(0)
    const skips = skippedCases(out)
    expect(skips, out).toHaveLength(2)
    for (const line of skips) {
      const reason = /— skipped: (.*?)\s*$/.exec(line)?.[1]
      expect(reason, line).toMatch(/pass --allow-writes$/)
      expect(out.split(reason!).length - 1, `printed once: ${reason}`).toBe(1)
    }
    expect(out).not.toContain('[contract] skipped')
  })

  it('sandbox: runs with --sandbox alone (it has no credentials route), its writes, which reset the server, still asking for --allow-writes', async () => {
    const { code, stdout, stderr } = await contractRuns.get('sandbox')!
    const out = stdout + stderr
    expect(code, out).toBe(0)
    const skips = skippedCases(out)
    expect(skips.length, out).toBeGreaterThan(0)
    for (const line of skips) expect(line).toMatch(/pass (--allow-writes|TOKEN_SANDBOX_ADMIN_TOKEN)$/)
    expect(skips.some((line) => /resets to the seed/.test(line))).toBe(true)
  })
})
