// The admin API (/__sandbox) refuses what a web page on another site could send it: simple
// cross-origin POSTs, DNS-rebinding reads, cross-site no-cors requests. Driven over raw HTTP
// (node:http, so Host, Origin and Sec-Fetch-* can be set freely), against every admin route.
import { request } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { adminRoutes } from '../../src/admin/routes.ts'
import { hostAllowed, mediaType } from '../../src/server/admin-origin-guard.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { startServe } from '../support/serve-child.ts'

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One request with exactly these headers (no Host is added unless given). */
function raw(url: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers, setHost: false }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (text += d))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const EVIL = 'https://evil.example'
const JSON_CT = { 'content-type': 'application/json' }

describe('the admin origin guard', () => {
  let running: RunningServer
  let host: string
  let admin: { method: string; path: string }[]
  beforeAll(async () => {
    running = await startServer({ host: '127.0.0.1', port: 0, allowedHosts: ['sandbox.test', '.team.example'] })
    host = new URL(running.url).host
    const vendors = JSON.parse((await raw(running.url, 'GET', '/__sandbox/vendors', { host })).body) as {
      vendors: { adminRoutes: { method: string; path: string }[] }[]
    }
    // Every admin route the server has: the sandbox's own and each vendor's.
    admin = [...adminRoutes.map((r) => ({ method: r.method, path: `/__sandbox${r.path === '/' ? '/' : r.path}` })), ...vendors.vendors.flatMap((v) => v.adminRoutes)]
  })
  afterAll(() => running.close())
  beforeEach(() => running.sandbox.reset())

  /** Route paths with their parameters filled in with something plausible. */
  const concrete = (path: string) => path.replace(/:[a-zA-Z]+/g, 'x1')
  const writes = () => admin.filter((r) => r.method !== 'GET')

  it('every admin route that is not a read is a POST (the content-type rule covers POST)', () => {
    expect(new Set(admin.map((r) => r.method))).toEqual(new Set(['GET', 'POST']))
  })

  it('knows the state-changing admin routes it protects', () => {
    expect(writes().map((r) => r.path)).toEqual(expect.arrayContaining(['/__sandbox/reset', '/__sandbox/clock/advance', '/__sandbox/complycube/keys', '/__sandbox/caf/keys']))
  })

  it('cross-site simple POST (text/plain, no preflight) to any state-changing admin route: 403, nothing changes', async () => {
    // All of the state but the moment it was taken (and the clock's millisecond jitter).
    const state = () => {
      const { savedAt: _, clock, ...rest } = running.sandbox.snapshot() as unknown as { savedAt: string; clock: { frozen: boolean; offsetMs: number } }
      return { ...rest, frozen: clock.frozen, moved: Math.abs(clock.offsetMs) > 1_000 }
    }
    const before = state()
    for (const r of writes()) {
      const res = await raw(running.url, r.method, concrete(r.path), { host, origin: EVIL, 'content-type': 'text/plain' }, 'x')
      expect(res.status, `${r.method} ${r.path}`).toBe(403)
      expect(JSON.parse(res.body)).toEqual({ error: { code: 'forbidden', message: expect.stringContaining("Origin 'https://evil.example'") } })
      expect(res.headers['access-control-allow-origin']).toBeUndefined()
    }
    expect(state()).toEqual(before)
  })

  it('cross-site POST that claims JSON (needs a preflight the sandbox never grants): 403 as well', async () => {
    for (const r of writes()) {
      const res = await raw(running.url, r.method, concrete(r.path), { host, origin: EVIL, ...JSON_CT }, '{}')
      expect(res.status, `${r.method} ${r.path}`).toBe(403)
    }
  })

  it('form POST with no Origin (old browsers, privacy extensions): refused for not being JSON', async () => {
    const before = running.sandbox.clock.state()
    for (const ct of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'application/jsonx']) {
      const res = await raw(running.url, 'POST', '/__sandbox/clock/advance', { host, 'content-type': ct }, 'by=61m')
      expect(res.status, ct).toBe(403)
      expect(JSON.parse(res.body).error.message).toContain('Content-Type: application/json')
    }
    // An empty form (no fields): a Content-Type and no body, still no JSON.
    const empty = await raw(running.url, 'POST', '/__sandbox/reset', { host, 'content-type': 'application/x-www-form-urlencoded', 'content-length': '0' })
    expect(empty.status).toBe(403)
    expect(running.sandbox.clock.state().offsetMs - before.offsetMs).toBeLessThan(60_000)
  })

  it('DNS rebinding: a page under its own domain name cannot read the API keys or any admin route', async () => {
    for (const r of admin) {
      for (const h of ['evil.example', `evil.example:${new URL(running.url).port}`, 'localhost.evil.example', '127.0.0.1.nip.io', 'sandbox.test.evil.example']) {
        const res = await raw(running.url, r.method, concrete(r.path), { host: h, ...JSON_CT }, r.method === 'GET' ? undefined : '{}')
        expect(res.status, `${r.method} ${r.path} Host ${h}`).toBe(403)
        expect(res.body).not.toContain('test_tokensandbox')
      }
    }
  })

  it('a Host that is not a host at all is refused', async () => {
    for (const h of ['evil.example/x', 'user@127.0.0.1', '127.0.0.1 evil', '[::1', 'a\\b']) {
      const res = await raw(running.url, 'GET', '/__sandbox/complycube/keys', { host: h })
      // Node itself may refuse some of these before the sandbox sees them; never a 200.
      expect(res.status, h).not.toBe(200)
    }
  })

  it('cross-site no-cors GET (a script or image tag, no Origin sent): refused by Sec-Fetch-Site', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const res = await raw(running.url, 'GET', '/__sandbox/complycube/keys', { host, 'sec-fetch-site': site, 'sec-fetch-mode': 'no-cors' })
      expect(res.status, site).toBe(403)
      expect(res.body).not.toContain('test_tokensandbox')
    }
  })

  it('Origin: null (a sandboxed frame, a redirect) and another port of localhost are other origins', async () => {
    const port = Number(new URL(running.url).port)
    for (const origin of ['null', `http://127.0.0.1:${port + 1}`, `http://localhost:${port}`, `https://${host}`, 'http://[::1]']) {
      const res = await raw(running.url, 'GET', '/__sandbox/health', { host, origin })
      expect(res.status, origin).toBe(403)
    }
  })

  it('CORS preflight from another site gets no grant', async () => {
    const res = await raw(running.url, 'OPTIONS', '/__sandbox/reset', { host, origin: EVIL, 'access-control-request-method': 'POST' })
    expect(res.status).toBe(403)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('answers curl and the CLI (no Origin, JSON), on 127.0.0.1, localhost and allowed hosts', async () => {
    const port = new URL(running.url).port
    for (const h of [host, `localhost:${port}`, `LOCALHOST:${port}`, `app.localhost:${port}`, `sandbox.test:${port}`, 'team.example', 'ci.team.example', `[::1]:${port}`, '10.1.2.3']) {
      const res = await raw(running.url, 'GET', '/__sandbox/health', { host: h })
      expect(res.status, h).toBe(200)
    }
    const reset = await raw(running.url, 'POST', '/__sandbox/reset', { host, 'content-type': 'application/json; charset=utf-8' })
    expect(reset.status).toBe(200)
  })

  it('answers the dashboard: its own origin, same-origin fetches', async () => {
    const res = await raw(
      running.url,
      'POST',
      '/__sandbox/clock/advance',
      { host, origin: running.url, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', ...JSON_CT },
      JSON.stringify({ by: '1m' }),
    )
    expect(res.status).toBe(200)
  })

  it('lets a link on another site open the dashboard page (a navigation shows it to the user, not the site)', async () => {
    const res = await raw(running.url, 'GET', '/__sandbox/', { host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
    const post = await raw(running.url, 'POST', '/__sandbox/reset', { host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', ...JSON_CT })
    expect(post.status).toBe(403)
  })

  it('leaves vendor routes alone (their cross-origin behaviour is the vendor\'s)', async () => {
    const res = await raw(
      running.url,
      'POST',
      '/complycube/v1/tokens',
      { host: 'evil.example', origin: EVIL, authorization: 'test_tokensandbox_default_0001', ...JSON_CT },
      JSON.stringify({ clientId: '5eb04fcd0f3e360008035eb1', referrer: 'https://www.example.com/*' }),
    )
    expect(res.status).not.toBe(403)
    expect(JSON.parse(res.body)).toHaveProperty('token')
  })
})

describe('hostAllowed and mediaType', () => {
  it('takes IP addresses, localhost and allowed names only', () => {
    expect(hostAllowed(undefined)).toBe(true)
    for (const h of ['127.0.0.1:1', '[::1]:2', '192.168.0.9', 'localhost', 'a.b.localhost:3']) expect(hostAllowed(h), h).toBe(true)
    for (const h of ['', 'localhost.', 'example.com', 'localhost.example.com', 'xlocalhost']) expect(hostAllowed(h), h).toBe(false)
    expect(hostAllowed('Box.Example:80', ['box.example'])).toBe(true)
    expect(hostAllowed('deep.a.example', ['.a.example'])).toBe(true)
    expect(hostAllowed('a.example', ['.a.example'])).toBe(true)
    expect(hostAllowed('ba.example', ['.a.example'])).toBe(false)
    expect(hostAllowed('anything.example', ['*'])).toBe(true)
  })
  it('reads the media type without parameters', () => {
    expect(mediaType('Application/JSON ; charset=utf-8')).toBe('application/json')
    expect(mediaType(undefined)).toBe('')
  })
})

describe('serve --allowed-host', () => {
  it('adds a host name the admin API answers', async () => {
    const child = await startServe(['--allowed-host', 'sandbox.test,.ci.example', '--quiet'])
    try {
      expect((await raw(child.url, 'GET', '/__sandbox/health', { host: 'sandbox.test' })).status).toBe(200)
      expect((await raw(child.url, 'GET', '/__sandbox/health', { host: 'runner.ci.example' })).status).toBe(200)
      expect((await raw(child.url, 'GET', '/__sandbox/health', { host: 'evil.example' })).status).toBe(403)
    } finally {
      await child.kill()
    }
  })
  it('refuses a value that is not a host name, with exit 2 and one line', async () => {
    const child = startServe(['--allowed-host', 'http://x.example/'])
    await expect(child).rejects.toThrow(/exited \(2\)[\s\S]*--allowed-host: 'http:\/\/x\.example\/' is not a host name/)
  })
})
