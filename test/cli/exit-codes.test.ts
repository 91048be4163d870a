// What a new user meets first: exit codes that mean one thing each (0 passed, 1 a case failed or
// the endpoint refused, 2 usage, 3 unreachable), decided before vitest starts, each in one line;
// and `<command> --help` that documents that command (that vendor's flags only) and its codes.
// The built bin in a process of its own shows each exit code as a user gets it (3, 2 with its help
// line, 1 and 0 from vitest, the usage errors, `token --help`); the other cases of a code already
// shown so are main() in this process (`inProcess`): what differs there is the check, not the process.
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../src/server/server.ts'
import { contractSuites } from '../../src/contract/suites.ts'
import { background, closedPort, runCli, type CliRun } from '../support/cli-run.ts'
import { CONTRACT_STARTS, runInProcess } from '../support/cli-in-process.ts'

const running = await startServer({ host: '127.0.0.1', port: 0 })
// Something that answers HTTP but is no token-sandbox.
const stranger: Server = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('not here'))
await new Promise<void>((r) => stranger.listen(0, '127.0.0.1', r))
const strangerUrl = `http://127.0.0.1:${(stranger.address() as { port: number }).port}`
afterAll(async () => {
  await Promise.allSettled(Object.values(vitestRuns))
  await running.close()
  await new Promise((r) => stranger.close(r))
})

const lines = (text: string) => text.trimEnd().split('\n')
/** The CLI in this process (../support/cli-in-process.ts); a `contract` that gets as far as its suite fails there. */
const inProcess = (args: string[], env: Record<string, string> = {}) => runInProcess(args, CONTRACT_STARTS, env)

// The two runs that get as far as vitest (seconds each), started now, side by side with the
// quick ones below; each test awaits its own. The live one runs on a server of its own: its
// clock cases move the server's clock and its writes add clients.
const vitestRuns = {
  stranger: background(runCli(['contract', 'complycube', '--base-url', `${strangerUrl}/v1`, '--api-key', 'test_x'])),
  live: background(
    (async () => {
      const server = await startServer({ host: '127.0.0.1', port: 0 })
      try {
        return await runCli(['contract', 'complycube', '--sandbox', server.url, '--api-key', 'live_tokensandbox_default_0001'])
      } finally {
        await server.close()
      }
    })(),
  ),
}

describe('an unreachable server: exit 3 in one line, before vitest starts', () => {
  it('contract complycube --base-url <closed port>', async () => {
    const base = `http://127.0.0.1:${await closedPort()}/complycube/v1`
    const r = await runCli(['contract', 'complycube', '--base-url', base, '--api-key', 'test_x'])
    expect(r.code, r.stderr).toBe(3)
    expect(r.stdout).toBe('')
    expect(lines(r.stderr)).toEqual([`token-sandbox: cannot reach ${base}: ECONNREFUSED`])
  })

  it("contract caf: each of the vendor's base URLs is checked (a closed BFF with a live Mobile API)", async () => {
    const bff = `http://127.0.0.1:${await closedPort()}/caf/prod/bff`
    const r = await inProcess(['contract', 'caf', '--base-url', `${running.url}/caf/prod/mobile`, '--bff-url', bff, '--client-id', 'k', '--client-secret', 's'])
    expect(r.code, r.stderr).toBe(3)
    expect(r.stdout).toBe('')
    expect(lines(r.stderr)).toEqual([`token-sandbox: cannot reach ${bff}: ECONNREFUSED`])
  })

  it('contract with a closed --admin-url', async () => {
    const admin = `http://127.0.0.1:${await closedPort()}/__sandbox`
    const r = await inProcess(['contract', 'complycube', '--base-url', `${running.url}/complycube/v1`, '--admin-url', admin, '--api-key', 'test_x'])
    expect(r.code, r.stderr).toBe(3)
    expect(lines(r.stderr)).toEqual([`token-sandbox: cannot reach ${admin}: ECONNREFUSED`])
  })

  it('token complycube --base-url <closed port>', async () => {
    const base = `http://127.0.0.1:${await closedPort()}/complycube/v1`
    const r = await runCli(['token', 'complycube', '--base-url', base, '--api-key', 'test_x', '--client-id', 'c'])
    expect(r.code, r.stderr).toBe(3)
    expect(r.stdout).toBe('')
    expect(lines(r.stderr)).toEqual([`token-sandbox: cannot reach ${base}: ECONNREFUSED`])
  })

  it('an unknown host', async () => {
    const base = 'http://no-such-host.invalid/complycube/v1'
    const r = await inProcess(['contract', 'complycube', '--base-url', base, '--api-key', 'test_x'])
    expect(r.code, r.stderr).toBe(3)
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^token-sandbox: cannot reach http:\/\/no-such-host\.invalid\/complycube\/v1: (ENOTFOUND|EAI_AGAIN)$/)])
  })

  it('any HTTP answer is reachable: a 404 from the base URL lets the suite run (and fail)', async () => {
    const r = await vitestRuns.stranger
    expect(r.code, r.stderr).toBe(1)
    expect(r.stderr).not.toMatch(/cannot reach/)
  }, 60_000)
})

describe('a key whose environment its prefix does not tell: exit 2 in one line, before vitest', () => {
  it('names --environment, and points at the command\'s own help', async () => {
    const r = await runCli(['contract', 'complycube', '--base-url', `${running.url}/complycube/v1`, '--api-key', 'x'])
    expect(r.code, r.stderr).toBe(2)
    expect(r.stdout).toBe('')
    expect(lines(r.stderr)).toEqual([
      "token-sandbox: ComplyCube contract: cannot tell the API key's environment from its prefix (test_ = sandbox, live_ = live); pass option 'environment' (--environment sandbox|live)",
      "Run 'token-sandbox contract complycube --help' for usage.",
    ])
  })

  it('--environment settles it (the run goes on to the reachability check: exit 3 on a closed port)', async () => {
    const base = `http://127.0.0.1:${await closedPort()}/v1`
    const [r, bad] = await Promise.all([
      inProcess(['contract', 'complycube', '--base-url', base, '--api-key', 'x', '--environment', 'live']),
      inProcess(['contract', 'complycube', '--base-url', base, '--api-key', 'x', '--environment', 'prod']),
    ])
    expect(r.code, r.stderr).toBe(3)
    expect(bad.code).toBe(2)
    expect(lines(bad.stderr)[0]).toBe("token-sandbox: ComplyCube contract: option 'environment' (--environment) must be sandbox or live, got 'prod'")
  })
})

describe('--sandbox URL', () => {
  it("accepts the admin URL 'serve' prints (…/__sandbox), from the flag or TOKEN_SANDBOX_URL", async () => {
    const runs = [
      [['token', 'complycube'], { TOKEN_SANDBOX_URL: `${running.url}/__sandbox` }],
      [['token', 'ca', '--sandbox', `${running.url}/__sandbox/`], {}],
    ] as const
    for (const r of await Promise.all(runs.map(([args, env]) => inProcess([...args], env)))) {
      expect(r.code, r.stderr).toBe(0)
      expect(r.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    }
  })

  it('a server that answers but is no token-sandbox: exit 2, one line saying so', async () => {
    const urls = [strangerUrl, `${running.url}/complycube/v1`]
    const [contract, ...results] = await Promise.all([inProcess(['contract', 'ca', '--sandbox', strangerUrl]), ...urls.map((url) => inProcess(['token', 'complycube', '--sandbox', url]))])
    for (const [i, r] of results.entries()) {
      const url = urls[i]!
      expect(r.code, r.stderr).toBe(2)
      expect(r.stdout).toBe('')
      expect(lines(r.stderr)).toEqual([expect.stringMatching(new RegExp(`^token-sandbox: ${url.replace(/[.]/g, '\\.')} is not a token-sandbox with complycube \\(GET /__sandbox/complycube/credentials answered (404|401)\\); --sandbox is the root 'serve' prints`))])
    }
    expect(contract.code, contract.stderr).toBe(2)
    expect(lines(contract.stderr)).toHaveLength(1)
  })
})

describe('token complycube: the seeded client follows the key\'s environment', () => {
  const claims = (token: string) => JSON.parse(Buffer.from(token.trim().split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>

  it('a live_ key gets the live environment\'s oldest client', async () => {
    const r = await inProcess(['token', 'complycube', '--sandbox', running.url, '--api-key', 'live_tokensandbox_default_0001'])
    expect(r.code, r.stderr).toBe(0)
    expect(claims(r.stdout)).toMatchObject({ clientId: '6a1b2c3d4e5f60718293a4b5', environment: 'live' })
  })

  it('contract complycube --sandbox URL with a live_ key: the live client, the sandbox key as the other; no case skipped', async () => {
    const r = await vitestRuns.live
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toMatch(/ComplyCube contract \(http:\/\/127\.0\.0\.1:\d+\/complycube\/v1, live\)/)
    expect(r.stdout).toMatch(/a client of one environment does not exist in the other/)
    expect(r.stdout).not.toMatch(/needs |skipped/)
  }, 60_000)

  it('a live environment without a client: one line saying so (exit 2)', async () => {
    const server = await startServer({ host: '127.0.0.1', port: 0 })
    try {
      const auth = { authorization: 'live_tokensandbox_default_0001' }
      const list = (await (await fetch(`${server.url}/complycube/v1/clients`, { headers: auth })).json()) as { items: { id: string }[] }
      for (const { id } of list.items) expect((await fetch(`${server.url}/complycube/v1/clients/${id}`, { method: 'DELETE', headers: auth })).status).toBe(204)
      const [r, sandbox] = await Promise.all([
        inProcess(['token', 'complycube', '--sandbox', server.url, '--api-key', 'live_tokensandbox_default_0001']),
        inProcess(['token', 'complycube', '--sandbox', server.url]),
      ])
      expect(r.code, r.stderr).toBe(2)
      expect(lines(r.stderr)).toEqual([
        `token-sandbox: --client-id is required: ${server.url} holds no client in its live environment (create one with POST ${server.url}/complycube/v1/clients)`,
      ])
      // The sandbox environment's client is still there for a test_ key.
      expect(claims(sandbox.stdout)).toMatchObject({ clientId: '5eb04fcd0f3e360008035eb1', environment: 'sandbox' })
    } finally {
      await server.close()
    }
  })
})

describe('<command> --help: that command, its flags and its exit codes', () => {
  const suites = contractSuites.filter((s) => s.credentials.length)
  // Each suite's help, all asked for (in this process) as this block begins.
  const helps = new Map<string, Promise<CliRun>>()
  beforeAll(() => {
    for (const suite of suites) helps.set(suite.name, background(inProcess(['contract', suite.name, '--help'])))
  })

  it.each(suites.map((s) => [s.name, s] as const))('contract %s --help lists its own credential flags only', async (_name, suite) => {
    const r = await helps.get(suite.name)!
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`^usage: token-sandbox contract ${suite.name} `))
    for (const c of suite.credentials) expect(r.stdout).toContain(`--${c.flag} `)
    const others = new Set(suites.filter((s) => s !== suite).flatMap((s) => s.credentials.map((c) => c.flag)))
    for (const c of suite.credentials) others.delete(c.flag)
    for (const flag of others) expect(r.stdout, `--${flag}`).not.toMatch(new RegExp(`--${flag}\\b`))
    expect(r.stdout).toMatch(/Exit codes: 0 .*\n.*2 usage error.*\n.*3 a server cannot be reached/)
    expect(r.stdout).toMatch(/--reporter NAME +default \| junit \| json \(with --compare: text \| json \| junit\)/)
  })

  it('token <vendor> --help gives its exit codes', async () => {
    const vendors = ['complycube', 'ca', 'caf']
    for (const [i, r] of (await Promise.all(vendors.map((vendor) => runCli(['token', vendor, '--help'])))).entries()) {
      const vendor = vendors[i]!
      expect(r.code).toBe(0)
      expect(r.stdout, vendor).toMatch(/Exit codes: 0 .*2 usage error.*3 /s)
    }
  })

  it("a usage error names the command's own help", async () => {
    const runs = [
      [['contract', 'caf', '--no-such-flag'], 'contract caf'],
      [['token', 'ca', '--no-such-flag'], 'token ca'],
      [['wait', '--no-such-flag'], 'wait'],
      [['serve', '--port', 'x'], 'serve'],
      [['contract', 'nobody'], 'contract'],
    ] as const
    const results = await Promise.all(runs.map(([args]) => runCli([...args])))
    for (const [i, r] of results.entries()) {
      const [args, topic] = runs[i]!
      expect(r.code, args.join(' ')).toBe(2)
      expect(lines(r.stderr).at(-1), args.join(' ')).toBe(`Run 'token-sandbox ${topic} --help' for usage.`)
    }
  })
})
