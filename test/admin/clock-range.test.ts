// The admin clock routes against numbers that are not instants or durations, and the sandbox
// with its clock at either end of its range: every vendor still issues and judges tokens, and
// /__sandbox/tokens lists them, without a 500. Over HTTP on the standalone server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { MAX_CLOCK_MS } from '../../src/core/clock.ts'
import { mintCafToken } from '../../src/vendors/caf/mint.ts'
import { serverTransport, type Transport } from '../support/transports.ts'
import { caClient, HEDMORAL } from '../vendors/ca/support.ts'
import { KEYS, cafBase, call } from '../vendors/caf/support.ts'

const CC_KEY = 'test_tokensandbox_default_0001'
const CC_CLIENT = '5eb04fcd0f3e360008035eb1'

let t: Transport
beforeAll(async () => {
  t = await serverTransport({ seed: 'clock-range' })
})
afterAll(() => t.close())
beforeEach(() => t.sandbox.reset())

const admin = async (path: string, body?: unknown) => {
  const res = await fetch(`${t.adminUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
  })
  const text = await res.text()
  return { status: res.status, body: JSON.parse(text) as any }
}

const expectBadRequest = (r: { status: number; body: any }, field: string) => {
  expect(r.status, JSON.stringify(r.body)).toBe(400)
  expect(r.body).toEqual({ error: { code: 'bad_request', message: expect.stringContaining(`'${field}'`) } })
}

describe('POST /__sandbox/clock/freeze', () => {
  it.each([
    ['the last instant a Date holds', 8.64e15],
    ['the first instant a Date holds', -8.64e15],
    ['1e308', 1e308],
    ['-1e308', -1e308],
    ['a huge integer', Number.MAX_SAFE_INTEGER],
    ['"NaN"', 'NaN'],
    ['"Infinity"', 'Infinity'],
    ['a string of digits (Date.parse reads "0" as 2000-01-01, local time)', '0'],
    ['"123" (Date.parse reads it as the year 123)', '123'],
    ['epoch milliseconds as a string', '1767225600000'],
    ['exponent notation in a string', '1.7e12'],
    ['an ISO date past the end of the range', '+275760-09-13T00:00:00.000Z'],
    ['an ISO date a Date cannot hold', '+275760-09-13T00:00:00.001Z'],
    ['a day that does not exist', '2026-13-01'],
    ['a long string', '2026-01-01' + ' '.repeat(100_000)],
    ['an object', { at: 1 }],
    ['true', true],
  ])('answers 400 for %s', async (_what, at) => {
    expectBadRequest(await admin('/clock/freeze', { at }), 'at')
    expect((await admin('/clock')).body.frozen).toBe(false)
  })

  it.each([
    ['-0', -0, 0],
    ['epoch 0', 0, 0],
    ['the clock limit', MAX_CLOCK_MS, MAX_CLOCK_MS],
    ['minus the clock limit', -MAX_CLOCK_MS, -MAX_CLOCK_MS],
    ['exponent notation (a JSON number)', 1.7e12, 1.7e12],
    ['an ISO date', '2030-05-01T10:00:00Z', Date.parse('2030-05-01T10:00:00Z')],
    ['an ISO date with an offset and nanoseconds', '2030-05-01T10:00:00.123456789+02:00', Date.parse('2030-05-01T08:00:00.123Z')],
    ['an ISO date only', '2030-05-01', Date.parse('2030-05-01')],
  ])('freezes at %s', async (_what, at, epochMs) => {
    const r = await admin('/clock/freeze', { at })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ frozen: true, epochMs })
  })
})

describe('POST /__sandbox/clock/advance', () => {
  it.each([
    ['1e308 seconds', 1e308],
    ['"99999999999d"', '99999999999d'],
    ['400 digits', '9'.repeat(400)],
    ['"Infinity"', 'Infinity'],
    ['exponent notation in a string', '1e3'],
    ['a huge integer of seconds', Number.MAX_SAFE_INTEGER],
    ['a bad unit', '5y'],
  ])('answers 400 for %s', async (_what, by) => {
    expectBadRequest(await admin('/clock/advance', { by }), 'by')
  })

  it('answers 400 for a move past the end of the range, and stays where it was', async () => {
    await admin('/clock/freeze', { at: 0 })
    expectBadRequest(await admin('/clock/advance', { by: `${MAX_CLOCK_MS + 1000}ms` }), 'by')
    expect((await admin('/clock')).body.epochMs).toBe(0)
  })

  it.each([
    ['-0', -0, 0],
    ['"-0"', '-0', 0],
    ['"  5 m  "', '  5 m  ', 300_000],
    ['exponent notation (a JSON number of seconds)', 1e3, 1_000_000],
  ])('moves by %s', async (_what, by, ms) => {
    await admin('/clock/freeze', { at: 0 })
    const r = await admin('/clock/advance', { by })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.epochMs).toBe(ms)
  })

  // The regex parser took 3 s on 80k spaces; the body limit allows a megabyte of them.
  it('attack: a megabyte of spaces in `by` is refused at once', async () => {
    const started = performance.now()
    expectBadRequest(await admin('/clock/advance', { by: '1' + ' '.repeat(1_000_000 - 100) + 'x' }), 'by')
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})

describe.each([
  ['the last instant of the clock', MAX_CLOCK_MS],
  ['the first instant of the clock', -MAX_CLOCK_MS],
])('with the clock frozen at %s', (_what, at) => {
  beforeEach(async () => {
    expect((await admin('/clock/freeze', { at })).status).toBe(200)
  })

  it('ComplyCube issues a token and the admin verify judges it', async () => {
    const res = await fetch(`${t.baseUrl('complycube')}/tokens`, {
      method: 'POST',
      headers: { authorization: CC_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: CC_CLIENT, referrer: 'https://www.example.com/*' }),
    })
    expect(res.status).toBe(200)
    const { token } = (await res.json()) as { token: string }
    const r = await admin('/complycube/tokens/verify', { token, referrer: 'https://www.example.com/kyc' })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ accepted: true, secondsLeft: 3600, expiresAt: expect.any(String) })
    // Past the last instant the clock does not go; from the first, the token expires as usual.
    expect((await admin('/clock/advance', { by: '61m' })).status).toBe(at > 0 ? 400 : 200)
    if (at < 0) expect((await admin('/complycube/tokens/verify', { token })).body).toMatchObject({ verdict: 'expired', secondsLeft: 0 })
  })

  it('CA issues a token, its account APIs take it and the admin verify judges it', async () => {
    const ca = caClient(t, 'hedmoral')
    const token = await ca.token()
    expect((await ca.call('GET', '/accounts/ACC-1001/links', { token, query: { tenant_id: 'hedmoral' } })).status).toBe(200)
    const r = await admin('/ca/tokens/verify', { token })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ accepted: true, secondsLeft: HEDMORAL.minutes * 60 })
  })

  it('CAF verifies a mobile token, the BFF exchanges it, and the session token opens a session', async () => {
    const token = await mintCafToken({ ...KEYS.prod, expiresIn: '5m', now: at })
    const verify = await call(`${cafBase(t, 'prod', 'mobile')}/tokens/verify`, { token, headers: { product: 'FaceLiveness' } })
    expect(verify.body.status, verify.text).toBe('VALID')
    const exchange = await call(`${cafBase(t, 'prod', 'bff')}/session-tokens`, { token: `Bearer ${token}` })
    expect(exchange.status, exchange.text).toBe(200)
    const session = await call(`${cafBase(t, 'prod', 'bff')}/sessions`, { token: `Bearer ${exchange.body.sessionToken}`, body: { personId: '12345678909' } })
    expect(session.status, session.text).toBe(200)
    const verdict = await admin('/caf/tokens/verify', { token, environment: 'prod' })
    expect(verdict.status).toBe(200)
    expect(verdict.body.accepted).toBe(true)
  })

  it('lists every token it issued on /__sandbox/tokens', async () => {
    await caClient(t, 'hedmoral').token()
    await admin('/caf/tokens/mint', { clientId: KEYS.prod.clientId, expiresIn: '1h' })
    const r = await admin('/tokens')
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.tokens.length).toBeGreaterThanOrEqual(2)
    for (const token of r.body.tokens) expect(token.expiresAt).toEqual(expect.any(String))
  })

  it('refuses to mint a CAF token whose exp a Date cannot hold, with a 400', async () => {
    const r = await admin('/caf/tokens/mint', { clientId: KEYS.prod.clientId, expiresIn: at > 0 ? '8d' : '1d' })
    expect(r.status).toBe(at > 0 ? 400 : 200)
  })
})
