// CORS on the standalone server: CAF's BFF answers any origin (its web SDK runs on every
// customer's site); `cors` opens the other vendor routes to the origins given; the admin API
// never answers CORS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkOrigin } from '../../src/server/cors.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { startServe } from '../support/serve-child.ts'

const APP = 'http://localhost:5173'
const preflight = (url: string, origin: string, method = 'POST', headers = 'authorization, content-type') =>
  fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers } })

describe('CORS on vendor routes', () => {
  let plain: RunningServer
  let open: RunningServer
  let any: RunningServer
  beforeAll(async () => {
    ;[plain, open, any] = await Promise.all([
      startServer({ host: '127.0.0.1', port: 0 }),
      startServer({ host: '127.0.0.1', port: 0, cors: [APP] }),
      startServer({ host: '127.0.0.1', port: 0, cors: ['*'] }),
    ])
  })
  afterAll(() => Promise.all([plain.close(), open.close(), any.close()]))

  it("answers a preflight to CAF's BFF from any origin, allowing what the page asks to send", async () => {
    for (const env of ['prod', 'beta', 'dev']) {
      const res = await preflight(`${plain.url}/caf/${env}/bff/session-tokens`, 'https://shop.example', 'GET', 'authorization, x-sdk-version')
      expect(res.status).toBe(204)
      expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example')
      expect(res.headers.get('access-control-allow-methods')).toContain('GET')
      expect(res.headers.get('access-control-allow-headers')).toBe('authorization, x-sdk-version')
      expect(res.headers.get('vary')).toContain('Origin')
    }
  })

  it("adds Access-Control-Allow-Origin to the BFF's answers, refusals included", async () => {
    const res = await fetch(`${plain.url}/caf/prod/bff/session-tokens`, { headers: { origin: 'https://shop.example', authorization: 'not-a-token' } })
    expect(res.status).toBe(401)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example')
  })

  it('leaves server-to-server APIs (ComplyCube, CA, CAF Mobile API) without CORS unless asked', async () => {
    for (const path of ['/complycube/v1/tokens', '/ca/hedmoral/token', '/caf/prod/mobile/faces/liveness']) {
      const pre = await preflight(plain.url + path, APP)
      expect(pre.headers.get('access-control-allow-origin'), path).toBeNull()
      const res = await fetch(plain.url + path, { method: 'POST', headers: { origin: APP } })
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull()
    }
  })

  it('opens every vendor route to the origins in `cors`, and only to them', async () => {
    const pre = await preflight(`${open.url}/complycube/v1/tokens`, APP)
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-origin')).toBe(APP)
    const res = await fetch(`${open.url}/complycube/v1/clients`, { headers: { origin: APP, authorization: 'test_tokensandbox_default_0001' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    const other = await preflight(`${open.url}/complycube/v1/tokens`, 'http://localhost:3000')
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })

  it("opens them to any origin with '*'", async () => {
    const res = await preflight(`${any.url}/ca/hedmoral/token`, 'http://anything.test:8080')
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://anything.test:8080')
  })

  it("exposes the vendor's own response headers to the page", async () => {
    const res = await fetch(`${open.url}/complycube/v1/nothing`, { headers: { origin: APP, authorization: 'test_tokensandbox_default_0001' } })
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
  })

  it("never answers CORS on the admin API, even with cors: ['*']", async () => {
    for (const server of [plain, open, any]) {
      const pre = await preflight(`${server.url}/__sandbox/reset`, APP)
      expect(pre.status).toBe(403)
      expect(pre.headers.get('access-control-allow-origin')).toBeNull()
      const read = await fetch(`${server.url}/__sandbox/complycube/keys`, { headers: { origin: APP } })
      expect(read.status).toBe(403)
      expect(read.headers.get('access-control-allow-origin')).toBeNull()
    }
  })
})

describe('checkOrigin and serve --cors', () => {
  it('takes origins and *, refuses URLs with paths and other schemes', () => {
    expect(checkOrigin('http://localhost:5173')).toBe('http://localhost:5173')
    expect(checkOrigin('*')).toBe('*')
    for (const bad of ['localhost:5173', 'http://localhost:5173/', 'http://a.test/app', 'file:///x', 'HTTP://A.TEST', '']) expect(() => checkOrigin(bad), bad).toThrow(RangeError)
  })

  it('starts with --cors and refuses a bad origin with exit 2', async () => {
    const child = await startServe(['--quiet', '--cors', `${APP},http://127.0.0.1:3000`])
    try {
      expect((await preflight(`${child.url}/complycube/v1/tokens`, 'http://127.0.0.1:3000')).headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000')
    } finally {
      await child.kill()
    }
    await expect(startServe(['--cors', 'localhost:5173'])).rejects.toThrow(/exited \(2\)[\s\S]*--cors: 'localhost:5173' is not an origin/)
  })
})
