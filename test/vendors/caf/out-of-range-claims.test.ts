// Tokens correctly signed with the key's own secret whose time claims no Date can hold are judged
// as the numbers they are, as jose and jsonwebtoken (CAF's examples) judge them: `exp: 1e308` is
// far in the future (accepted), `exp: -1e300` long past (expired), `nbf: 1e300` not yet valid.
// Only a claim that is not a number is malformed; never a 500. Durations past the end of time
// are the admin API's 400 naming the field. Over HTTP on both transports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CompactSign, SignJWT } from 'jose'
import { MAX_CLOCK_MS } from '../../../src/core/clock.ts'
import { transports, type Transport } from '../../support/transports.ts'
import { KEYS, SEEDED_CPF, adminCaf, cafBase, call, expectCafError, lastCafEntry } from './support.ts'

const INVALID = 'The token used is not valid for this product'
const BFF_INVALID = 'Invalid or missing token'
const secret = new TextEncoder().encode(KEYS.prod.clientSecret)

const signed = (claims: Record<string, unknown>) =>
  new SignJWT({ iss: KEYS.prod.clientId, ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret)

/** Signed over the payload text as given: `1e400` is valid JSON that parses to Infinity (SignJWT refuses to make it). */
const signedText = (payload: string) => new CompactSign(new TextEncoder().encode(payload)).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret)

type Verdict = 'accepted' | RegExp
const CLAIMS: [string, () => Promise<string>, Verdict][] = [
  ['exp: 1e308 (far in the future)', () => signed({ exp: 1e308 }), 'accepted'],
  ['exp: Number.MAX_VALUE', () => signed({ exp: Number.MAX_VALUE }), 'accepted'],
  ['exp: 2^53 + 1', () => signed({ exp: 2 ** 53 + 1 }), 'accepted'],
  ['exp: 1e400 (Infinity once parsed)', () => signedText(`{"iss":"${KEYS.prod.clientId}","exp":1e400}`), 'accepted'],
  ['iat: -1e300 (issued long ago)', () => signed({ iat: -1e300 }), 'accepted'],
  ['nbf: -9e12 (valid since long ago)', () => signed({ nbf: -9e12 }), 'accepted'],
  ['exp: -1e300', () => signed({ exp: -1e300 }), /^expired: exp -1e\+300 \(beyond the range of a date\) is past \(sandbox clock /],
  ['exp: -1e400 (-Infinity once parsed)', () => signedText(`{"iss":"${KEYS.prod.clientId}","exp":-1e400}`), /^expired: exp -Infinity \(beyond the range of a date\) is past/],
  ['nbf: 1e300', () => signed({ nbf: 1e300 }), /^not yet valid: nbf 1e\+300 \(beyond the range of a date\) is in the future/],
  ['nbf: 9e12 (seconds: past the year 275760)', () => signed({ nbf: 9e12 }), /^not yet valid: nbf 9000000000000 \(beyond the range of a date\) is in the future/],
  ['iat: 1e300', () => signed({ iat: 1e300 }), /^not yet valid: iat 1e\+300 \(beyond the range of a date\) is in the future/],
  ['exp: "1e308" (a string, not a number)', () => signed({ exp: '1e308' }), /^malformed: "exp" claim must be a number/],
  ['nbf: null', () => signed({ nbf: null }), /^malformed: "nbf" claim must be a number/],
]

describe.each(transports)('CAF time claims beyond the range of a date, %s transport', (_name, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start({ seed: 'caf-out-of-range' })
  })
  afterAll(() => t.close())

  describe.each(CLAIMS)('a properly signed token with %s', (what, make, verdict) => {
    let token: string
    beforeAll(async () => {
      token = await make()
    })

    it(verdict === 'accepted' ? 'is VALID on GET /tokens/verify' : 'is INVALID on GET /tokens/verify, with the reason (200 either way, as documented)', async () => {
      const a = await call(`${cafBase(t, 'prod', 'mobile')}/tokens/verify`, { token, headers: { product: 'FaceLiveness' } })
      expect(a.status, a.text).toBe(200)
      if (verdict === 'accepted') {
        expect(a.body).toMatchObject({ status: 'VALID' })
        expect((await lastCafEntry(t)).reason).toBeUndefined()
      } else {
        expect(a.body).toEqual({ requestId: expect.any(String), status: 'INVALID', message: INVALID })
        expect((await lastCafEntry(t)).reason).toMatch(verdict)
      }
    })

    it(verdict === 'accepted' ? 'is taken by POST /faces/liveness' : 'is refused on POST /faces/liveness', async () => {
      const a = await call(`${cafBase(t, 'prod', 'mobile')}/faces/liveness`, { token, body: { imageUrl: 'https://img.example/selfie.jpg' } })
      if (verdict === 'accepted') expect(a.status, a.text).toBe(200)
      else expectCafError(a, 401, INVALID)
    })

    it(verdict === 'accepted' ? 'is exchanged on GET /bff/session-tokens' : 'is refused on GET /bff/session-tokens', async () => {
      const a = await call(`${cafBase(t, 'prod', 'bff')}/session-tokens`, { token: `Bearer ${token}` })
      if (verdict === 'accepted') {
        expect(a.status, a.text).toBe(200)
        expect(typeof a.body.sessionToken).toBe('string')
      } else {
        expectCafError(a, 401, BFF_INVALID)
        expect((await lastCafEntry(t)).reason, what).toMatch(verdict)
      }
    })

    it('gets the same verdict in process', async () => {
      const v = await t.sandbox.caf.verifyToken({ token, environment: 'prod' })
      if (verdict === 'accepted') expect(v).toMatchObject({ accepted: true })
      else expect(v).toMatchObject({ accepted: false, reason: expect.stringMatching(verdict) })
    })
  })

  it('judges a far but representable nbf as not yet valid, with its date', async () => {
    const token = await signed({ nbf: 8.64e12 })
    const a = await call(`${cafBase(t, 'prod', 'mobile')}/tokens/verify`, { token, headers: { product: 'FaceLiveness' } })
    expect(a.body.status).toBe('INVALID')
    expect((await lastCafEntry(t)).reason).toMatch(/^not yet valid: nbf \+275760-09-13T00:00:00.000Z is in the future/)
  })

  it('does not let an unsigned token with such a claim past the signature check', async () => {
    const token = (await signed({ exp: 1e308 })).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
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
