// `--sandbox URL` on `token` and `contract`: "the token-sandbox at URL" is all a developer types.
// The seeded credentials come from the server's admin API (GET /__sandbox/<vendor>/credentials);
// an unreachable server is exit 3 with one line, not a usage error.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { startServer } from '../../src/server/server.ts'
import { contractSuites } from '../../src/contract/suites.ts'
import { SOURCE_CLI } from '../support/cli.ts'

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

  it('caf and ca: the same from TOKEN_SANDBOX_URL, nothing else typed', async () => {
    for (const vendor of ['caf', 'ca']) {
      const { code, stdout, stderr } = await cli(['token', vendor], { TOKEN_SANDBOX_URL: running.url })
      expect(code, `${vendor}: ${stderr}`).toBe(0)
      expect(stdout.trim(), vendor).toMatch(JWT)
    }
  })

  it('a flag still wins over the seeded credential', async () => {
    const { code, stderr } = await cli(['token', 'complycube', '--sandbox', running.url, '--api-key', 'test_not_a_key_of_this_sandbox', '--client-id', 'x', '--referrer', 'https://a.example.com/*'])
    expect(code).toBe(1)
    expect(stderr).toMatch(/ComplyCube answered 401/)
  })

  it('an unreachable server: exit 3, one line, no usage hint', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`
    for (const args of [['token', 'complycube', '--sandbox', url, '--client-id', 'x', '--referrer', 'p'], ['contract', 'caf', '--sandbox', url], ['token', 'complycube', '--base-url', url, '--api-key', 'k', '--client-id', 'x', '--referrer', 'p']]) {
      const { code, stdout, stderr } = await cli(args)
      expect(code, `${args.join(' ')}: ${stderr}`).toBe(3)
      expect(stdout).toBe('')
      expect(stderr.trim().split('\n'), stderr).toEqual([expect.stringMatching(new RegExp(`^token-sandbox: cannot reach ${url}`))])
    }
  })

  it('a guarded admin API: its token from TOKEN_SANDBOX_ADMIN_TOKEN; without it, one line saying so', async () => {
    const adminToken = 'sandbox-flag-admin-token-0123456789abcdef'
    const guarded = await startServer({ host: '127.0.0.1', port: 0, adminToken })
    try {
      const refused = await cli(['token', 'ca', '--sandbox', guarded.url])
      expect(refused.code).toBe(2)
      expect(refused.stderr.trim().split('\n'), refused.stderr).toEqual([`token-sandbox: ${guarded.url}'s admin API is guarded: set TOKEN_SANDBOX_ADMIN_TOKEN to its admin token`])
      const { code, stdout, stderr } = await cli(['token', 'ca', '--sandbox', guarded.url], { TOKEN_SANDBOX_ADMIN_TOKEN: adminToken })
      expect(code, stderr).toBe(0)
      expect(stdout.trim()).toMatch(JWT)
    } finally {
      await guarded.close()
    }
  })

  it('a --sandbox that is not a URL is a usage error (exit 2)', async () => {
    const { code, stderr } = await cli(['token', 'ca', '--sandbox', 'localhost:4545'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/--sandbox must be an http\(s\) URL/)
  })
})

describe('contract <vendor> --sandbox URL', () => {
  it.each(contractSuites.filter((s) => s.realBaseUrl).map((s) => s.name))('%s: every case runs with nothing else typed; none skipped for a credential', async (vendor) => {
    const { code, stdout, stderr } = await cli(['contract', vendor, '--sandbox', running.url])
    const out = stdout + stderr
    expect(code, out).toBe(0)
    expect(out).toMatch(/✓/)
    const skips = [...out.matchAll(/\[contract\] skipped "[^"]*": (.*)/g)].map((m) => m[1]!)
    // Only the write cases, which need a decision, never a credential or a URL.
    for (const reason of skips) expect(reason).toMatch(/pass --allow-writes$/)
    const flags = contractSuites.find((s) => s.name === vendor)!.credentials.map((c) => `--${c.flag}`)
    for (const flag of [...flags, '--admin-url']) expect(out).not.toContain(`pass ${flag}`)
  })
})
