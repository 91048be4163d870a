// A red-team sweep of oversized input to every surface over HTTP: huge header values, query
// strings, JSON keys, numbers, arrays and nesting depth, long methods, and the admin fields with
// length limits. Each answer must come fast, be no 500, be JSON, and quote little of the input.
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/server/server.ts'

const CC_KEY = 'test_tokensandbox_default_0001'
const BIG = 150_000

describe('oversized input, every surface', () => {
  let s: RunningServer
  let caToken: string
  const logged: unknown[] = []
  beforeAll(async () => {
    s = await startServer({ port: 0, onError: (e) => logged.push(e) })
    const r = await fetch(`${s.url}/ca/hedmoral/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_txn_id: '0b6f2b1e-3c55-4f0a-9a43-5b0e7d2c1a99', client_app_id: 'HEDMORAL_OPS', username: 'hedmoral_admin', password: 'Hedmoral-Sandbox-1' }),
    })
    caToken = (await r.json()).token
  })
  afterAll(() => s.close())

  /** Sends, then checks: no 500, a JSON body quoting at most a few KB, in under 2 s. */
  async function expectBounded(path: string, init: RequestInit, label = path): Promise<{ status: number; body: any }> {
    const started = Date.now()
    const res = await fetch(s.url + path, init)
    const text = await res.text()
    expect(res.status, `${label}: ${text.slice(0, 200)}`).toBeLessThan(500)
    expect(text.length, label).toBeLessThan(4096)
    expect(Date.now() - started, label).toBeLessThan(2000)
    return { status: res.status, body: text ? JSON.parse(text) : undefined }
  }
  const post = (body: string, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

  const huge = 'h'.repeat(BIG)
  it.each([
    ['ComplyCube Authorization', '/complycube/v1/clients', { authorization: huge }],
    ['CAF Authorization', '/caf/prod/mobile/tokens/verify', { authorization: huge, product: 'FaceAuthenticator' }],
    ['CAF product', '/caf/prod/mobile/tokens/verify', { authorization: 'x.y.z', product: huge }],
    ['CA Authorization', '/ca/hedmoral/accounts/ACC-1001/links?tenant_id=hedmoral', { authorization: huge }],
    ['CA Bearer token', '/ca/hedmoral/accounts/ACC-1001/links?tenant_id=hedmoral', { authorization: 'Bearer ' + huge }],
    ['CA_com_apiVersion', '/ca/hedmoral/accounts/ACC-1001/links?tenant_id=hedmoral', { ca_com_apiversion: huge }],
    ['admin content-type', '/__sandbox/clock/advance', { 'content-type': huge }],
    ['a 150 KB cookie', '/__sandbox/health', { cookie: huge }],
  ])('a 150 KB header value (%s) is refused briefly', async (label, path, headers) => {
    const init: RequestInit = label === 'admin content-type' ? { method: 'POST', headers, body: '{}' } : { headers }
    await expectBounded(path, init, label)
  })

  it('many headers (1,500) are read without trouble, on every Node line', async () => {
    const headers: Record<string, string> = { authorization: CC_KEY }
    for (let i = 0; i < 1500; i++) headers[`x-h${i}`] = 'v'
    expect((await expectBounded('/complycube/v1/clients', { headers })).status).toBe(200)
  })

  it('more than 2,000 headers: refused with 431, or the rest dropped (Node 20), never a hang or a 500', async () => {
    const headers: Record<string, string> = { authorization: CC_KEY }
    for (let i = 0; i < 2500; i++) headers[`x-h${i}`] = 'v'
    const status = await expectBounded('/complycube/v1/clients', { headers }).then((r) => r.status, () => 'reset')
    expect([200, 431, 'reset']).toContain(status)
  })

  it.each([
    ['/complycube/v1/clients?pageSize=' + '9'.repeat(BIG)],
    ['/complycube/v1/clients?' + 'a=1&'.repeat(30_000)],
    ['/__sandbox/requests?path=' + 'p'.repeat(BIG)],
    ['/__sandbox/requests?since=' + '9'.repeat(BIG)],
    ['/__sandbox/caf/faces?environment=' + 'e'.repeat(BIG)],
  ])('a huge query string is answered briefly: %#', async (path) => {
    await expectBounded(path, { headers: { authorization: CC_KEY } })
  })

  const bodies: [string, string][] = [
    ['a 150 KB key', `{"${'k'.repeat(BIG)}":1}`],
    ['a 100,000-digit number', `{"clientId":${'9'.repeat(100_000)}}`],
    ['1e999', '{"clientId":1e999,"by":1e999,"at":1e999}'],
    ['a 100,000-item array', `{"clientId":[${Array(100_000).fill(0).join(',')}]}`],
    ['nesting 100,000 deep', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)],
    ['arrays 100,000 deep', '['.repeat(100_000) + ']'.repeat(100_000)],
  ]
  const targets: [string, Record<string, string>][] = [
    ['/complycube/v1/clients', { authorization: CC_KEY }],
    ['/complycube/v1/tokens', { authorization: CC_KEY }],
    ['/caf/prod/mobile/faces/liveness', {}],
    ['/ca/hedmoral/token', {}],
    ['/ca/hedmoral/accounts', {}],
    ['/__sandbox/clock/advance', {}],
    ['/__sandbox/clock/freeze', {}],
    ['/__sandbox/complycube/keys', {}],
    ['/__sandbox/caf/keys', {}],
    ['/__sandbox/caf/faces', {}],
    ['/__sandbox/ca/tokens/verify', {}],
  ]
  it.each(bodies)('a body with %s is refused briefly by every JSON route', async (label, body) => {
    for (const [path, headers] of targets) {
      const h = path === '/ca/hedmoral/accounts' ? { ...headers, authorization: caToken } : headers
      await expectBounded(path, post(body, h), `${label} → ${path}`)
    }
    // The clock still answers (a body without `at` freezes it, which is fine); back to real time.
    expect((await fetch(`${s.url}/__sandbox/clock`)).status).toBe(200)
    await fetch(`${s.url}/__sandbox/clock/reset`, { method: 'POST' })
  })

  it("says 1e999 is out of range for the clock, not that 'by' is missing", async () => {
    const by = await expectBounded('/__sandbox/clock/advance', post('{"by":1e999}'))
    expect(by.status).toBe(400)
    expect(by.body.error.message).toMatch(/'by' is out of range/)
    const at = await expectBounded('/__sandbox/clock/freeze', post('{"at":1e999}'))
    expect(at.status).toBe(400)
    expect(at.body.error.message).toMatch(/'at' is out of range/)
    const digits = await expectBounded('/__sandbox/clock/advance', post(`{"by":"${'9'.repeat(400)}s"}`))
    expect(digits.body.error.message).toMatch(/out of range/)
  })

  it('limits the admin ComplyCube key name and CAF face imageUrl', async () => {
    const key = await expectBounded('/__sandbox/complycube/keys', post(JSON.stringify({ name: 'n'.repeat(201) })))
    expect(key.status).toBe(400)
    expect(key.body.error.message).toBe("'name' must be at most 200 characters long")
    expect((await expectBounded('/__sandbox/complycube/keys', post(JSON.stringify({ name: 'n'.repeat(200) })))).status).toBe(201)
    const face = await expectBounded('/__sandbox/caf/faces', post(JSON.stringify({ environment: 'prod', peopleId: '12345678909', imageUrl: 'https://x/' + 'i'.repeat(3000) })))
    expect(face.status).toBe(400)
    expect(face.body.error.message).toBe("'imageUrl' must be at most 2048 characters long")
  })

  it('quotes only a piece of a huge unknown field name', async () => {
    const r = await expectBounded('/complycube/v1/tokens', post(`{"clientId":"5eb04fcd0f3e360008035eb1","${'k'.repeat(BIG)}":1}`, { authorization: CC_KEY }))
    expect(r.body).toMatchObject({ type: 'invalid_request', param: expect.stringContaining('…[truncated ') })
  })

  it('answers a 10,000-letter method with 400 in JSON', async () => {
    const text = await new Promise<string>((resolve) => {
      let got = ''
      const socket = connect(s.port, '127.0.0.1', () => socket.write(`${'A'.repeat(10_000)} /complycube/v1/clients HTTP/1.1\r\nHost: x\r\n\r\n`))
      socket.on('data', (d) => (got += d))
      socket.on('close', () => resolve(got))
      socket.on('error', () => {})
    })
    expect(text).toMatch(/^HTTP\/1\.1 400/)
    expect(text).toContain('application/json')
  })

  it('logged nothing as an internal error', () => {
    expect(logged).toEqual([])
  })
})
