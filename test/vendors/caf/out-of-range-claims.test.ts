// Tokens correctly signed with the key's own secret whose time claims no Date can hold, and
// durations past the end of time: each is CAF's refusal (or the admin API's 400 naming the field),
// never a 500. Over HTTP on both transports; the admin API's parts on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SignJWT } from 'jose'
import { MAX_CLOCK_MS } from '../../../src/core/clock.ts'
import { transports, type Transport } from '../../support/transports.ts'
import { KEYS, SEEDED_CPF, adminCaf, cafBase, call, expectCafError, lastCafEntry } from './support.ts'

const INVALID = 'The token used is not valid for this product'
const BFF_INVALID = 'Invalid or missing token'

const signed = (claims: Record<string, unknown>) =>
  new SignJWT({ iss: KEYS.prod.clientId, ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(KEYS.prod.clientSecret))

const CLAIMS: [string, Record<string, unknown>][] = [
  ['nbf: 1e300', { nbf: 1e300 }],
  ['iat: 1e300', { iat: 1e300 }],
  ['nbf: 9e12 (seconds: past the year 275760)', { nbf: 9e12 }],
  ['exp: -1e300', { exp: -1e300 }],
  ['exp: 1e300', { exp: 1e300 }],
  ['iat: -1e300', { iat: -1e300 }],
  ['nbf: -9e12', { nbf: -9e12 }],
  ['exp: Number.MAX_VALUE', { exp: Number.MAX_VALUE }],
  ['exp: 2^53 + 1', { exp: 2 ** 53 + 1 }],
]

describe.each(transports)('CAF time claims beyond the range of a date, %s transport', (_name, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start({ seed: 'caf-out-of-range' })
  })
  afterAll(() => t.close())

  describe.each(CLAIMS)('a properly signed token with %s', (what, claims) => {
    let token: string
    beforeAll(async () => {
      token = await signed(claims)
    })

    it('is INVALID on GET /tokens/verify (200 either way, as documented)', async () => {
      const a = await call(`${cafBase(t, 'prod', 'mobile')}/tokens/verify`, { token, headers: { product: 'FaceLiveness' } })
      expect(a.status, a.text).toBe(200)
      expect(a.body).toEqual({ requestId: expect.any(String), status: 'INVALID', message: INVALID })
      expect((await lastCafEntry(t)).reason).toMatch(/^malformed: "(exp|iat|nbf)" claim .* is beyond the range of a date$/)
    })

    it('is refused on POST /faces/liveness', async () => {
      const a = await call(`${cafBase(t, 'prod', 'mobile')}/faces/liveness`, { token, body: { imageUrl: 'https://img.example/selfie.jpg' } })
      expectCafError(a, 401, INVALID)
    })

    it('is refused on GET /bff/session-tokens', async () => {
      const a = await call(`${cafBase(t, 'prod', 'bff')}/session-tokens`, { token: `Bearer ${token}` })
      expectCafError(a, 401, BFF_INVALID)
      expect((await lastCafEntry(t)).reason, what).toMatch(/beyond the range of a date/)
    })

    it('is refused by the sandbox verdict, which says why', async () => {
      const verdict = await t.sandbox.caf.verifyToken({ token, environment: 'prod' })
      expect(verdict).toMatchObject({ accepted: false, refusal: 'malformed', reason: expect.stringMatching(/beyond the range of a date/) })
    })
  })

  it('still judges a signed token with a far but representable nbf as not yet valid', async () => {
    const token = await signed({ nbf: 8.64e12 })
    const a = await call(`${cafBase(t, 'prod', 'mobile')}/tokens/verify`, { token, headers: { product: 'FaceLiveness' } })
    expect(a.body.status).toBe('INVALID')
    expect((await lastCafEntry(t)).reason).toMatch(/^not yet valid: nbf \+275760-09-13T00:00:00.000Z is in the future/)
  })

  it('does not let an unsigned token with such a claim past the signature check', async () => {
    const token = (await signed({ exp: 1e300 })).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    await call(`${cafBase(t, 'prod', 'mobile')}/tokens/verify`, { token, headers: { product: 'FaceLiveness' } })
    expect((await lastCafEntry(t)).reason).toMatch(/^bad signature/)
  })
})

describe('CAF admin mint: durations past the end of time', () => {
  let t: Transport
  beforeAll(async () => {
    t = await transports[1][1]({ seed: 'caf-out-of-range-admin' })
  })
  afterAll(() => t.close())

  it.each([
    ['"99999999999d"', '99999999999d'],
    ['1e308 seconds', 1e308],
    ['Number.MAX_SAFE_INTEGER seconds', Number.MAX_SAFE_INTEGER],
    ['400 digits', '9'.repeat(400)],
    ['exponent notation', '1e3'],
    ['-0', -0],
    ['"-0"', '-0'],
    ['a negative duration', '-5m'],
    ['"Infinity"', 'Infinity'],
  ])('answers 400 naming expiresIn for %s, and the token list stays readable', async (_what, expiresIn) => {
    const r = await adminCaf(t, 'POST', '/tokens/mint', { clientId: KEYS.prod.clientId, expiresIn })
    expect(r.status, JSON.stringify(r.body)).toBe(400)
    expect(r.body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/^expiresIn /) } })
    const list = await fetch(`${t.adminUrl}/tokens`)
    expect(list.status).toBe(200)
  })

  it('mints the longest lifetime that still ends within the range of a date', async () => {
    const now = t.sandbox.clock.now()
    const seconds = Math.floor((8.64e15 - now) / 1000) - 1
    const r = await adminCaf(t, 'POST', '/tokens/mint', { clientId: KEYS.prod.clientId, expiresIn: seconds })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    const list = (await (await fetch(`${t.adminUrl}/tokens`)).json()) as { tokens: { expiresAt: string | null; claims: { exp: number } }[] }
    expect(list.tokens.at(-1)!.expiresAt).toMatch(/^\+275760-09-1[23]T/)
    expect(typeof list.tokens.at(-1)!.claims.exp).toBe('number')
  })

  it.each([
    ['sessionTokenLifetimeSeconds', 1e308],
    ['sessionTokenLifetimeSeconds', 604_801],
    ['sessionTokenLifetimeSeconds', -0],
    ['sessionTokenLifetimeSeconds', '600'],
    ['sessionTokenLifetimeSeconds', 1.5],
    ['clockSkewSeconds', 1e308],
    ['clockSkewSeconds', -1],
    ['clockSkewSeconds', Number.MAX_SAFE_INTEGER],
  ])('answers 400 to the setting %s: %j (a week at most)', async (setting, value) => {
    const r = await adminCaf(t, 'POST', '/settings', { [setting]: value })
    expect(r.status).toBe(400)
    expect(r.body).toEqual({ error: { code: 'bad_request', message: `'${setting}' must be an integer from ${setting === 'clockSkewSeconds' ? 0 : 1} to 604800` } })
  })

  it('refuses in-process with the same RangeError message', async () => {
    await expect(t.sandbox.caf.mintToken({ clientId: KEYS.prod.clientId, expiresIn: '99999999999d' })).rejects.toThrow(/^expiresIn /)
  })

  it('judges a token from the far end of the clock with its own claims, no 500', async () => {
    t.sandbox.clock.freeze(MAX_CLOCK_MS)
    try {
      const token = (await adminCaf(t, 'POST', '/tokens/mint', { clientId: KEYS.prod.clientId, expiresIn: '1d' })).body.token as string
      const a = await call(`${cafBase(t, 'prod', 'mobile')}/faces/liveness`, { token, body: { imageUrl: 'https://img.example/selfie.jpg', person: { cpf: SEEDED_CPF } } })
      expect(a.status, a.text).toBe(200)
    } finally {
      t.sandbox.clock.reset()
    }
  })
})
