// `token-sandbox token ca` run as a real process against a server started here on 127.0.0.1.
import { execFile } from 'node:child_process'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { decodeJwt } from 'jose'
import { startServer, type RunningServer } from '../../../src/server/server.ts'
import { HEDMORAL, KVARNBY } from './support.ts'
import { SOURCE_CLI } from '../../support/cli.ts'


interface Run {
  code: number
  stdout: string
  stderr: string
}

// Asynchronous on purpose: the server answering the CLI runs in this process. From the sources,
// so a stale dist/ bundle cannot hide a change.
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const clean = { ...process.env }
  delete clean.CA_USERNAME
  delete clean.CA_PASSWORD
  return new Promise((resolve) => {
    execFile(process.execPath, [...SOURCE_CLI, ...args], { env: { ...clean, ...env }, timeout: 20_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

describe('token-sandbox token ca', () => {
  let server: RunningServer
  let base: string
  beforeAll(async () => {
    server = await startServer({ host: '127.0.0.1', port: 0, seed: 'ca-cli' })
    base = `${server.url}/ca/hedmoral`
  })
  afterAll(() => server.close())
  beforeEach(() => server.sandbox.reset())

  it('prints a token the tenant accepts, with credentials from flags', async () => {
    const r = await cli(['token', 'ca', '--base-url', base, '--username', HEDMORAL.username, '--password', HEDMORAL.password, '--client-app-id', 'HEDMORAL_OPS'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const token = r.stdout.trim()
    expect(await server.sandbox.ca.verifyToken({ token, tenant: 'hedmoral' })).toMatchObject({ accepted: true, username: HEDMORAL.username, client_app_id: 'HEDMORAL_OPS' })
  })

  it('reads the credentials from CA_USERNAME and CA_PASSWORD and sends the client_txn_id given', async () => {
    const txn = '7d1e6a38-5f0b-4c2e-8a7d-2b9c4e1f0a63'
    const r = await cli(['token', 'ca', '--base-url', `${server.url}/ca/kvarnby`, '--client-txn-id', txn, '--json'], {
      CA_USERNAME: KVARNBY.username,
      CA_PASSWORD: KVARNBY.password,
    })
    expect(r.code).toBe(0)
    const body = JSON.parse(r.stdout) as { token: string }
    expect(decodeJwt(body.token)).toMatchObject({ tenant: 'kvarnby', sub: KVARNBY.username, client_app_id: 'TOKEN_SANDBOX_CLI' })
    const entry = server.sandbox.journal.list({ vendor: 'ca', path: '/token' }).at(-1)!
    expect(entry.meta).toMatchObject({ client_txn_id: txn, client_app_id: 'TOKEN_SANDBOX_CLI' })
    expect(r.stdout + r.stderr).not.toContain(KVARNBY.password)
  })

  it("exits 1 and prints CA's error, never the password, when the credentials are wrong", async () => {
    const r = await cli(['token', 'ca', '--base-url', base, '--username', HEDMORAL.username], { CA_PASSWORD: 'Wrong-Password-123' })
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('CA answered 400')
    expect(r.stderr).toContain('unauthorized_access')
    expect(r.stderr).not.toContain('Wrong-Password-123')
  })

  it('exits 2 with a usage message when no password is given', async () => {
    const r = await cli(['token', 'ca', '--base-url', base, '--username', HEDMORAL.username])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/CA_PASSWORD/)
  })

  it('exits 3 with one line (not a usage error) when the endpoint cannot be reached', async () => {
    const r = await cli(['token', 'ca', '--base-url', 'http://127.0.0.1:1/ca/hedmoral'], { CA_USERNAME: 'u', CA_PASSWORD: 'p' })
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(/^token-sandbox: cannot reach http:\/\/127\.0\.0\.1:1\/ca\/hedmoral: .*\n$/)
  })

  it('prints its options with --help', async () => {
    const r = await cli(['token', 'ca', '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/--client-app-id/)
    expect(r.stdout).toMatch(/CA_USERNAME/)
  })
})
