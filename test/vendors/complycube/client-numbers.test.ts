// Dates and numbers from outside in ComplyCube's client API: dates that do not exist, numbers
// where dates go, page numbers past what a double holds. Each is ComplyCube's 400 naming the
// field, or an ordinary answer; never a 500. Over HTTP on both transports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { transports, type Transport } from '../../support/transports.ts'

const KEY = 'test_tokensandbox_default_0001'

describe.each(transports)('ComplyCube client dates and numbers, %s transport', (_name, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start({ seed: 'client-numbers' })
  })
  afterAll(() => t.close())

  const send = async (path: string, body?: unknown) => {
    const res = await fetch(t.baseUrl('complycube') + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: KEY, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    return { status: res.status, body: (await res.json()) as any }
  }
  const person = (personDetails: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    send('/clients', { type: 'person', email: 'ana@example.com', personDetails: { firstName: 'Ana', lastName: 'Souza', ...personDetails }, ...extra })

  it.each([
    ['February 31st (Date.parse rolls it over to March)', '2026-02-31'],
    ['April 31st', '2026-04-31'],
    ['February 29th of a common year', '2025-02-29'],
    ['month 13', '2026-13-01'],
    ['day 00', '2026-01-00'],
    ['a five-digit year', '10000-01-01'],
    ['a time as well', '2026-01-01T00:00:00Z'],
  ])('refuses a dob of %s', async (_what, dob) => {
    const r = await person({ dob })
    expect(r.status, JSON.stringify(r.body)).toBe(400)
    expect(r.body).toMatchObject({ type: 'invalid_request', param: 'personDetails.dob' })
  })

  it.each([1e300, -0, Number.MAX_SAFE_INTEGER, 19900101])('refuses a number (%d) as a dob', async (dob) => {
    const r = await person({ dob })
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({ param: 'personDetails.dob' })
  })

  it.each(['2024-02-29', '0000-01-01', '9999-12-31', '1900-02-28'])('takes the real date %s', async (dob) => {
    const r = await person({ dob })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.personDetails.dob).toBe(dob)
  })

  it('refuses a joinedDate that does not exist, naming it', async () => {
    const r = await person({}, { joinedDate: '2026-02-30' })
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({ param: 'joinedDate' })
  })

  it.each([
    ['page', '1' + '0'.repeat(30), 200],
    ['page', '9'.repeat(400), 400],
    ['page', '1e3', 400],
    ['page', '-0', 400],
    ['pageSize', '9'.repeat(400), 400],
    ['pageSize', '1e2', 400],
    ['pageSize', '0', 400],
  ])('answers %s=%s with %d', async (param, value, status) => {
    const r = await send(`/clients?${param}=${value}`)
    expect(r.status, JSON.stringify(r.body)).toBe(status)
    if (status === 400) expect(r.body).toMatchObject({ param })
    else expect(r.body.items).toEqual([])
  })
})
