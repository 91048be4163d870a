// Stubs over the simulation: a fault rule that gives the answer itself (a JSON body, bytes with a
// content type, headers), matched by method, path (contains, exact, prefix), a JSON body field or
// a header, on both transports: rules set through the admin API over HTTP and `sandbox.faults`
// in-process, for a route of each vendor. The journal names the rule that answered.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SignJWT } from 'jose'
import { request as httpRequest } from 'node:http'
import { transports, type Transport } from '../support/transports.ts'
import { cafBase, KEYS } from '../vendors/caf/support.ts'

const KEY = 'test_tokensandbox_default_0001'
const CLIENT = '5eb04fcd0f3e360008035eb1'
const CA_LOGIN = {
  client_txn_id: '0b5f3c1e-4a2d-4c7b-9e1f-2a3b4c5d6e7f',
  client_app_id: 'stub-spec',
  username: 'hedmoral_admin',
  password: 'Hedmoral-Sandbox-1',
}

describe.each(transports)('stubs over %s', (name, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start()
  })
  afterAll(() => t.close())
  beforeEach(() => t.sandbox.reset())

  /** Adds a rule the way this transport's user would: the admin API over HTTP, `sandbox.faults` in-process. */
  const addFault = async (rule: Record<string, unknown>) => {
    if (!t.adminUrl) return t.sandbox.faults.add(rule)
    const res = await fetch(`${t.adminUrl}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) })
    expect(res.status, await res.clone().text()).toBe(201)
    return (await res.json()) as { id: string }
  }
  const listFaults = async () => {
    if (!t.adminUrl) return t.sandbox.faults.list()
    return ((await (await fetch(`${t.adminUrl}/faults`)).json()) as { faults: { id: string; remaining: number; hits: number }[] }).faults
  }
  /** The journal as this transport's user reads it: the admin API over HTTP, `sandbox.journal` in-process. */
  const journal = async (query: Record<string, string>) => {
    if (!t.adminUrl) return t.sandbox.journal.list(query)
    const res = await fetch(`${t.adminUrl}/requests?${new URLSearchParams(query)}`)
    return ((await res.json()) as { requests: { status: number; fault?: string; reason?: string; path: string }[] }).requests
  }
  const tokenRequest = (body: Record<string, unknown> = { clientId: CLIENT, referrer: 'https://www.example.com/*' }, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl('complycube')}/tokens`, {
      method: 'POST',
      headers: { authorization: KEY, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
  const caToken = (body: Record<string, unknown> = CA_LOGIN) =>
    fetch(`${t.baseUrl('ca', 'hedmoral')}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const cafSessionTokens = async (headers: Record<string, string> = {}) => {
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer(KEYS.prod.clientId).setExpirationTime('5m').sign(new TextEncoder().encode(KEYS.prod.clientSecret))
    return fetch(`${cafBase(t, 'prod', 'bff')}/session-tokens`, { headers: { authorization: token, ...headers } })
  }

  it('answers a JSON stub (status 200 by default) with its headers, then the simulation again', async () => {
    const { id } = await addFault({ vendor: 'complycube', method: 'POST', path: '/tokens', pathMatch: 'exact', json: { token: 'stubbed', extra: [1, null] }, headers: { 'x-request-id': 'stub-1' } })
    const res = await tokenRequest()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('x-request-id')).toBe('stub-1')
    expect(res.headers.get('x-token-sandbox-reason')).toBe(`fault ${id}: stub answer, status 200`)
    expect(await res.json()).toEqual({ token: 'stubbed', extra: [1, null] })
    const real = await tokenRequest()
    expect(real.status).toBe(200)
    expect(real.headers.get('x-token-sandbox-reason')).toBeNull()
    expect(((await real.json()) as { token: string }).token).toMatch(/^ey/)
  })

  /**
   * A request with a header sent more than once: over HTTP as separate header lines (node:http
   * writes one per array item), in-process as Fetch sends them (Headers joins them with ", ").
   */
  const repeated = async (url: string, method: string, headers: [string, string][]): Promise<{ status: number; body: string }> => {
    if (t.name === 'msw') {
      const res = await fetch(url, { method, headers: new Headers(headers) })
      return { status: res.status, body: await res.text() }
    }
    const lines: Record<string, string[]> = {}
    for (const [name, value] of headers) (lines[name] ??= []).push(value)
    return new Promise((resolve, reject) => {
      const req = httpRequest(url, { method, headers: lines }, (res) => {
        let body = ''
        res.setEncoding('utf8').on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode!, body }))
      })
      req.on('error', reject)
      req.end()
    })
  }

  it('answers a JSON string, a number and null as JSON text', async () => {
    await addFault({ vendor: 'complycube', json: 'plain' })
    await addFault({ vendor: 'complycube', json: null, status: 503 })
    const a = await tokenRequest()
    expect(await a.text()).toBe('"plain"')
    const b = await tokenRequest()
    expect(b.status).toBe(503)
    expect(await b.text()).toBe('null')
  })

  it('answers bytes (base64) and text with their content types and statuses', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 10, 13])
    await addFault({ vendor: 'ca', path: '/token', pathMatch: 'exact', status: 502, base64: Buffer.from(bytes).toString('base64'), contentType: 'application/x-custom' })
    await addFault({ vendor: 'ca', path: '/token', pathMatch: 'exact', status: 418, text: 'Bad gateway — upstream said ünï', headers: { 'retry-after': '7' } })
    const res = await caToken()
    expect(res.status).toBe(502)
    expect(res.headers.get('content-type')).toBe('application/x-custom')
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes)
    const textRes = await caToken()
    expect(textRes.status).toBe(418)
    expect(textRes.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(textRes.headers.get('retry-after')).toBe('7')
    expect(await textRes.text()).toBe('Bad gateway — upstream said ünï')
  })

  it("adds a status-only fault's headers to the vendor's own error shape", async () => {
    const { id } = await addFault({ vendor: 'complycube', status: 429, headers: { 'Retry-After': '30' } })
    const res = await tokenRequest()
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('30')
    expect(res.headers.get('x-token-sandbox-reason')).toBe(`fault ${id}: status 429`)
    expect(await res.json()).toEqual({ type: 'rate_limit_exceeded', message: 'You have exceeded the rate limit prescribed to your plan' })
  })

  it('matches the path exactly, by prefix, or contained (the default), never the query', async () => {
    // ComplyCube's token route is /tokens below its base URL (…/v1): exact and prefix compare that.
    await addFault({ vendor: 'complycube', path: '/token', pathMatch: 'exact', json: { rule: 'exact-miss' } })
    await addFault({ vendor: 'complycube', path: '/v1/tokens', pathMatch: 'prefix', json: { rule: 'prefix-miss' } })
    await addFault({ vendor: 'complycube', path: '/tok', pathMatch: 'prefix', json: { rule: 'prefix' } })
    expect(await (await tokenRequest()).json()).toEqual({ rule: 'prefix' })
    await addFault({ vendor: 'complycube', path: '/tokens', pathMatch: 'exact', json: { rule: 'exact' } })
    const query = await fetch(`${t.baseUrl('complycube')}/tokens?x=1`, {
      method: 'POST',
      headers: { authorization: KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: CLIENT, referrer: 'https://www.example.com/*' }),
    })
    expect(await query.json()).toEqual({ rule: 'exact' })
    // `contains` keeps its old meaning: the whole path as the journal shows it.
    await addFault({ vendor: 'complycube', path: 'v1/tok', json: { rule: 'contains' } })
    expect(await (await tokenRequest()).json()).toEqual({ rule: 'contains' })
    // The two rules that never matched are still in force.
    expect((await listFaults()).map((f) => f.remaining)).toEqual([1, 1])
  })

  it('matches a JSON body field (top-level or dotted), and passes a request whose field differs', async () => {
    await addFault({ vendor: 'ca', bodyField: 'username', bodyEquals: 'hedmoral_viewer', status: 403, json: { error_code: 'custom', error_description: 'stubbed for the viewer' } })
    const miss = await caToken()
    expect(miss.status).toBe(200)
    expect((await journal({ vendor: 'ca', limit: '1' }))[0]!.fault).toBeUndefined()
    const hit = await caToken({ ...CA_LOGIN, username: 'hedmoral_viewer', password: 'Hedmoral-Viewer-1' })
    expect(hit.status).toBe(403)
    expect(await hit.json()).toEqual({ error_code: 'custom', error_description: 'stubbed for the viewer' })

    await addFault({ vendor: 'complycube', bodyField: 'options.tier', bodyEquals: 2, json: { dotted: true } })
    expect((await tokenRequest({ clientId: CLIENT, referrer: 'https://www.example.com/*', options: { tier: '2' } })).status).toBe(400) // '2' is not 2, and ComplyCube refuses the unknown field
    expect(await (await tokenRequest({ clientId: CLIENT, referrer: 'https://www.example.com/*', options: { tier: 2 } })).json()).toEqual({ dotted: true })
  })

  it('matches a header by name (any case) and exact value', async () => {
    const { id } = await addFault({ vendor: 'caf', header: 'X-Test-Case', headerEquals: 'expired', path: '/session-tokens', pathMatch: 'exact', status: 401, json: { message: 'stub: expired' } })
    const other = await cafSessionTokens({ 'x-test-case': 'Expired' })
    expect(other.status).toBe(200)
    const hit = await cafSessionTokens({ 'x-test-case': 'expired' })
    expect(hit.status).toBe(401)
    expect(await hit.json()).toEqual({ message: 'stub: expired' })
    expect(hit.headers.get('x-token-sandbox-reason')).toBe(`fault ${id}: stub answer, status 401`)
  })

  it("answers a path the sandbox does not simulate, once the vendor's credential passed", async () => {
    const { id } = await addFault({ vendor: 'complycube', method: 'GET', path: '/checks', pathMatch: 'prefix', json: { items: [] }, times: 2 })
    const checks = (key: string) => fetch(`${t.baseUrl('complycube')}/checks/abc`, { headers: { authorization: key } })
    expect((await checks('test_nope')).status).toBe(401) // the credential first, as without the rule
    const res = await checks(KEY)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ items: [] })
    expect((await journal({ vendor: 'complycube', limit: '1' }))[0]).toMatchObject({ status: 200, fault: id })
    // A rule that only delays leaves the 404 as it was.
    t.sandbox.faults.clear()
    await addFault({ vendor: 'complycube', path: '/checks', delayMs: 1 })
    expect((await checks(KEY)).status).toBe(404)
    expect((await journal({ vendor: 'complycube', limit: '1' }))[0]).toMatchObject({ status: 404, reason: 'no such route' })
  })

  it("answers HEAD as its GET: the stub's status and headers, its length, no body", async () => {
    await addFault({ vendor: 'complycube', method: 'GET', path: '/clients', pathMatch: 'exact', status: 203, json: { data: ['é'] }, headers: { 'x-stub': 'head' } })
    const res = await fetch(`${t.baseUrl('complycube')}/clients`, { method: 'HEAD', headers: { authorization: KEY } })
    expect(res.status).toBe(203)
    expect(res.headers.get('x-stub')).toBe('head')
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength('{"data":["é"]}')))
    expect(await res.text()).toBe('')
  })

  it('matches a HEAD rule on HEAD requests only, and journals them as HEAD', async () => {
    const { id } = await addFault({ vendor: 'complycube', method: 'HEAD', path: '/clients', pathMatch: 'exact', status: 418, json: { x: 1 }, times: 2 })
    const get = await fetch(`${t.baseUrl('complycube')}/clients`, { headers: { authorization: KEY } })
    expect(get.status).toBe(200)
    const head = await fetch(`${t.baseUrl('complycube')}/clients`, { method: 'HEAD', headers: { authorization: KEY } })
    expect(head.status).toBe(418)
    expect(head.headers.get('x-token-sandbox-reason')).toBe(`fault ${id}: stub answer, status 418`)
    expect((await journal({ vendor: 'complycube', limit: '1' }))[0]).toMatchObject({ method: 'HEAD', status: 418, fault: id })
    expect(await listFaults()).toEqual([expect.objectContaining({ id, remaining: 1, hits: 1 })])
  })

  it('sends every stub answer with Content-Security-Policy: sandbox and nosniff; the vendor\'s own answers as before', async () => {
    await addFault({ vendor: 'complycube', method: 'GET', path: '/clients', pathMatch: 'exact', text: 'Not found at the edge', contentType: 'text/html; charset=utf-8', status: 404, headers: { link: '</clients?page=2>; rel="next"' } })
    const stub = await fetch(`${t.baseUrl('complycube')}/clients`, { headers: { authorization: KEY } })
    expect(stub.status).toBe(404)
    expect(stub.headers.get('content-security-policy')).toBe('sandbox')
    expect(stub.headers.get('x-content-type-options')).toBe('nosniff')
    expect(stub.headers.get('link')).toBe('</clients?page=2>; rel="next"')
    expect(await stub.text()).toBe('Not found at the edge')
    // A status-only fault answers the vendor's JSON error: as the vendor sends it.
    await addFault({ vendor: 'complycube', status: 503 })
    const vendorShape = await fetch(`${t.baseUrl('complycube')}/clients`, { headers: { authorization: KEY } })
    expect(vendorShape.status).toBe(503)
    expect(vendorShape.headers.get('content-security-policy')).toBeNull()
  })

  it('matches a repeated header by its values joined with ", " (as Fetch joins them), alike on both transports', async () => {
    const { id } = await addFault({ vendor: 'complycube', method: 'GET', header: 'User-Agent', headerEquals: 'app/1, proxy/2', json: { joined: true } })
    await addFault({ vendor: 'complycube', method: 'GET', header: 'x-case', headerEquals: 'a, b', json: { other: true } })
    const url = `${t.baseUrl('complycube')}/clients`
    // user-agent is one of the headers node:http keeps only the first of; x-case it joins itself.
    const first = await repeated(url, 'GET', [['authorization', KEY], ['user-agent', 'app/1']])
    expect(first.status).toBe(200)
    expect(JSON.parse(first.body)).not.toEqual({ joined: true })
    const both = await repeated(url, 'GET', [['authorization', KEY], ['user-agent', 'app/1'], ['user-agent', 'proxy/2']])
    expect(JSON.parse(both.body)).toEqual({ joined: true })
    expect((await journal({ vendor: 'complycube', limit: '1' }))[0]).toMatchObject({ fault: id })
    const other = await repeated(url, 'GET', [['authorization', KEY], ['x-case', 'a'], ['x-case', 'b']])
    expect(JSON.parse(other.body)).toEqual({ other: true })
  })

  it('leaves how a vendor reads a repeated Authorization as it was: the first line on the server, joined in-process', async () => {
    // A fault rule on a header makes the server compute the joined view: the credential check must not read it.
    await addFault({ vendor: 'complycube', header: 'x-unrelated', headerEquals: 'never', status: 500 })
    const url = `${t.baseUrl('complycube')}/clients`
    const goodFirst = await repeated(url, 'GET', [['authorization', KEY], ['authorization', 'test_nope']])
    const badFirst = await repeated(url, 'GET', [['authorization', 'test_nope'], ['authorization', KEY]])
    if (t.name === 'server') {
      // node:http keeps the first Authorization line.
      expect([goodFirst.status, badFirst.status]).toEqual([200, 401])
    } else {
      // Fetch joins them into one value, which is no key.
      expect([goodFirst.status, badFirst.status]).toEqual([401, 401])
    }
  })

  it('counts times and hits, and is gone once used up', async () => {
    const { id } = await addFault({ vendor: 'complycube', json: { n: 1 }, times: 3 })
    await tokenRequest()
    expect(await listFaults()).toEqual([expect.objectContaining({ id, remaining: 2, hits: 1 })])
    await tokenRequest()
    await tokenRequest()
    expect(await listFaults()).toEqual([])
    expect((await tokenRequest()).headers.get('x-token-sandbox-reason')).toBeNull()
  })

  it('marks the rule that answered on the journal entry, for stubs and status-only faults, filterable by it', async () => {
    const stub = await addFault({ vendor: 'complycube', json: { ok: 1 } })
    const status = await addFault({ vendor: 'ca', status: 503 })
    await tokenRequest()
    await caToken()
    await tokenRequest()
    const [cc1, ca, cc2] = (await journal({})).slice(-3)
    expect(cc1).toMatchObject({ status: 200, fault: stub.id, reason: `fault ${stub.id}: stub answer, status 200` })
    expect(ca).toMatchObject({ status: 503, fault: status.id, reason: `fault ${status.id}: status 503` })
    expect(cc2!.fault).toBeUndefined()
    expect((await journal({ fault: stub.id })).map((e) => e.path)).toEqual([cc1!.path])
  })

  if (name === 'server') {
    it('keeps CORS on a stub answer, exposing its headers and the reason', async () => {
      // CAF's BFF is browser-facing: every origin gets CORS.
      await addFault({ vendor: 'caf', path: '/session-tokens', pathMatch: 'exact', json: { sessionToken: 'x' }, headers: { 'x-stub': 'yes' } })
      const res = await cafSessionTokens({ origin: 'https://app.example' })
      expect(res.status).toBe(200)
      expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example')
      expect(res.headers.get('access-control-expose-headers')?.split(', ')).toEqual(expect.arrayContaining(['x-stub', 'x-token-sandbox-reason']))
    })
  }
})

describe('a stub page cannot reach the admin API', () => {
  let t: Transport
  beforeAll(async () => {
    const { serverTransport } = await import('../support/transports.ts')
    t = await serverTransport()
  })
  afterAll(() => t.close())

  // `Content-Security-Policy: sandbox` gives a page the stub serves an opaque origin: what it
  // fetches carries `Origin: null` (and Sec-Fetch-Site: cross-site), which the admin guard refuses.
  it.each([
    ['GET', '/tokens', {}],
    ['POST', '/reset', { 'content-type': 'application/json' }],
    ['POST', '/faults', { 'content-type': 'application/json' }],
  ])('%s %s with Origin: null is refused with a 403', async (method, path, headers) => {
    const res = await fetch(`${t.adminUrl}${path}`, { method, headers: { origin: 'null', ...headers }, ...(method === 'POST' ? { body: '{"status":500}' } : {}) })
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: "The admin API does not answer pages on other origins (Origin 'null'); it never grants cross-origin access" } })
    expect(t.sandbox.faults.size()).toBe(0)
  })
})
