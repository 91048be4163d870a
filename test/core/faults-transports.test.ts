// Injected faults as an integrator's retry and timeout code meets them, on both transports:
// the vendor's own error shape for the status, a delay, a dropped connection; listed, used up,
// cleared by reset, noted in the journal. Over HTTP they are set through the admin API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SignJWT } from 'jose'
import { transports, type Transport } from '../support/transports.ts'
import { cafBase, KEYS } from '../vendors/caf/support.ts'

const KEY = 'test_tokensandbox_default_0001'
const CLIENT = '5eb04fcd0f3e360008035eb1'

describe.each(transports)('injected faults over %s', (name, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start()
  })
  afterAll(() => t.close())
  beforeEach(() => t.sandbox.reset())

  /** Adds a fault the way this transport's user would: the admin API over HTTP, `sandbox.faults` in-process. */
  const addFault = async (rule: Record<string, unknown>) => {
    if (!t.adminUrl) return t.sandbox.faults.add(rule)
    const res = await fetch(`${t.adminUrl}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) })
    expect(res.status).toBe(201)
    return (await res.json()) as { id: string }
  }
  const listFaults = async () => {
    if (!t.adminUrl) return t.sandbox.faults.list()
    return ((await (await fetch(`${t.adminUrl}/faults`)).json()) as { faults: { id: string; remaining: number }[] }).faults
  }
  const tokenRequest = () =>
    fetch(`${t.baseUrl('complycube')}/tokens`, {
      method: 'POST',
      headers: { authorization: KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: CLIENT, referrer: 'https://www.example.com/*' }),
    })

  it('answers the next N matching requests with the status in the vendor’s shape, then as usual', async () => {
    await addFault({ vendor: 'complycube', method: 'POST', path: '/tokens', status: 503, times: 2 })
    for (let i = 0; i < 2; i++) {
      const res = await tokenRequest()
      expect(res.status).toBe(503)
      expect(await res.json()).toEqual({ type: 'internal_server_error', message: expect.stringContaining('try your request again') })
    }
    expect((await tokenRequest()).status).toBe(200)
    expect(await listFaults()).toEqual([])
  })

  it("gives ComplyCube's documented 429, 403 and 402 bodies", async () => {
    await addFault({ vendor: 'complycube', status: 429 })
    await addFault({ vendor: 'complycube', status: 403 })
    await addFault({ vendor: 'complycube', status: 402 })
    expect(await (await tokenRequest()).json()).toEqual({ type: 'rate_limit_exceeded', message: 'You have exceeded the rate limit prescribed to your plan' })
    expect(await (await tokenRequest()).json()).toEqual({ type: 'unauthorized', message: 'Your current plan does not include access to this service' })
    const payment = await tokenRequest()
    expect(payment.status).toBe(402)
    expect(await payment.json()).toMatchObject({ type: 'payment_required' })
  })

  it("answers CAF and CA in their own shapes", async () => {
    await addFault({ vendor: 'caf', status: 500 })
    await addFault({ vendor: 'ca', path: '/token', status: 503 })
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer(KEYS.prod.clientId).setExpirationTime('5m').sign(new TextEncoder().encode(KEYS.prod.clientSecret))
    const caf = await fetch(`${cafBase(t, 'prod', 'bff')}/session-tokens`, { headers: { authorization: token } })
    expect(caf.status).toBe(500)
    expect(await caf.json()).toEqual({ requestId: expect.any(String), message: 'Internal server error' })
    const ca = await fetch(`${t.baseUrl('ca', 'hedmoral')}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(ca.status).toBe(503)
    expect(await ca.json()).toEqual({ error_code: 'internal_error', error_description: expect.any(String) })
  })

  it('applies only to requests the vendor was about to answer, matching environment', async () => {
    await addFault({ vendor: 'complycube', environment: 'live', status: 500 })
    expect((await tokenRequest()).status).toBe(200) // a sandbox key
    expect(await listFaults()).toHaveLength(1)
    const bad = await fetch(`${t.baseUrl('complycube')}/tokens`, { method: 'POST', headers: { authorization: 'live_nope' } })
    expect(bad.status).toBe(401) // refused before the fault: credentials first
  })

  it('delays the answer by delayMs of real time, then answers as usual', async () => {
    await addFault({ vendor: 'complycube', delayMs: 300 })
    const started = performance.now()
    const res = await tokenRequest()
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
    expect(res.status).toBe(200)
  })

  it('drops the connection: the caller’s fetch fails', async () => {
    await addFault({ vendor: 'complycube', drop: true })
    await expect(tokenRequest()).rejects.toThrow()
    expect((await tokenRequest()).status).toBe(200)
  })

  it('notes the fault in the journal', async () => {
    const { id } = await addFault({ vendor: 'complycube', status: 500 })
    await tokenRequest()
    const [entry] = t.sandbox.journal.list({ vendor: 'complycube', limit: 1 })
    expect(entry).toMatchObject({ status: 500, reason: `fault ${id}: status 500`, meta: { fault: id } })
  })

  it('is cleared by reset', async () => {
    await addFault({ status: 500, times: 5 })
    t.sandbox.reset()
    expect(await listFaults()).toEqual([])
    expect((await tokenRequest()).status).toBe(200)
  })
})

describe('the faults admin API', () => {
  let t: Transport
  beforeAll(async () => {
    t = await transports[1][1]()
  })
  afterAll(() => t.close())

  const post = (path: string, body?: unknown) =>
    fetch(`${t.adminUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) })

  it('refuses a bad rule with 400 naming the field', async () => {
    for (const [rule, message] of [
      [{ status: 700 }, "'status' must be an integer from 400 to 599"],
      [{}, "needs a 'status'"],
      ['[]', 'must be a JSON object'],
      [{ status: 500, extra: 1 }, "Unknown field 'extra'"],
    ] as const) {
      const res = await post('/faults', rule)
      expect(res.status, JSON.stringify(rule)).toBe(400)
      expect(await res.json()).toEqual({ error: { code: 'bad_request', message: expect.stringContaining(message) } })
    }
    expect((await post('/faults')).status).toBe(400)
  })

  it('removes one fault and clears them all', async () => {
    const a = (await (await post('/faults', { status: 500 })).json()) as { id: string }
    await post('/faults', { status: 501 })
    const removed = (await (await post(`/faults/${a.id}/remove`)).json()) as { faults: { status: number }[] }
    expect(removed.faults.map((f) => f.status)).toEqual([501])
    expect((await post(`/faults/${a.id}/remove`)).status).toBe(404)
    expect(await (await post('/faults/clear')).json()).toEqual({ faults: [] })
  })
})
