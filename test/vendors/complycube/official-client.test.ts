// ComplyCube's own Node client (@complycube/api, unmodified) against the sandbox, once with msw
// intercepting api.complycube.com in-process and once pointed at the standalone server. The
// same cases run on both transports.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ComplyCube, ComplyCubeApiError } from '@complycube/api'
import { transports, type Transport } from '../../support/transports.ts'
import { advanceClock, verifyComplyCubeToken } from '../../support/admin.ts'

const TEST_KEY = 'test_tokensandbox_default_0001'
const LIVE_KEY = 'live_tokensandbox_default_0001'
const REVOKED_KEY = 'test_tokensandbox_revoked_0001'
const SEEDED_SANDBOX_CLIENT = '5eb04fcd0f3e360008035eb1'
const SEEDED_LIVE_CLIENT = '6a1b2c3d4e5f60718293a4b5'

const person = { type: 'person', email: 'ada@example.com', personDetails: { firstName: 'Ada', lastName: 'Lovelace' } }

async function apiError(promise: Promise<unknown>): Promise<ComplyCubeApiError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(ComplyCubeApiError)
  return err as ComplyCubeApiError
}

describe.each(transports)('ComplyCube through the official client, %s transport', (_name, start) => {
  let t: Transport
  // The client's typings say `generate` resolves to `{ token }`; at run time it resolves to the string.
  const generate = async (cc: ComplyCube, clientId: string, request: object) =>
    (await cc.token.generate(clientId, request)) as unknown as string
  const client = (apiKey: string) => {
    const cc = new ComplyCube({ apiKey })
    if (t.name === 'server') cc.axiosInstance.defaults.baseURL = t.baseUrl('complycube')
    return cc
  }

  beforeAll(async () => {
    t = await start({ seed: 'official-client' })
  })
  afterAll(() => t.close())
  beforeEach(() => t.sandbox.reset())

  describe('clients', () => {
    it('creates a person client and reads it back', async () => {
      const cc = client(TEST_KEY)
      const created = await cc.client.create(person)
      expect(created.id).toMatch(/^[a-f0-9]{24}$/)
      expect(created).toMatchObject({ type: 'person', email: 'ada@example.com', personDetails: { firstName: 'Ada', lastName: 'Lovelace' } })
      expect(Date.parse(created.createdAt)).not.toBeNaN()
      expect(await cc.client.get(created.id)).toEqual(created)
    })

    it('creates a company client', async () => {
      const created = await client(TEST_KEY).client.create({ type: 'company', email: 'x@acme.test', companyDetails: { name: 'Acme' } })
      expect(created.companyDetails).toEqual({ name: 'Acme' })
    })

    it('updates a client, merging nested details', async () => {
      const cc = client(TEST_KEY)
      const created = await cc.client.create(person)
      const updated = await cc.client.update(created.id, { personDetails: { dob: '1815-12-10' }, mobile: '+447000000000' })
      expect(updated.personDetails).toEqual({ firstName: 'Ada', lastName: 'Lovelace', dob: '1815-12-10' })
      expect(updated.mobile).toBe('+447000000000')
    })

    it('lists clients of the key environment only, newest first', async () => {
      const cc = client(TEST_KEY)
      const created = await cc.client.create(person)
      const list = await cc.client.list({ page: 1, pageSize: 2 })
      expect(list.map((c) => c.id)).toEqual([created.id, '5eb04fcd0f3e360008035eb2'])
      const live = await client(LIVE_KEY).client.list()
      expect(live.map((c) => c.id)).toEqual([SEEDED_LIVE_CLIENT])
    })

    it('deletes a client; afterwards it is not found', async () => {
      const cc = client(TEST_KEY)
      const created = await cc.client.create(person)
      await cc.client.delete(created.id)
      const err = await apiError(cc.client.get(created.id))
      expect(err).toMatchObject({ statusCode: 404, type: 'resource_not_found' })
    })

    it('keeps environments apart: a live key cannot see a sandbox client', async () => {
      const err = await apiError(client(LIVE_KEY).client.get(SEEDED_SANDBOX_CLIENT))
      expect(err).toMatchObject({ statusCode: 404, type: 'resource_not_found' })
      expect(err.message).toBe(`Invalid client id '${SEEDED_SANDBOX_CLIENT}' (status code 404)`)
    })

    it.each([
      [{ email: 'a@b.co' }, 'type'],
      [{ type: 'person' }, 'email'],
      [{ type: 'robot', email: 'a@b.co' }, 'type'],
      [{ type: 'person', email: 'not-an-email' }, 'email'],
      [{ type: 'person', email: 'a@b.co' }, 'personDetails'],
      [{ type: 'person', email: 'a@b.co', personDetails: { firstName: 'A' } }, 'personDetails.lastName'],
      [{ type: 'person', email: 'a@b.co', personDetails: { firstName: 1, lastName: 'B' } }, 'personDetails.firstName'],
      [{ type: 'company', email: 'a@b.co', companyDetails: {} }, 'companyDetails.name'],
      [{ ...person, personDetails: { ...person.personDetails, dob: '10/12/1815' } }, 'personDetails.dob'],
      [{ ...person, metadata: 'x' }, 'metadata'],
      [{ ...person, favouriteColour: 'blue' }, 'favouriteColour'],
    ])('refuses an invalid client %j naming param %s', async (body, param) => {
      const err = await apiError(client(TEST_KEY).client.create(body as never))
      expect(err).toMatchObject({ statusCode: 400, type: 'invalid_request', param })
    })

    it('refuses out-of-range pagination with param naming the query field', async () => {
      const err = await apiError(client(TEST_KEY).client.list({ pageSize: 1001 }))
      expect(err).toMatchObject({ statusCode: 400, type: 'invalid_request', param: 'pageSize' })
    })
  })

  describe('SDK tokens', () => {
    it('generates a Web SDK token bound to the referrer pattern, valid for 60 minutes', async () => {
      const token = await generate(client(TEST_KEY), SEEDED_SANDBOX_CLIENT, { referrer: 'https://www.example.com/*' })
      expect(token.split('.')).toHaveLength(3)
      const ok = await verifyComplyCubeToken(t, { token, referrer: 'https://www.example.com/onboarding' })
      expect(ok).toMatchObject({ accepted: true, verdict: 'valid', clientId: SEEDED_SANDBOX_CLIENT, environment: 'sandbox' })
      expect(ok.secondsLeft).toBeGreaterThan(3590)
      expect(ok.secondsLeft).toBeLessThanOrEqual(3600)
    })

    it('generates a mobile token bound to the appId', async () => {
      const token = await generate(client(TEST_KEY), SEEDED_SANDBOX_CLIENT, { appId: 'com.example.kyc' })
      expect(await verifyComplyCubeToken(t, { token, appId: 'com.example.kyc' })).toMatchObject({ verdict: 'valid' })
      expect(await verifyComplyCubeToken(t, { token, appId: 'com.evil.app' })).toMatchObject({ accepted: false, verdict: 'app_id_mismatch' })
    })

    it('refuses the token from another origin', async () => {
      const token = await generate(client(TEST_KEY), SEEDED_SANDBOX_CLIENT, { referrer: 'https://www.example.com/*' })
      expect(await verifyComplyCubeToken(t, { token, referrer: 'https://evil.example.net/' })).toMatchObject({
        accepted: false,
        verdict: 'referrer_mismatch',
      })
    })

    it('reports the token expired once the sandbox clock passes 60 minutes, instantly', async () => {
      const token = await generate(client(TEST_KEY), SEEDED_SANDBOX_CLIENT, { referrer: 'https://www.example.com/*' })
      await advanceClock(t, '59m')
      expect(await verifyComplyCubeToken(t, { token, referrer: 'https://www.example.com/' })).toMatchObject({ verdict: 'valid' })
      await advanceClock(t, '2m')
      expect(await verifyComplyCubeToken(t, { token, referrer: 'https://www.example.com/' })).toMatchObject({
        accepted: false,
        verdict: 'expired',
      })
    })

    it('reports a token from the live environment as the wrong environment for a sandbox integration', async () => {
      const token = await generate(client(LIVE_KEY), SEEDED_LIVE_CLIENT, { referrer: 'https://*.example.com/*' })
      expect(await verifyComplyCubeToken(t, { token, referrer: 'https://app.example.com/', environment: 'sandbox' })).toMatchObject({
        verdict: 'wrong_environment',
      })
      expect(await verifyComplyCubeToken(t, { token, referrer: 'https://app.example.com/', environment: 'live' })).toMatchObject({
        verdict: 'valid',
      })
    })

    it('reports a tampered token', async () => {
      const token = await generate(client(TEST_KEY), SEEDED_SANDBOX_CLIENT, { referrer: 'https://www.example.com/*' })
      const [h, p, s] = token.split('.') as [string, string, string]
      const flipped = `${h}.${p}.${s.slice(0, -2)}${s.at(-2) === 'A' ? 'B' : 'A'}${s.at(-1)}`
      expect(await verifyComplyCubeToken(t, { token: flipped, referrer: 'https://www.example.com/' })).toMatchObject({ verdict: 'tampered' })
    })

    it('refuses a client of the other environment as an invalid clientId (400)', async () => {
      const err = await apiError(generate(client(TEST_KEY), SEEDED_LIVE_CLIENT, { referrer: 'https://www.example.com/*' }))
      expect(err).toMatchObject({ statusCode: 400, type: 'invalid_request', param: 'clientId' })
      expect(err.message).toBe("'clientId' is invalid (status code 400)")
    })

    it.each([
      ['', { referrer: 'https://www.example.com/*' }, 'clientId'],
      [SEEDED_SANDBOX_CLIENT, { referrer: 'www.example.com' }, 'referrer'],
      [SEEDED_SANDBOX_CLIENT, { referrer: 'https://exa*mple.com/*' }, 'referrer'],
      [SEEDED_SANDBOX_CLIENT, { referrer: 42 }, 'referrer'],
      [SEEDED_SANDBOX_CLIENT, { appId: 'not a bundle id' }, 'appId'],
      [SEEDED_SANDBOX_CLIENT, { appId: ['com.example.app'] }, 'appId'],
    ])('refuses clientId %j with %j naming param %s', async (clientId, request, param) => {
      const err = await apiError(generate(client(TEST_KEY), clientId, request as never))
      expect(err).toMatchObject({ statusCode: 400, type: 'invalid_request', param })
    })
  })

  describe('authentication', () => {
    it.each([
      ['an unknown test key', 'test_nobody_has_this_key'],
      ['a key without an environment prefix', 'sk_123456'],
      ['a revoked key', REVOKED_KEY],
      ['a Bearer-prefixed key', `Bearer ${TEST_KEY}`],
    ])('answers 401 unauthorized to %s', async (_what, key) => {
      const err = await apiError(client(key).client.list())
      expect(err).toMatchObject({ statusCode: 401, type: 'unauthorized' })
      expect(err.message).toBe("The 'Authorization' header is invalid (status code 401)")
    })

    it('answers 401 to a key revoked at run time', async () => {
      const { key } = t.sandbox.complycube.createKey('sandbox', 'short-lived')
      await client(key).client.list()
      t.sandbox.complycube.revokeKey(key)
      expect(await apiError(client(key).client.list())).toMatchObject({ statusCode: 401 })
    })
  })
})
