// The admin API behind a token off loopback. Tests bind to 127.0.0.1 only, so the guard is
// forced on with `requireAdminToken` / `--admin-token`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { isAdminPath, isLoopback, sameToken } from '../../src/server/admin-guard.ts'
import { startServe } from '../support/serve-child.ts'

const TOKEN = 'adm1n-t0ken-for-the-tests-0123456789'
const CC_KEY = 'test_tokensandbox_default_0001'
const CC_CLIENT = '5eb04fcd0f3e360008035eb1'

describe('which hosts count as loopback', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', 'localhost', 'LOCALHOST'])('%s is loopback', (h) => {
    expect(isLoopback(h)).toBe(true)
  })
  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', '::ffff:10.0.0.1', 'example.com', '128.0.0.1', 'fe80::1'])('%s is not', (h) => {
    expect(isLoopback(h)).toBe(false)
  })
})

describe('the admin token comparison', () => {
  it('accepts the same token only', () => {
    expect(sameToken(TOKEN, TOKEN)).toBe(true)
    expect(sameToken(TOKEN.slice(0, -1) + 'X', TOKEN)).toBe(false)
    expect(sameToken(TOKEN + 'x', TOKEN)).toBe(false)
    expect(sameToken('', TOKEN)).toBe(false)
  })
  it('guards /__sandbox and everything below it, nothing else', () => {
    expect(isAdminPath('/__sandbox')).toBe(true)
    expect(isAdminPath('/__sandbox/')).toBe(true)
    expect(isAdminPath('/__sandbox/caf/keys')).toBe(true)
    expect(isAdminPath('/__sandboxed')).toBe(false)
    expect(isAdminPath('/complycube/v1/clients')).toBe(false)
  })
})

describe('a server with the admin guard on', () => {
  let running: RunningServer
  beforeAll(async () => {
    running = await startServer({ host: '127.0.0.1', port: 0, adminToken: TOKEN, requireAdminToken: true })
  })
  afterAll(() => running.close())

  it.each(['/__sandbox/health', '/__sandbox/', '/__sandbox/caf/keys', '/__sandbox/tokens', '/__sandbox/requests', '/x/../__sandbox/health'])(
    'refuses %s without the token: 401 in the sandbox error shape',
    async (path) => {
      const res = await fetch(running.url + path)
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /)
      expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.stringContaining('admin token') } })
    },
  )

  it('refuses a wrong token, and a right one in the wrong place', async () => {
    const attempts: Record<string, string>[] = [
      { authorization: 'Bearer nope' },
      { 'x-sandbox-admin-token': TOKEN.toUpperCase() },
      { authorization: TOKEN },
      { authorization: `Basic ${TOKEN}` },
    ]
    for (const headers of attempts) {
      const res = await fetch(`${running.url}/__sandbox/health`, { headers })
      expect(res.status, JSON.stringify(headers)).toBe(401)
    }
  })

  it('refuses mutations without the token, and does not carry them out', async () => {
    const before = (await (await fetch(`${running.url}/__sandbox/clock`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()).offsetMs
    const res = await fetch(`${running.url}/__sandbox/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"by":"1d"}' })
    expect(res.status).toBe(401)
    const after = (await (await fetch(`${running.url}/__sandbox/clock`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()).offsetMs
    expect(Math.abs(after - before)).toBeLessThan(5_000)
  })

  it('accepts the token as Authorization: Bearer or as x-sandbox-admin-token', async () => {
    const ways: Record<string, string>[] = [{ authorization: `Bearer ${TOKEN}` }, { authorization: `bearer  ${TOKEN} ` }, { 'x-sandbox-admin-token': TOKEN }]
    for (const headers of ways) {
      const res = await fetch(`${running.url}/__sandbox/health`, { headers })
      expect(res.status, JSON.stringify(headers)).toBe(200)
      expect((await res.json()).status).toBe('ok')
    }
    const keys = await fetch(`${running.url}/__sandbox/complycube/keys`, {
      method: 'POST',
      headers: { 'x-sandbox-admin-token': TOKEN, 'content-type': 'application/json' },
      body: '{"name":"guarded"}',
    })
    expect(keys.status).toBe(201)
  })

  it('leaves the vendor APIs alone: their own Authorization works as before', async () => {
    const res = await fetch(`${running.url}/complycube/v1/clients/${CC_CLIENT}`, { headers: { authorization: CC_KEY } })
    expect(res.status).toBe(200)
    const wrong = await fetch(`${running.url}/complycube/v1/clients/${CC_CLIENT}`, { headers: { authorization: 'test_wrong' } })
    expect(wrong.status).toBe(401)
    // ComplyCube's own error shape, not the sandbox's.
    expect(Object.keys(await wrong.json())).not.toContain('error')
  })
})

describe('guard defaults', () => {
  it('stays open on loopback when no token is given', async () => {
    const running = await startServer({ host: '127.0.0.1', port: 0 })
    expect(running.adminToken).toBeNull()
    expect((await fetch(`${running.url}/__sandbox/health`)).status).toBe(200)
    await running.close()
  })

  it('generates a token when the guard is on and none is given', async () => {
    const running = await startServer({ host: '127.0.0.1', port: 0, requireAdminToken: true })
    expect(running.adminToken).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect((await fetch(`${running.url}/__sandbox/health`)).status).toBe(401)
    expect((await fetch(`${running.url}/__sandbox/health`, { headers: { authorization: `Bearer ${running.adminToken}` } })).status).toBe(200)
    await running.close()
  })
})

describe('token-sandbox serve --admin-token', () => {
  it('turns the guard on, from the flag or TOKEN_SANDBOX_ADMIN_TOKEN, and never prints the token given', async () => {
    for (const [args, env] of [
      [['--admin-token', TOKEN], {}],
      [[], { TOKEN_SANDBOX_ADMIN_TOKEN: TOKEN }],
    ] as const) {
      const s = await startServe([...args], env)
      try {
        expect((await fetch(`${s.url}/__sandbox/health`)).status).toBe(401)
        expect((await fetch(`${s.url}/__sandbox/health`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200)
        expect(s.stdout()).toContain('needs the admin token you gave')
        expect(s.stdout() + s.stderr()).not.toContain(TOKEN)
      } finally {
        await s.kill()
      }
    }
  }, 60_000)
})
