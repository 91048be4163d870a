// serve's request log: a line per request, with what the journal knows (vendor, environment,
// refusal reason), admin requests as `sandbox`, and never a secret.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { resolveLog } from '../../src/cli/serve-options.ts'
import { formatLogEntry, redactAdminPath, type RequestLogEntry } from '../../src/server/request-log.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { startServe } from '../support/serve-child.ts'

const KEY = 'test_tokensandbox_default_0001'
const CLIENT = '5eb04fcd0f3e360008035eb1'
const JSON_CT = { 'content-type': 'application/json' }

describe('the request log of a server', () => {
  let running: RunningServer
  const entries: RequestLogEntry[] = []
  beforeAll(async () => {
    running = await startServer({ host: '127.0.0.1', port: 0, onRequest: (e) => entries.push(e) })
  })
  afterAll(() => running.close())

  const last = () => entries.at(-1)!

  it('logs a vendor request with its vendor, environment, status and time', async () => {
    await fetch(`${running.url}/complycube/v1/tokens`, { method: 'POST', headers: { authorization: KEY, ...JSON_CT }, body: JSON.stringify({ clientId: CLIENT, referrer: 'https://a.example/*' }) })
    expect(last()).toEqual({ time: expect.any(String), method: 'POST', path: '/complycube/v1/tokens', vendor: 'complycube', environment: 'sandbox', status: 200, ms: expect.any(Number) })
    expect(Date.parse(last().time)).toBeGreaterThan(Date.now() - 60_000)
  })

  it('logs the precise refusal reason the journal keeps', async () => {
    await fetch(`${running.url}/complycube/v1/clients/nope`, { headers: { authorization: 'test_tokensandbox_revoked_0001' } })
    expect(last()).toMatchObject({ status: 401, vendor: 'complycube', reason: 'API key revoked' })
  })

  it('logs admin requests as the sandbox, their refusals by the guard too, with API keys shortened', async () => {
    await fetch(`${running.url}/__sandbox/health`)
    expect(last()).toMatchObject({ method: 'GET', path: '/__sandbox/health', vendor: 'sandbox', status: 200 })
    await fetch(`${running.url}/__sandbox/reset`, { method: 'POST', headers: { origin: 'https://evil.example' } })
    expect(last()).toMatchObject({ path: '/__sandbox/reset', vendor: 'sandbox', status: 403 })
    const { key } = running.sandbox.complycube.createKey('sandbox', 'to revoke')
    await fetch(`${running.url}/__sandbox/complycube/keys/${key}/revoke`, { method: 'POST', headers: JSON_CT })
    expect(last().status).toBe(200)
    expect(last().path).not.toContain(key)
    expect(last().path).toMatch(/^\/__sandbox\/complycube\/keys\/test_\w{4}…\w{4}\/revoke$/)
  })

  it('logs paths no vendor owns, and dropped connections as status 0', async () => {
    await fetch(`${running.url}/nowhere`)
    expect(last()).toMatchObject({ path: '/nowhere', vendor: null, status: 404 })
    running.sandbox.faults.add({ vendor: 'complycube', drop: true })
    await fetch(`${running.url}/complycube/v1/clients`, { headers: { authorization: KEY } }).catch(() => null)
    expect(last()).toMatchObject({ vendor: 'complycube', status: 0, reason: expect.stringContaining('connection dropped') })
  })

  it('never carries a credential sent in a header', async () => {
    const all = JSON.stringify(entries)
    expect(all).not.toContain(KEY)
  })
})

describe('formatting', () => {
  const entry: RequestLogEntry = { time: '2030-01-01T12:34:56.789Z', method: 'POST', path: '/caf/prod/bff/session-tokens', vendor: 'caf', environment: 'prod', status: 401, ms: 1.25, reason: 'token expired\nat 12:00' }
  it('pretty: one line a request', () => {
    const line = formatLogEntry(entry, 'pretty')
    expect(line).toBe('12:34:56.789 POST   401  1.25ms  caf/prod            /caf/prod/bff/session-tokens  (token expired\\u000aat 12:00)')
    expect(formatLogEntry({ ...entry, status: 0, vendor: null, environment: null }, 'pretty')).toMatch(/ dropped .* - /)
  })
  it('json: one object a line, control characters escaped (the value kept), huge paths cut', () => {
    const line = formatLogEntry({ ...entry, path: '/x'.repeat(5_000) }, 'json')
    expect(line).not.toContain('\n')
    expect(JSON.parse(line)).toMatchObject({ method: 'POST', status: 401, reason: 'token expired\nat 12:00' })
    expect((JSON.parse(line) as { path: string }).path.length).toBeLessThanOrEqual(2_001)
  })
  it('shortens ComplyCube keys in admin paths, even percent-encoded ones', () => {
    expect(redactAdminPath('/__sandbox/complycube/keys/live_abcdefghijklmnopqrstuvwxyz/revoke')).toBe('/__sandbox/complycube/keys/live_abcd…wxyz/revoke')
    expect(redactAdminPath('/__sandbox/caf/keys/tokensandbox-prod-0001/revoke')).toBe('/__sandbox/caf/keys/tokensandbox-prod-0001/revoke')
  })
  it('chooses the format: --log, TOKEN_SANDBOX_LOG, off with --quiet, pretty on a terminal, json otherwise', () => {
    expect(resolveLog({}, {}, true)).toBe('pretty')
    expect(resolveLog({}, {}, false)).toBe('json')
    expect(resolveLog({ quiet: true }, {}, true)).toBe('off')
    expect(resolveLog({ quiet: true, log: 'json' }, {}, true)).toBe('json')
    expect(resolveLog({}, { TOKEN_SANDBOX_LOG: 'off' }, true)).toBe('off')
    expect(() => resolveLog({ log: 'xml' }, {}, true)).toThrow(/--log must be pretty, json or off, got 'xml'/)
  })
})

describe('serve --log', () => {
  it('prints a JSON line per request on stdout; --quiet prints none', async () => {
    // The two servers start together.
    const [child, quiet] = await Promise.all([startServe(['--log', 'json']), startServe(['--quiet'])])
    try {
      await fetch(`${child.url}/complycube/v1/clients`, { headers: { authorization: KEY } })
      // The line is written once the response is sent: wait for it, not a fixed time.
      await vi.waitFor(() => expect(child.stdout()).toContain('/complycube/v1/clients"'), { interval: 10 })
      const lines = child.stdout().split('\n').filter((l) => l.startsWith('{'))
      expect(lines.map((l) => JSON.parse(l) as RequestLogEntry)).toContainEqual(expect.objectContaining({ method: 'GET', path: '/complycube/v1/clients', vendor: 'complycube', status: 200 }))
      expect(child.stdout()).not.toContain(`"${KEY}"`)

      await fetch(`${quiet.url}/complycube/v1/clients`, { headers: { authorization: KEY } })
      // Stopped, all it ever wrote has been read (serve-child resolves on 'close'): none of it is a log line.
      await quiet.kill()
      expect(quiet.stdout()).not.toContain('/complycube/v1/clients"')
      expect(quiet.stdout().split('\n').filter((l) => l.startsWith('{'))).toEqual([])
    } finally {
      await Promise.all([child.kill(), quiet.kill()])
    }
  })
})
