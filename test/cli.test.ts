// The command line as a user meets it: serve with no config, usage errors, decode. Each test is
// its own CLI process, independent of the others: they run concurrently.
import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SignJWT } from 'jose'

const BIN = fileURLToPath(new URL('../bin/token-sandbox.js', import.meta.url))
const CONFIG_PORT_70000 = join(mkdtempSync(join(tmpdir(), 'token-sandbox-cli-')), 'config.json')
writeFileSync(CONFIG_PORT_70000, JSON.stringify({ port: 70000 }))

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    ),
  )
}

describe.concurrent('token-sandbox serve', () => {
  it('starts with no config, prints base URLs and seeded keys, answers, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 15_000)
      child.stdout.on('data', () => {
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
        if (m && out.includes('live_tokensandbox_default_0001')) {
          clearTimeout(timer)
          resolve(m[1]!)
        }
      })
    })
    expect(out).toContain(`${url}/complycube/v1`)
    expect(out).toContain('test_tokensandbox_default_0001')
    expect(out).not.toContain('test_tokensandbox_revoked_0001')
    // The seeded ComplyCube clients, to ask tokens for.
    expect(out).toMatch(/complycube +sandbox +client +5eb04fcd0f3e360008035eb1/)
    expect(out).toMatch(/complycube +live +client +6a1b2c3d4e5f60718293a4b5/)
    const health = await fetch(`${url}/__sandbox/health`)
    expect(health.status).toBe(200)
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exit).toBe(0)
    expect(out).toContain('SIGTERM: shutting down')
  })

  it.each([
    [['serve', '--port', 'eighty'], /--port must be a port number from 0 to 65535/],
    [['serve', '--port', '99999'], /--port must be a port number from 0 to 65535 \(0 picks a free one\), got '99999'/],
    [['serve', '--port', '-1'], /--port/],
    [['serve', '--config', CONFIG_PORT_70000], /config file .*: 'port' must be a port number from 0 to 65535/],
    [['serve', '--allowed-host', 'a b'], /--allowed-host: 'a b' is not a host name/],
    [['serve', '--bogus'], /Unknown option '--bogus'/],
    [['serve', '--config', '/nonexistent/config.json'], /cannot read config file/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['token', 'nobody'], /unknown vendor 'nobody'/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const r = await run(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/)
  })

  it('prints usage with --help', async () => {
    const r = await run(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('token-sandbox serve')
  })
})

describe.concurrent('token-sandbox decode', () => {
  it('prints header, claims and dates without verifying', async () => {
    const token = await new SignJWT({ iss: 'abc' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(1_900_000_000).sign(new TextEncoder().encode('k'))
    const r = await run(['decode', token])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ header: { alg: 'HS256' }, payload: { iss: 'abc', exp: 1_900_000_000 }, dates: { exp: '2030-03-17T17:46:40.000Z' } })
  })

  it('exits cleanly on exp: 1e300 (no Date holds it), with a one-line note and the claims', async () => {
    const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url')
    const token = `${part({ alg: 'HS256' })}.${part({ iss: 'abc', exp: 1e300, iat: 1_900_000_000, nbf: -9e12 })}.c2ln`
    const r = await run(['decode', token])
    expect(r.code).toBe(0)
    expect(r.stderr.trim().split('\n')).toEqual(['token-sandbox: nbf -9000000000000 is beyond the range of a date', 'token-sandbox: exp 1e+300 is beyond the range of a date'])
    expect(JSON.parse(r.stdout).dates).toEqual({
      iat: '2030-03-17T17:46:40.000Z',
      nbf: '-9000000000000 (beyond the range of a date)',
      exp: '1e+300 (beyond the range of a date)',
    })
  })

  it('refuses something that is not a JWT', async () => {
    const r = await run(['decode', 'nope'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('not a JWT')
  })
})
