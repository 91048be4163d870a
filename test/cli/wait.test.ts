// token-sandbox wait: CI's readiness signal. It polls /__sandbox/health until the server answers,
// exits 1 when none does in time (or one refuses for good), and reads a guarded server's token as
// serve does.
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { healthUrl, waitCommand } from '../../src/cli/wait.ts'
import { UsageError } from '../../src/cli/usage.ts'
import { main } from '../../src/cli.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { SOURCE_CLI } from '../support/cli.ts'

const TOKEN = 'wait-test-admin-token-0001'
const running: RunningServer[] = []
const others: Server[] = []

afterEach(async () => {
  vi.restoreAllMocks()
  await Promise.all(running.splice(0).map((s) => s.close()))
  await Promise.all(others.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
})

/** A port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** Runs `run` in-process; its exit code and what it printed. */
async function captured(run: () => Promise<number>) {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')))
  const started = Date.now()
  try {
    const code = await run()
    return { code, out: out.join('\n'), err: err.join('\n'), ms: Date.now() - started }
  } finally {
    vi.restoreAllMocks()
  }
}
const wait = (args: string[], env: Record<string, string> = {}) => captured(() => waitCommand(args, env))
/** The whole CLI in-process, as bin/token-sandbox.js runs it (usage errors become exit 2). */
const cli = (argv: string[]) => captured(() => main(argv))

describe('token-sandbox wait', () => {
  it('waits for a server that starts later, then exits 0', async () => {
    const port = await freePort()
    const waiting = wait([`http://127.0.0.1:${port}`, '--timeout', '20', '--interval', '50'])
    await new Promise((resolve) => setTimeout(resolve, 400))
    running.push(await startServer({ port }))
    const result = await waiting
    expect(result.code).toBe(0)
    expect(result.out).toMatch(new RegExp(`^token-sandbox is ready at http://127\\.0\\.0\\.1:${port} \\(\\d+\\.\\d s\\)$`))
    expect(result.ms).toBeGreaterThanOrEqual(400)
  })

  it('exits 1 when nothing answers within --timeout, naming the last failure', async () => {
    const port = await freePort()
    const result = await wait([`http://127.0.0.1:${port}/`, '--timeout', '0.6'])
    expect(result.code).toBe(1)
    expect(result.err).toContain(`http://127.0.0.1:${port}/__sandbox/health is not ready after`)
    expect(result.err).toContain('ECONNREFUSED')
    expect(result.ms).toBeGreaterThanOrEqual(550)
    expect(result.ms).toBeLessThan(10_000)
  })

  it('keeps waiting through answers that are not the sandbox\'s, and says so at the end', async () => {
    const other = createServer((_req, res) => res.writeHead(404).end('not here'))
    others.push(other)
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    const { port } = other.address() as { port: number }
    const result = await wait([`http://127.0.0.1:${port}`, '--timeout', '0.5'])
    expect(result.code).toBe(1)
    expect(result.err).toContain('HTTP 404 (not a token-sandbox answer)')
  })

  it('takes the port from TOKEN_SANDBOX_PORT or PORT when no URL is given, as serve does', async () => {
    const server = await startServer({ port: 0 })
    running.push(server)
    expect((await wait(['--quiet'], { TOKEN_SANDBOX_PORT: String(server.port) })).code).toBe(0)
    const viaPort = await wait([], { PORT: String(server.port) })
    expect(viaPort.code).toBe(0)
    expect(viaPort.out).toContain(`ready at http://127.0.0.1:${server.port}`)
  })

  it('takes TOKEN_SANDBOX_URL (the --sandbox of token and contract) before the port variables', async () => {
    const server = await startServer({ port: 0 })
    running.push(server)
    const result = await wait(['--timeout', '2'], { TOKEN_SANDBOX_URL: server.url, TOKEN_SANDBOX_PORT: '1' })
    expect(result.code).toBe(0)
    expect(result.out).toContain(`ready at http://127.0.0.1:${server.port}`)
  })

  describe('a guarded server (an admin token, as off loopback)', () => {
    it('reads health with the token from --admin-token, TOKEN_SANDBOX_ADMIN_TOKEN or its file', async () => {
      const server = await startServer({ port: 0, adminToken: TOKEN })
      running.push(server)
      const secret = join(mkdtempSync(join(tmpdir(), 'token-sandbox-wait-')), 'token')
      writeFileSync(secret, `${TOKEN}\n`)
      for (const [args, env] of [
        [['--admin-token', TOKEN], {}],
        [[], { TOKEN_SANDBOX_ADMIN_TOKEN: TOKEN }],
        [[], { TOKEN_SANDBOX_ADMIN_TOKEN_FILE: secret }],
      ] as const) {
        const result = await wait([server.url, ...args], env)
        expect(result.code, JSON.stringify(env)).toBe(0)
        expect(result.out).not.toContain('guarded')
      }
    })

    it('counts the guard\'s 401 as ready when no token is given (a container health check before the token is known)', async () => {
      const server = await startServer({ port: 0, adminToken: TOKEN })
      running.push(server)
      const result = await wait([server.url])
      expect(result.code).toBe(0)
      expect(result.out).toContain('the admin API is guarded, so health was not read')
    })

    it('exits 1 at once on a wrong token, without waiting out the timeout', async () => {
      const server = await startServer({ port: 0, adminToken: TOKEN })
      running.push(server)
      const result = await wait([server.url, '--timeout', '30', '--admin-token', 'a-wrong-token-of-length'])
      expect(result.code).toBe(1)
      expect(result.err).toContain('the admin token is wrong (401)')
      expect(result.ms).toBeLessThan(10_000)
    })
  })

  it('finds the health route from the root, the admin URL or the health URL itself', () => {
    for (const input of ['http://127.0.0.1:4545', 'http://127.0.0.1:4545/', 'http://127.0.0.1:4545/__sandbox', 'http://127.0.0.1:4545/__sandbox/health?x=1']) {
      expect(healthUrl(input).href, input).toBe('http://127.0.0.1:4545/__sandbox/health')
    }
    expect(healthUrl('https://sandbox.test/behind/a/proxy/').href).toBe('https://sandbox.test/behind/a/proxy/__sandbox/health')
    expect(() => healthUrl('127.0.0.1:4545')).toThrow(UsageError)
    expect(() => healthUrl('ftp://127.0.0.1/')).toThrow(/not an http\(s\) URL/)
  })

  it('as a command: exit 0 when ready, 1 when not', async () => {
    const server = await startServer({ port: 0 })
    running.push(server)
    // Not spawnSync: the server answering lives in this process's event loop.
    const run = (...args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [...SOURCE_CLI, 'wait', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
        let stdout = ''
        let stderr = ''
        child.stdout.on('data', (d) => (stdout += d))
        child.stderr.on('data', (d) => (stderr += d))
        child.on('close', (status) => resolve({ status, stdout, stderr }))
      })
    const [ready, none] = await Promise.all([run(server.url, '--timeout', '30'), run(`http://127.0.0.1:${await freePort()}`, '--timeout', '0.3')])
    expect(ready.status, ready.stderr).toBe(0)
    expect(ready.stdout).toContain(`token-sandbox is ready at ${server.url}`)
    expect(none.status).toBe(1)
    expect(none.stderr).toContain('is not ready after')
  }, 60_000)

  it('exits 2 on a usage error; --help lists its options', async () => {
    const bads = [['localhost:4545'], ['--timeout', 'soon'], ['--timeout', '0'], ['--interval', '0.5'], ['a', 'b'], ['--wat']]
    for (const bad of bads) {
      const r = await cli(['wait', ...bad])
      expect(r.code, bad.join(' ')).toBe(2)
      expect(r.err).toContain("Run 'token-sandbox wait --help' for usage.")
    }
    const help = await cli(['wait', '--help'])
    expect(help.code).toBe(0)
    for (const option of ['--timeout S', '--interval MS', '--admin-token T', 'TOKEN_SANDBOX_ADMIN_TOKEN_FILE', 'Exit codes']) expect(help.out).toContain(option)
    expect((await cli(['--help'])).out).toContain('token-sandbox wait [URL]')
  })
})
