// The standalone server's own duties: limits, timeouts, malformed HTTP, unknown paths, the
// admin surface over HTTP, and a clean close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawExchange } from '../support/raw-http.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'

describe('the standalone server', () => {
  let s: RunningServer
  beforeAll(async () => {
    s = await startServer({ port: 0, bodyLimit: 1024, headersTimeoutMs: 400 })
  })
  afterAll(() => s.close())

  it('binds to 127.0.0.1 by default and lists each vendor base URL', () => {
    expect(s.host).toBe('127.0.0.1')
    expect(s.baseUrls()).toContainEqual({ vendor: 'complycube', environment: null, url: `${s.url}/complycube/v1` })
  })

  it('refuses a declared oversized body with the vendor 413 before reading it, and closes the connection', async () => {
    const started = Date.now()
    const { text, closed } = await rawExchange(
      s.port,
      'POST /complycube/v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: test_tokensandbox_default_0001\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n{"a":',
    )
    expect(text).toMatch(/^HTTP\/1\.1 413/)
    expect(text).toContain('"type":"invalid_request"')
    expect(closed).toBe(true)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('stops reading a chunked body once it passes the limit', async () => {
    const chunk = 'x'.repeat(800)
    const payload =
      'POST /complycube/v1/clients HTTP/1.1\r\nHost: x\r\nAuthorization: test_tokensandbox_default_0001\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n' +
      `${(800).toString(16)}\r\n${chunk}\r\n`.repeat(3)
    const { text, closed } = await rawExchange(s.port, payload)
    expect(text).toMatch(/^HTTP\/1\.1 413/)
    expect(closed).toBe(true)
  })

  it('answers a malformed request line with 400 and hangs up', async () => {
    const { text, closed } = await rawExchange(s.port, 'BLAH\r\n\r\n')
    expect(text).toMatch(/^HTTP\/1\.1 400/)
    expect(closed).toBe(true)
  })

  it('drops a client that trickles its headers (slow loris)', async () => {
    const { closed, text } = await rawExchange(s.port, 'GET /__sandbox/health HTTP/1.1\r\nHost: x\r\n', { waitMs: 4000 })
    expect(closed).toBe(true)
    expect(text).toMatch(/^HTTP\/1\.1 408/)
  })

  it('answers an unknown path outside every vendor in the sandbox error shape', async () => {
    const res = await fetch(`${s.url}/nowhere`)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } })
  })

  describe('the admin surface over HTTP', () => {
    const admin = (path: string, init?: RequestInit) => fetch(`${s.url}/__sandbox${path}`, init)
    const post = (path: string, body?: unknown) =>
      admin(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })

    it('reports health', async () => {
      const res = await admin('/health')
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ status: 'ok', vendors: expect.arrayContaining(['complycube']), journal: { capacity: 1000 } })
    })

    it('freezes, advances and unfreezes the clock', async () => {
      const frozen = await (await post('/clock/freeze', { at: '2030-05-01T10:00:00Z' })).json()
      expect(frozen).toMatchObject({ now: '2030-05-01T10:00:00.000Z', frozen: true })
      const advanced = await (await post('/clock/advance', { by: '61m' })).json()
      expect(advanced.now).toBe('2030-05-01T11:01:00.000Z')
      expect((await (await admin('/clock')).json()).now).toBe('2030-05-01T11:01:00.000Z')
      const running = await (await post('/clock/unfreeze')).json()
      expect(running.frozen).toBe(false)
      await post('/clock/reset')
    })

    it('filters the journal', async () => {
      await fetch(`${s.url}/complycube/v1/clients`, { headers: { authorization: 'test_nope' } })
      const res = await admin('/requests?vendor=complycube&status=401&limit=1')
      const { requests } = await res.json()
      expect(requests).toHaveLength(1)
      expect(requests[0]).toMatchObject({ vendor: 'complycube', status: 401, method: 'GET', path: '/complycube/v1/clients', reason: 'unknown API key' })
    })

    it.each([
      ['/clock/advance', { by: 'soon' }],
      ['/clock/advance', {}],
      ['/clock/freeze', { at: 'yesterday' }],
      ['/clock/freeze', [1]],
      ['/complycube/tokens/verify', {}],
      ['/complycube/tokens/verify', { token: 5 }],
      ['/complycube/keys', { environment: 'prod' }],
    ])('answers bad input to %s %j with 400 in the sandbox error shape', async (path, body) => {
      const res = await post(path, body)
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request', message: expect.any(String) } })
    })

    it('answers malformed JSON, a wrong method and a bad query in the sandbox error shape', async () => {
      const bad = await admin('/clock/advance', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })
      expect(bad.status).toBe(400)
      expect((await bad.json()).error.code).toBe('malformed_json')
      const wrong = await admin('/health', { method: 'DELETE' })
      expect(wrong.status).toBe(405)
      const query = await admin('/requests?limit=lots')
      expect(query.status).toBe(400)
    })

    it('creates and revokes ComplyCube keys', async () => {
      const created = await (await post('/complycube/keys', { environment: 'live', name: 'ci' })).json()
      expect(created.key).toMatch(/^live_/)
      const use = () => fetch(`${s.url}/complycube/v1/clients`, { headers: { authorization: created.key } })
      expect((await use()).status).toBe(200)
      expect((await post(`/complycube/keys/${created.key}/revoke`)).status).toBe(200)
      expect((await use()).status).toBe(401)
      expect((await post('/complycube/keys/live_unknown/revoke')).status).toBe(404)
    })

    it('resets the seed: clients created since are gone', async () => {
      const key = 'test_tokensandbox_default_0001'
      const created = await fetch(`${s.url}/complycube/v1/clients`, {
        method: 'POST',
        headers: { authorization: key, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'company', email: 'a@b.co', companyDetails: { name: 'X' } }),
      })
      const { id } = await created.json()
      await post('/reset')
      expect((await fetch(`${s.url}/complycube/v1/clients/${id}`, { headers: { authorization: key } })).status).toBe(404)
      expect((await admin('/health').then((r) => r.json())).journal.size).toBe(1)
    })
  })
})

describe('closing the server', () => {
  it('finishes in-flight keep-alive connections and resolves', async () => {
    const s = await startServer({ port: 0 })
    const res = await fetch(`${s.url}/__sandbox/health`)
    expect(res.status).toBe(200)
    const started = Date.now()
    await s.close()
    expect(Date.now() - started).toBeLessThan(2500)
    await expect(fetch(`${s.url}/__sandbox/health`)).rejects.toThrow()
  })
})

describe('the admin clock out of range', () => {
  it('answers 400, not 500, to an advance past what a Date can hold (found by the fuzzer)', async () => {
    const s = await startServer({ port: 0 })
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${s.url}/__sandbox${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      expect((await post('/clock/advance', { by: 9_999_999_999_999 })).status).toBe(400)
      expect((await post('/clock/freeze', { at: 9e15 })).status).toBe(400)
      expect((await fetch(`${s.url}/__sandbox/clock`)).status).toBe(200)
    } finally {
      await s.close()
    }
  })
})
