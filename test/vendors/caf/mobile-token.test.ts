// The mobile token as CAF's Mobile API judges it, on both transports: environment isolation,
// expiry by the sandbox clock, the peopleId restriction, product links, algorithms and
// signatures. Every refusal answers CAF's generic 401; the journal names the precise reason.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SignJWT, UnsecuredJWT } from 'jose'
import { mintCafToken } from '../../../src/vendors/caf/mint.ts'
import { advanceClock } from '../../support/admin.ts'
import { transports, type Transport } from '../../support/transports.ts'
import { KEYS, SEEDED_CPF, cafBase, call, expectCafError, lastCafEntry, type Env } from './support.ts'

const INVALID = 'The token used is not valid for this product'
const secretBytes = (s: string) => new TextEncoder().encode(s)

describe.each(transports)('CAF mobile token on the Mobile API, %s transport', (_name, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start({ seed: 'caf-mobile-token' })
  })
  afterAll(() => t.close())
  beforeEach(() => t.sandbox.reset())

  const authenticate = (env: Env, token: string | null, peopleId = SEEDED_CPF) =>
    call(`${cafBase(t, env, 'mobile')}/faces/authenticate`, { token, body: { peopleId } })

  async function expectRefused(answer: Promise<Awaited<ReturnType<typeof call>>>, reason: RegExp) {
    const a = await answer
    expectCafError(a, 401, INVALID)
    const entry = await lastCafEntry(t)
    expect(entry.status).toBe(401)
    expect(entry.reason).toMatch(reason)
    // The journal never holds the token or a secret.
    expect(JSON.stringify(entry)).not.toMatch(/eyJ|secret-/)
  }

  describe('environments', () => {
    it('accepts a token signed with a beta key on the beta host and refuses it on prod as wrong environment', async () => {
      const token = await mintCafToken(KEYS.beta)
      const ok = await authenticate('beta', token)
      expect(ok.status).toBe(200)
      expect(ok.body).toMatchObject({ isMatch: true, requestId: expect.any(String) })
      expect((await lastCafEntry(t)).environment).toBe('beta')
      await expectRefused(authenticate('prod', token), /^wrong environment: tokensandbox-beta-0001 is a beta key/)
    })

    it('refuses a prod token on the beta host, and an iss no environment knows as unknown iss', async () => {
      await expectRefused(authenticate('beta', await mintCafToken(KEYS.prod)), /^wrong environment/)
      await expectRefused(authenticate('prod', await mintCafToken({ clientId: 'nobody', clientSecret: 'x'.repeat(32) })), /^unknown iss/)
    })
  })

  describe('expiry', () => {
    it('accepts a token without exp, however much time passes', async () => {
      const token = await mintCafToken(KEYS.prod)
      await advanceClock(t, '3650d')
      expect((await authenticate('prod', token)).status).toBe(200)
    })

    it('accepts a token with exp until the sandbox clock passes it, then refuses it as expired', async () => {
      const token = await mintCafToken({ ...KEYS.prod, expiresIn: '5m', now: t.sandbox.clock.now() })
      expect((await authenticate('prod', token)).status).toBe(200)
      await advanceClock(t, '4m')
      expect((await authenticate('prod', token)).status).toBe(200)
      await advanceClock(t, '2m')
      await expectRefused(authenticate('prod', token), /^expired: exp .* is past/)
    })

    it('honours exp within the clock skew (5 s by default)', async () => {
      const token = await mintCafToken({ ...KEYS.prod, expiresIn: 60, now: t.sandbox.clock.now() })
      await advanceClock(t, '63s')
      expect((await authenticate('prod', token)).status).toBe(200)
      await advanceClock(t, '5s')
      await expectRefused(authenticate('prod', token), /^expired/)
    })
  })

  describe('peopleId', () => {
    it('matches a masked peopleId (123.456.789-09) to a request for 12345678909', async () => {
      const token = await mintCafToken({ ...KEYS.prod, peopleId: '123.456.789-09' })
      expect((await authenticate('prod', token, '12345678909')).status).toBe(200)
      expect((await authenticate('prod', token, '123.456.789-09')).status).toBe(200)
    })

    it('refuses it for another CPF (98765432100) as a peopleId mismatch', async () => {
      const token = await mintCafToken({ ...KEYS.prod, peopleId: '123.456.789-09' })
      await expectRefused(authenticate('prod', token, '98765432100'), /^peopleId mismatch: .*12345678909.*98765432100/)
    })

    it('takes the legacy personId claim as an alias', async () => {
      const token = await new SignJWT({ iss: KEYS.prod.clientId, personId: SEEDED_CPF })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(secretBytes(KEYS.prod.clientSecret))
      expect((await authenticate('prod', token)).status).toBe(200)
      await expectRefused(authenticate('prod', token, '98765432100'), /^peopleId mismatch/)
    })

    it('ignores claims CAF does not document', async () => {
      const token = await new SignJWT({ iss: KEYS.prod.clientId, aud: 'someone', sub: 'x', jti: 'j', custom: { a: 1 } })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt()
        .sign(secretBytes(KEYS.prod.clientSecret))
      expect((await authenticate('prod', token)).status).toBe(200)
    })
  })

  describe('products', () => {
    it('refuses a key not linked to FaceAuthenticator there and accepts it on a product it is linked to', async () => {
      const token = await mintCafToken(KEYS.prodLivenessOnly)
      await expectRefused(authenticate('prod', token), /^product not linked: tokensandbox-prod-liveness-0001 is not linked to FaceAuthenticator/)
      const liveness = await call(`${cafBase(t, 'prod', 'mobile')}/faces/liveness`, { token, body: { imageUrl: 'https://img.example/selfie.jpg' } })
      expect(liveness.status).toBe(200)
      expect(liveness.body.isAlive).toBe(true)
    })

    it('answers GET /tokens/verify with VALID or INVALID for the product header', async () => {
      const token = await mintCafToken(KEYS.prodLivenessOnly)
      const verify = (product: string) => call(`${cafBase(t, 'prod', 'mobile')}/tokens/verify`, { token, headers: { product } })
      const valid = await verify('DocumentDetector')
      expect(valid.status).toBe(200)
      expect(valid.body).toEqual({ requestId: expect.any(String), status: 'VALID', message: expect.any(String) })
      const invalid = await verify('FaceAuthenticator')
      expect(invalid.status).toBe(200)
      expect(invalid.body).toEqual({ requestId: expect.any(String), status: 'INVALID', message: INVALID })
      expect((await lastCafEntry(t)).reason).toMatch(/^product not linked/)
      const unknown = await verify('Teleport')
      expect(unknown.body.status).toBe('INVALID')
      expect((await lastCafEntry(t)).reason).toMatch(/^product not linked: Teleport is not a CAF product/)
    })

    it('answers GET /tokens/verify with 400 when the token or the product header is missing', async () => {
      const url = `${cafBase(t, 'prod', 'mobile')}/tokens/verify`
      expectCafError(await call(url, { headers: { product: 'DocumentDetector' } }), 400, 'The access token has not been entered')
      expectCafError(await call(url, { token: await mintCafToken(KEYS.prod) }), 400, /product/)
    })
  })

  describe('algorithms and signatures', () => {
    const claims = () => ({ iss: KEYS.prod.clientId })

    it('refuses alg none', async () => {
      await expectRefused(authenticate('prod', new UnsecuredJWT(claims()).encode()), /^alg not allowed: alg "none"/)
    })

    it('refuses HS512, even signed with the right secret', async () => {
      const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS512', typ: 'JWT' }).sign(secretBytes(KEYS.prod.clientSecret))
      await expectRefused(authenticate('prod', token), /^alg not allowed: alg "HS512"/)
    })

    it('refuses a token signed with a wrong secret', async () => {
      await expectRefused(authenticate('prod', await mintCafToken({ ...KEYS.prod, clientSecret: KEYS.beta.clientSecret })), /^bad signature/)
    })

    it('refuses a token with one signature byte flipped', async () => {
      const token = await mintCafToken(KEYS.prod)
      const [h, p, s] = token.split('.')
      const sig = Buffer.from(s!, 'base64url')
      sig[7] = sig[7]! ^ 0x01
      await expectRefused(authenticate('prod', `${h}.${p}.${sig.toString('base64url')}`), /^bad signature/)
    })

    it('refuses a token whose payload was altered after signing', async () => {
      const token = await mintCafToken({ ...KEYS.prod, peopleId: '98765432100' })
      const [h, , s] = token.split('.')
      const forged = Buffer.from(JSON.stringify({ iss: KEYS.prod.clientId, peopleId: SEEDED_CPF })).toString('base64url')
      await expectRefused(authenticate('prod', `${h}.${forged}.${s}`), /^bad signature/)
    })

    it.each([
      ['a string that is not a JWT', 'test123', /^malformed: a JWT has three dot-separated parts, this has 1/],
      ['two parts', 'eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ4In0', /^malformed/],
      ['garbage in three parts', 'a.b.c', /^malformed/],
      ['a token without iss', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.c2ln', /^malformed: the iss claim/],
    ])('refuses %s as malformed', async (_what, token, reason) => {
      await expectRefused(authenticate('prod', token), reason)
    })

    it("refuses a 'Bearer ' prefix: the Mobile API takes the raw token", async () => {
      await expectRefused(authenticate('prod', `Bearer ${await mintCafToken(KEYS.prod)}`), /^malformed: .*Bearer/)
    })

    it('refuses a revoked key', async () => {
      await expectRefused(authenticate('prod', await mintCafToken(KEYS.prodRevoked)), /^revoked key/)
    })
  })

  it('answers 400 "The access token has not been entered" without a token, and journals it', async () => {
    const a = await authenticate('prod', null)
    expectCafError(a, 400, 'The access token has not been entered')
    expect((await lastCafEntry(t)).reason).toBe('missing token')
  })
})
