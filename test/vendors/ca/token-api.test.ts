// POST /token as CA documents it, on both transports: four required fields checked in order,
// `unauthorized_access` for wrong credentials, the optional CA_com_apiVersion header, and a
// JWT bound to the tenant, the service account and client_app_id.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { decodeJwt } from 'jose'
import { transports, type Transport } from '../../support/transports.ts'
import { APP_ID, caClient, expectCaError, HEDMORAL, KVARNBY, TXN_ID } from './support.ts'
import seed from '../../../fixtures/ca.json' with { type: 'json' }

const fields = { client_txn_id: TXN_ID, client_app_id: APP_ID, username: HEDMORAL.username, password: HEDMORAL.password }

describe.each(transports)('CA Token API, %s transport', (_name, start) => {
  let t: Transport
  let ca: ReturnType<typeof caClient>
  beforeAll(async () => {
    t = await start({ seed: 'ca-token-api' })
    ca = caClient(t, 'hedmoral')
  })
  afterAll(() => t.close())
  beforeEach(() => t.sandbox.reset())

  describe('a valid request', () => {
    it('answers 200 with only a token, a JWT bound to the tenant, service account and client_app_id', async () => {
      const before = t.sandbox.clock.nowSeconds()
      const r = await ca.requestToken(fields)
      const after = t.sandbox.clock.nowSeconds()
      expect(r.status).toBe(200)
      expect(Object.keys(r.body)).toEqual(['token'])
      expect(r.headers.get('content-type')).toMatch(/^application\/json/)
      const claims = decodeJwt(r.body.token)
      expect(claims).toMatchObject({ tenant: 'hedmoral', aud: 'hedmoral', sub: HEDMORAL.username, client_app_id: APP_ID })
      expect(claims.exp! - claims.iat!).toBe(HEDMORAL.minutes * 60)
      // Issued at the sandbox clock's now: within the second(s) the request took.
      expect(claims.iat).toBeGreaterThanOrEqual(before)
      expect(claims.iat).toBeLessThanOrEqual(after)
    })

    it("lasts the tenant's own number of minutes", async () => {
      const r = await caClient(t, 'kvarnby').requestToken({ ...fields, username: KVARNBY.username, password: KVARNBY.password })
      const claims = decodeJwt(r.body.token)
      expect(claims.exp! - claims.iat!).toBe(KVARNBY.minutes * 60)
    })

    it('accepts CA_com_apiVersion 1.0 and a body without a Content-Type (both are optional)', async () => {
      const raw = new TextEncoder().encode(JSON.stringify(fields))
      const r = await ca.call('POST', '/token', { raw, headers: { CA_com_apiVersion: '1.0' } })
      expect(r.status).toBe(200)
    })

    it('ignores keys it does not know', async () => {
      const r = await ca.requestToken({ ...fields, locale: 'sv-SE' })
      expect(r.status).toBe(200)
    })

    it('keeps client_txn_id, client_app_id and the username in the journal, never the password', async () => {
      await ca.requestToken(fields)
      await ca.requestToken({ ...fields, password: 'not-the-password' })
      const entries = t.sandbox.journal.list({ vendor: 'ca' })
      expect(entries).toHaveLength(2)
      expect(entries[0]!.meta).toMatchObject({ client_txn_id: TXN_ID, client_app_id: APP_ID, username: HEDMORAL.username })
      expect(entries[1]).toMatchObject({ status: 400, reason: 'wrong password' })
      const journal = JSON.stringify(entries)
      expect(journal).not.toContain(HEDMORAL.password)
      expect(journal).not.toContain('not-the-password')
    })
  })

  describe('missing input', () => {
    const order = ['client_txn_id', 'client_app_id', 'username', 'password'] as const

    it.each(order)('answers missing_input naming %s when it is absent', async (name) => {
      const body: Record<string, unknown> = { ...fields }
      delete body[name]
      expectCaError(await ca.requestToken(body), 'missing_input', `Value for element {${name}} is required`)
    })

    it.each(order)('answers missing_input naming %s when it is empty or null', async (name) => {
      expectCaError(await ca.requestToken({ ...fields, [name]: '' }), 'missing_input', `Value for element {${name}} is required`)
      expectCaError(await ca.requestToken({ ...fields, [name]: null }), 'missing_input', `Value for element {${name}} is required`)
    })

    it('checks the fields in the documented order: the first missing one is named', async () => {
      expectCaError(await ca.requestToken({}), 'missing_input', 'Value for element {client_txn_id} is required')
      expectCaError(await ca.requestToken({ client_txn_id: TXN_ID, password: 'x' }), 'missing_input', 'Value for element {client_app_id} is required')
      expectCaError(await ca.requestToken({ client_txn_id: TXN_ID, client_app_id: APP_ID }), 'missing_input', 'Value for element {username} is required')
      expectCaError(await ca.call('POST', '/token'), 'missing_input', 'Value for element {client_txn_id} is required')
    })
  })

  describe('invalid input', () => {
    it('answers invalid_input when client_txn_id is not a UUID', async () => {
      expectCaError(await ca.requestToken({ ...fields, client_txn_id: 'txn-1' }), 'invalid_input', 'Value for element {client_txn_id} is invalid')
    })

    it.each([
      ['a number', 42],
      ['an object', { $ne: null }],
      ['an array', ['hedmoral_admin']],
      ['a boolean', true],
    ])('answers invalid_input when username is %s', async (_what, value) => {
      expectCaError(await ca.requestToken({ ...fields, username: value }), 'invalid_input', 'Value for element {username} is invalid')
    })
  })

  describe('credentials', () => {
    it('answers unauthorized_access / Invalid credentials to a wrong password', async () => {
      expectCaError(await ca.requestToken({ ...fields, password: 'wrong' }), 'unauthorized_access', 'Invalid credentials')
    })

    it('answers the same to an unknown username, and to a password differing only in case or length', async () => {
      expectCaError(await ca.requestToken({ ...fields, username: 'nobody' }), 'unauthorized_access', 'Invalid credentials')
      expectCaError(await ca.requestToken({ ...fields, password: HEDMORAL.password.toLowerCase() }), 'unauthorized_access', 'Invalid credentials')
      expectCaError(await ca.requestToken({ ...fields, password: HEDMORAL.password + 'x' }), 'unauthorized_access', 'Invalid credentials')
      expectCaError(await ca.requestToken({ ...fields, password: HEDMORAL.password.slice(0, -1) }), 'unauthorized_access', 'Invalid credentials')
    })

    it("refuses another tenant's service account on this tenant's base URL", async () => {
      const r = await ca.requestToken({ ...fields, username: KVARNBY.username, password: KVARNBY.password })
      expectCaError(r, 'unauthorized_access', 'Invalid credentials')
    })
  })

  describe('CA_com_apiVersion', () => {
    it.each(['2.0', '1', 'v1.0', ''])('refuses version %j with invalid_input', async (version) => {
      const r = await ca.requestToken(fields, { CA_com_apiVersion: version })
      expectCaError(r, 'invalid_input', 'Value for element {CA_com_apiVersion} is invalid')
    })
  })
})

describe.each(transports)('CA Token API with a lenient tenant, %s transport', (_name, start) => {
  let t: Transport
  beforeAll(async () => {
    const tenants = seed.tenants.map((tenant) => (tenant.id === 'hedmoral' ? { ...tenant, lenientApiVersion: true } : tenant))
    t = await start({ fixtures: { ca: { tenants } as never } })
  })
  afterAll(() => t.close())

  it('accepts any CA_com_apiVersion on the lenient tenant and still refuses it on the strict one', async () => {
    const r = await caClient(t, 'hedmoral').requestToken(fields, { CA_com_apiVersion: '2.0' })
    expect(r.status).toBe(200)
    const strict = await caClient(t, 'kvarnby').requestToken({ ...fields, username: KVARNBY.username, password: KVARNBY.password }, { CA_com_apiVersion: '2.0' })
    expectCaError(strict, 'invalid_input')
  })
})
