// CAF's BFF on both transports: GET /session-tokens exchanges the authentication token (raw or
// Bearer) for a session token with its own lifetime; POST /sessions takes that session token.
// Each API answers only on its own host.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { decodeJwt } from 'jose'
import { mintCafToken } from '../../../src/vendors/caf/mint.ts'
import { advanceClock } from '../../support/admin.ts'
import { transports, type Transport } from '../../support/transports.ts'
import { KEYS, SEEDED_CPF, cafBase, call, expectCafError, lastCafEntry, type Env } from './support.ts'

const INVALID = 'Invalid or missing token'

describe.each(transports)('CAF BFF session tokens, %s transport', (_name, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start({ seed: 'caf-bff' })
  })
  afterAll(() => t.close())
  beforeEach(() => t.sandbox.reset())

  const exchange = (env: Env, authorization: string | null) => call(`${cafBase(t, env, 'bff')}/session-tokens`, { token: authorization })
  const openSession = (env: Env, sessionToken: string, body: unknown = { personId: SEEDED_CPF, sdk: { version: '2.0.0', platform: 'Web' } }) =>
    call(`${cafBase(t, env, 'bff')}/sessions`, { token: sessionToken, body })

  async function expectRefused(a: Awaited<ReturnType<typeof call>>, reason: RegExp) {
    expectCafError(a, 401, INVALID)
    expect((await lastCafEntry(t)).reason).toMatch(reason)
  }

  it('exchanges an authentication token sent raw or with Bearer for a session token', async () => {
    const auth = await mintCafToken({ ...KEYS.prod, expiresIn: '5m', now: t.sandbox.clock.now() })
    for (const header of [auth, `Bearer ${auth}`]) {
      const a = await exchange('prod', header)
      expect(a.status).toBe(200)
      expect(a.body).toEqual({ requestId: expect.any(String), sessionToken: expect.any(String) })
      const claims = decodeJwt(a.body.sessionToken)
      expect(claims).toMatchObject({ iss: KEYS.prod.clientId, environment: 'prod', sessionId: expect.any(String) })
      expect(claims.exp! - claims.iat!).toBe(30 * 60)
    }
  })

  it("answers 401 'Invalid or missing token' without a token, with a bad one, and with another environment's", async () => {
    await expectRefused(await exchange('prod', null), /^missing token/)
    await expectRefused(await exchange('prod', 'Bearer test123'), /^malformed/)
    await expectRefused(await exchange('prod', await mintCafToken(KEYS.beta)), /^wrong environment/)
    expect((await exchange('beta', await mintCafToken(KEYS.beta))).status).toBe(200)
  })

  it('refuses a key linked to neither CafSDK nor FaceLiveness', async () => {
    await expectRefused(await exchange('prod', await mintCafToken(KEYS.prodLivenessOnly)), /^product not linked: .* CafSDK or FaceLiveness/)
  })

  it('refuses an expired authentication token', async () => {
    const auth = await mintCafToken({ ...KEYS.prod, expiresIn: 60, now: t.sandbox.clock.now() })
    await advanceClock(t, '2m')
    await expectRefused(await exchange('prod', auth), /^expired/)
  })

  describe('POST /sessions', () => {
    const sessionToken = async (env: Env = 'prod', peopleId?: string) => {
      const key = env === 'beta' ? KEYS.beta : KEYS.prod
      const a = await exchange(env, await mintCafToken({ ...key, ...(peopleId ? { peopleId } : {}) }))
      return a.body.sessionToken as string
    }

    it('opens a session with the session token', async () => {
      const a = await openSession('prod', await sessionToken())
      expect(a.status).toBe(200)
      expect(a.body).toEqual({ requestId: expect.any(String), id: expect.stringMatching(/^[0-9a-f]{24}$/), personId: SEEDED_CPF, createdAt: expect.any(String) })
    })

    it('refuses the self-signed authentication token there: it must be exchanged first', async () => {
      await expectRefused(await openSession('prod', await mintCafToken(KEYS.prod)), /^malformed: not a session token/)
    })

    it('refuses a session token after its lifetime, in another environment, or after its key is revoked', async () => {
      const prod = await sessionToken()
      await expectRefused(await openSession('beta', prod), /^wrong environment/)
      await advanceClock(t, '31m')
      await expectRefused(await openSession('prod', prod), /^expired/)
      const fresh = await sessionToken()
      t.sandbox.caf.revokeKey(KEYS.prod.clientId)
      await expectRefused(await openSession('prod', fresh), /^revoked key/)
    })

    it('refuses a session token that was altered', async () => {
      const [h, p, s] = (await sessionToken()).split('.')
      const claims = JSON.parse(Buffer.from(p!, 'base64url').toString())
      const forged = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86_400 })).toString('base64url')
      await expectRefused(await openSession('prod', `${h}.${forged}.${s}`), /^bad signature/)
    })

    it("keeps the authentication token's peopleId: another personId is refused", async () => {
      const restricted = await sessionToken('prod', '123.456.789-09')
      expect((await openSession('prod', restricted)).status).toBe(200)
      await expectRefused(await openSession('prod', restricted, { personId: '98765432100' }), /^peopleId mismatch/)
    })

    it('answers 400 in the same shape to a body it cannot take', async () => {
      const tok = await sessionToken()
      expectCafError(await openSession('prod', tok, {}), 400, "'personId' is required")
      expectCafError(await openSession('prod', tok, { personId: 'a b' }), 400, /personId/)
      expectCafError(await openSession('prod', tok, { personId: SEEDED_CPF, sdk: 'web' }), 400, "'sdk' must be an object")
      expectCafError(await openSession('prod', tok, { personId: SEEDED_CPF, extra: 1 }), 400, "'extra' is not an allowed field")
    })
  })

  it('serves each API on its own host only', async () => {
    const token = await mintCafToken(KEYS.prod)
    expectCafError(await call(`${cafBase(t, 'prod', 'mobile')}/session-tokens`, { token }), 404)
    expect((await lastCafEntry(t)).reason).toMatch(/served by the bff API, not this host/)
    expectCafError(await call(`${cafBase(t, 'prod', 'bff')}/faces/authenticate`, { token, body: { peopleId: SEEDED_CPF } }), 404)
    expect((await lastCafEntry(t)).reason).toMatch(/served by the mobile API, not this host/)
  })
})
