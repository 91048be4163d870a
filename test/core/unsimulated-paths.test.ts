// Paths the sandbox does not simulate answer honestly, for every vendor and on both transports:
// first the vendor's verdict on the credential (what its real API answers a missing or wrong
// one with), and only then a 404 in the vendor's shape saying the sandbox does not simulate the
// path and where the simulated ones are listed. The examples are the issue's: integrator code
// that pings CAF's Core API with a mobile token, the Mobile API's /faces with Bearer, and a
// Flutter app's AddressCheck call.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mintCafToken } from '../../src/vendors/caf/mint.ts'
import { transports, type Transport } from '../support/transports.ts'
import { CORE_TOKENS, KEYS, SEEDED_CPF, cafBase, call, expectCafError, lastCafEntry } from '../vendors/caf/support.ts'

const NOT_SIMULATED = (contract: string, vendor: string) =>
  `token-sandbox does not simulate this path; the simulated ones are in /__sandbox/contracts/${contract} and docs/vendors/${vendor}.md`

describe.each(transports)('paths the sandbox does not simulate, %s transport', (_name, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start({ seed: 'unsimulated' })
  })
  afterAll(() => t.close())
  beforeEach(() => t.sandbox.reset())

  describe('CAF', () => {
    const note = NOT_SIMULATED('caf.yaml', 'caf')

    it('Core API: GET /v1/transactions?_limit=1 with a mobile JWT is 401 Unauthorized; with a Core API token, the 404 that says so', async () => {
      const url = `${cafBase(t, 'prod', 'core')}/v1/transactions?_limit=1`
      expectCafError(await call(url, { token: await mintCafToken(KEYS.prod) }), 401, 'Unauthorized')
      expect((await lastCafEntry(t)).reason).toMatch(/^unknown Core API token \(a mobile token\?/)
      expectCafError(await call(url, { token: null }), 401, 'Unauthorized')
      expectCafError(await call(url, { token: `Bearer ${CORE_TOKENS.prod}` }), 404, `Cannot GET /v1/transactions: ${note}`)
      expect((await lastCafEntry(t)).reason).toBe('no such route')
      // Another environment's Core API token is refused before the 404 too.
      expectCafError(await call(url, { token: CORE_TOKENS.beta }), 401, 'Unauthorized')
    })

    it('Mobile API: GET /faces with a Bearer token is 401, without a token 400, with the raw token the 404', async () => {
      const url = `${cafBase(t, 'prod', 'mobile')}/faces`
      const token = await mintCafToken(KEYS.prod)
      expectCafError(await call(url, { token: `Bearer ${token}` }), 401, 'The token used is not valid for this product')
      expect((await lastCafEntry(t)).reason).toMatch(/^malformed: the Mobile API takes the raw token/)
      expectCafError(await call(url, { token: null }), 400, 'The access token has not been entered')
      expectCafError(await call(url, { token }), 404, `Cannot GET /faces: ${note}`)
    })

    it('Mobile API: GET /address/<cpf> (AddressCheck) is judged by the token first', async () => {
      const url = `${cafBase(t, 'prod', 'mobile')}/address/${SEEDED_CPF}`
      expectCafError(await call(url, { token: await mintCafToken({ clientId: KEYS.prod.clientId, clientSecret: 'not-the-secret' }) }), 401)
      expect((await lastCafEntry(t)).reason).toMatch(/^bad signature/)
      expectCafError(await call(url, { token: await mintCafToken(KEYS.beta) }), 401)
      expect((await lastCafEntry(t)).reason).toMatch(/^wrong environment/)
      expectCafError(await call(url, { token: await mintCafToken(KEYS.prod) }), 404, `Cannot GET /address/${SEEDED_CPF}: ${note}`)
    })

    it('BFF: either token passes to the 404, none is 401; the SDK API wants its attestation', async () => {
      const url = `${cafBase(t, 'prod', 'bff')}/onboardings`
      expectCafError(await call(url, { token: null, body: {} }), 401, 'Invalid or missing token')
      const auth = await mintCafToken({ ...KEYS.prod, now: t.sandbox.clock.now() })
      expectCafError(await call(url, { token: auth, body: {} }), 404, `Cannot POST /onboardings: ${note}`)
      const { sessionToken } = (await call(`${cafBase(t, 'prod', 'bff')}/session-tokens`, { token: auth })).body
      expectCafError(await call(url, { token: `Bearer ${sessionToken}`, body: {} }), 404, `Cannot POST /onboardings: ${note}`)

      const sdk = `${cafBase(t, 'prod', 'sdk')}/documents/validation-international`
      expectCafError(await call(sdk, { token: null, body: {} }), 400, 'The access token has not been entered')
      expectCafError(await call(sdk, { token: auth, body: {} }), 401, 'The token used is not valid for this product')
    })

    it('a route of another CAF API on this host is still a 404 after the token passed; a wrong method is still 405', async () => {
      const token = await mintCafToken(KEYS.prod)
      expectCafError(await call(`${cafBase(t, 'prod', 'mobile')}/session-tokens`, { token }), 404, `Cannot GET /session-tokens: ${note}`)
      expect((await lastCafEntry(t)).reason).toMatch(/served by the bff API/)
      expectCafError(await call(`${cafBase(t, 'prod', 'mobile')}/faces/register`, { token, method: 'DELETE' }), 405)
    })

    it('the model path on the Mobile API host is a static file, not an unsimulated API path', async () => {
      // In-process it goes to the network (see the asset tests); the standalone server without
      // --assets says what it is, in CAF's shape, whatever the token.
      if (t.name !== 'server') return
      const a = await call(`${cafBase(t, 'prod', 'mobile')}/tfmodel/face-detector/v2/model.json`, { token: null })
      expectCafError(a, 404, /^Cannot GET \/tfmodel\/face-detector\/v2\/model\.json: a static file on the vendor's host.*--assets DIR/)
    })
  })

  describe('ComplyCube', () => {
    const KEY = 'test_tokensandbox_default_0001'
    it('GET /v1/documents/abc/download without a key is 401, with a revoked one 401, with a key the 404 in its shape', async () => {
      const url = `${t.baseUrl('complycube')}/documents/abc/download`
      const get = async (key: string | null) => {
        const res = await fetch(url, { headers: key ? { authorization: key } : {} })
        return { status: res.status, body: (await res.json()) as { type: string; message: string } }
      }
      const none = await get(null)
      expect(none.status).toBe(401)
      expect((await get('test_tokensandbox_revoked_0001')).status).toBe(401)
      const found = await get(KEY)
      expect(found.status).toBe(404)
      expect(found.body).toMatchObject({ type: 'resource_not_found', message: `Cannot GET /v1/documents/abc/download: ${NOT_SIMULATED('complycube.yaml', 'complycube')}` })
    })
  })

  describe('CA', () => {
    it('an unknown path gets the API-version check first (400 on a bad one), then the 404 in its shape', async () => {
      const url = `${t.baseUrl('ca', 'hedmoral')}/accounts/abc/history`
      const bad = await fetch(url, { headers: { CA_com_apiVersion: '9.9' } })
      expect(bad.status).toBe(400)
      const found = await fetch(url)
      expect(found.status).toBe(404)
      expect(JSON.stringify(await found.json())).toContain(`No API at GET /accounts/abc/history: ${NOT_SIMULATED('ca.yaml', 'ca')}`)
    })
  })
})
