// `curl -X POST http://127.0.0.1:4545/__sandbox/reset` works: a bodyless POST from a client
// that is no browser (no Origin, no Sec-Fetch-*, no Content-Type) cannot be a cross-site
// request, so the admin API takes it without `Content-Type: application/json`, as WireMock's
// `POST /__admin/reset` does. Every request a browser could send keeps the guard's checks.
// Sent as raw bytes over node:net, exactly as curl writes them, to every admin POST route.
import { connect } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { adminRoutes } from '../../src/admin/routes.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'

interface Answer {
  status: number
  body: string
}

/** One request written as given (`head` lines without the request line), read until its answer is complete. */
function rawRequest(port: number, requestLine: string, head: string[], body = ''): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let data = Buffer.alloc(0)
    socket.on('data', (d) => {
      data = Buffer.concat([data, d])
      const text = data.toString('latin1')
      const end = text.indexOf('\r\n\r\n')
      if (end < 0) return
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(text.slice(0, end))?.[1] ?? 0)
      if (data.length < end + 4 + length) return
      socket.destroy()
      resolve({ status: Number(text.slice(9, 12)), body: data.subarray(end + 4, end + 4 + length).toString('utf8') })
    })
    socket.on('error', reject)
    socket.write(`${requestLine}\r\n${head.join('\r\n')}\r\n\r\n${body}`)
  })
}

/** Every admin POST route (the sandbox's own and each vendor's), with whether it takes no body. */
const posts = [
  ...adminRoutes.map((r) => ({ ...r, path: `/__sandbox${r.path}` })),
  ...Object.values(vendorDefinitions).flatMap((v) => v.adminRoutes.map((r) => ({ ...r, path: `/__sandbox/${v.name}${r.path}` }))),
]
  .filter((r) => r.method === 'POST')
  .map((r) => ({ path: r.path, bodyless: r.body === 'none' }))
const bodyless = posts.filter((r) => r.bodyless)
/** Parameters filled in with something no route knows: the answer is then the route's own 404. */
const concrete = (path: string) => path.replace(/:[a-zA-Z]+/g, 'x1')

describe('a bodyless POST from a client that is no browser', () => {
  let running: RunningServer
  let host = ''
  beforeAll(async () => {
    running = await startServer({ host: '127.0.0.1', port: 0 })
    host = `127.0.0.1:${running.port}`
  })
  afterAll(() => running.close())
  beforeEach(() => running.sandbox.reset())

  // What curl 8 writes for `curl -X POST URL`, and the same with an explicit empty length (HTTPie, most HTTP libraries).
  const curl = (path: string, extra: string[] = []) =>
    rawRequest(running.port, `POST ${path} HTTP/1.1`, [`Host: ${host}`, 'User-Agent: curl/8.5.0', 'Accept: */*', ...extra])

  it('knows the bodyless admin POST routes (reset, the clock, faults, key revocations)', () => {
    expect(bodyless.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/__sandbox/reset', '/__sandbox/clock/unfreeze', '/__sandbox/clock/reset', '/__sandbox/faults/clear', '/__sandbox/faults/:id/remove', '/__sandbox/complycube/keys/:key/revoke', '/__sandbox/caf/keys/:clientId/revoke']),
    )
  })

  it('curl -X POST …/__sandbox/reset resets the sandbox', async () => {
    running.sandbox.clock.advance(3_600_000)
    const res = await curl('/__sandbox/reset')
    expect(res.status, res.body).toBe(200)
    expect(JSON.parse(res.body)).toHaveProperty('vendors')
    expect(Math.abs(running.sandbox.clock.state().offsetMs)).toBeLessThan(1_000)
  })

  it.each(bodyless)('curl -X POST $path is answered by the route, never refused by the guard', async ({ path }) => {
    for (const extra of [[], ['Content-Length: 0']]) {
      const res = await curl(concrete(path), extra)
      // The route's own answer: done, or its 404 for the made-up id.
      expect([200, 201, 204, 404], `${path} ${extra.join()}: ${res.body}`).toContain(res.status)
      if (res.status === 404) expect(JSON.parse(res.body).error.code).not.toBe('forbidden')
    }
  })

  it('revokes a real key and clears real faults with curl -X POST', async () => {
    running.sandbox.faults.add({ vendor: 'complycube', status: 503 })
    expect((await curl('/__sandbox/faults/clear')).status).toBe(200)
    expect(running.sandbox.faults.size()).toBe(0)
    const revoked = await curl('/__sandbox/complycube/keys/test_tokensandbox_default_0001/revoke')
    expect(revoked.status, revoked.body).toBe(200)
    const keys = JSON.parse((await rawRequest(running.port, 'GET /__sandbox/complycube/keys HTTP/1.1', [`Host: ${host}`])).body) as { keys: { key: string; revoked: boolean }[] }
    expect(keys.keys.find((k) => k.key === 'test_tokensandbox_default_0001')?.revoked).toBe(true)
  })

  it.each(posts.filter((r) => !r.bodyless))('curl -X POST $path (a route that wants a body) gets the route’s answer, not the guard’s 403', async ({ path }) => {
    const res = await curl(concrete(path))
    expect(res.status, res.body).not.toBe(403)
  })

  describe('anything a browser could send keeps every check', () => {
    const BROWSER_HEADS: [string, string[], RegExp][] = [
      ['Origin of another site', ['Origin: https://evil.example'], /Origin 'https:\/\/evil\.example'/],
      ['Origin null', ['Origin: null'], /Origin 'null'/],
      ['Sec-Fetch-Site: cross-site', ['Sec-Fetch-Site: cross-site', 'Sec-Fetch-Mode: no-cors', 'Sec-Fetch-Dest: empty'], /Sec-Fetch-Site: cross-site/],
      ['Sec-Fetch-Site: same-site', ['Sec-Fetch-Site: same-site', 'Sec-Fetch-Mode: cors'], /Sec-Fetch-Site: same-site/],
      // Its own origin, or a same-origin fetch, still needs the JSON content type (today's rule).
      ['its own Origin, no Content-Type', ['ORIGIN'], /Content-Type: application\/json/],
      ['Sec-Fetch-Site: same-origin, no Origin', ['Sec-Fetch-Site: same-origin', 'Sec-Fetch-Mode: cors'], /Content-Type: application\/json/],
      ['Sec-Fetch-Mode alone (as Node’s fetch sends it)', ['Sec-Fetch-Mode: cors', 'Content-Length: 0'], /Content-Type: application\/json/],
      // An empty form from a browser that sends no Origin: a Content-Type, no body.
      ['an empty form, no Origin', ['Content-Type: application/x-www-form-urlencoded', 'Content-Length: 0'], /Content-Type: application\/json/],
      ['an empty text/plain POST, no Origin', ['Content-Type: text/plain', 'Content-Length: 0'], /Content-Type: application\/json/],
    ]

      /** All of the state but the moment it was taken and the clock's running milliseconds. */
    const state = () => {
      const { savedAt: _, clock, ...rest } = running.sandbox.snapshot() as unknown as { savedAt: string; clock: { frozen: boolean; offsetMs: number } }
      return { ...rest, frozen: clock.frozen, offsetMinutes: Math.round(clock.offsetMs / 60_000) }
    }

    it.each(BROWSER_HEADS)('a bodyless POST with %s is refused on every bodyless route, and nothing changes', async (_name, head, message) => {
      running.sandbox.clock.advance(3_600_000)
      running.sandbox.faults.add({ vendor: 'complycube', status: 503 })
      const before = state()
      const lines = head.map((l) => (l === 'ORIGIN' ? `Origin: ${running.url}` : l))
      for (const { path } of bodyless) {
        const res = await curl(concrete(path), lines)
        expect(res.status, `${path}: ${res.body}`).toBe(403)
        expect(JSON.parse(res.body).error).toEqual({ code: 'forbidden', message: expect.stringMatching(message) })
      }
      expect(state()).toEqual(before)
      expect(running.sandbox.faults.size()).toBe(1)
    })

    it('a POST with a body and no Content-Type (not bodyless) is refused', async () => {
      const res = await rawRequest(running.port, 'POST /__sandbox/clock/advance HTTP/1.1', [`Host: ${host}`, 'Content-Length: 12'], '{"by":"61m"}')
      expect(res.status).toBe(403)
      expect(JSON.parse(res.body).error.message).toContain('Content-Type: application/json')
    })

    it('a bodyless POST with a Host that is not this machine (DNS rebinding) is refused', async () => {
      const res = await rawRequest(running.port, 'POST /__sandbox/reset HTTP/1.1', ['Host: evil.example', 'User-Agent: curl/8.5.0', 'Accept: */*'])
      expect(res.status).toBe(403)
    })
  })
})

describe('a bodyless POST when the admin token is required', () => {
  it('still needs the token: 401 without it, 200 with it', async () => {
    const running = await startServer({ host: '127.0.0.1', port: 0, adminToken: 'a-long-admin-token-for-this-test' })
    try {
      const head = [`Host: 127.0.0.1:${running.port}`, 'User-Agent: curl/8.5.0', 'Accept: */*']
      expect((await rawRequest(running.port, 'POST /__sandbox/reset HTTP/1.1', head)).status).toBe(401)
      const ok = await rawRequest(running.port, 'POST /__sandbox/reset HTTP/1.1', [...head, 'Authorization: Bearer a-long-admin-token-for-this-test'])
      expect(ok.status).toBe(200)
    } finally {
      await running.close()
    }
  })
})
