// Bad input of every kind answers in CA's `{error_code, error_description}` shape on both
// transports: never a 500, a stack trace or a hang.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { transports, type Transport } from '../../support/transports.ts'
import { APP_ID, caClient, expectCaError, HEDMORAL, TXN_ID } from './support.ts'

const LIMIT = 64 * 1024
const fields = { client_txn_id: TXN_ID, client_app_id: APP_ID, username: HEDMORAL.username, password: HEDMORAL.password }

describe.each(transports)('CA bad input, %s transport', (name, start) => {
  let t: Transport
  let ca: ReturnType<typeof caClient>
  let token: string
  beforeAll(async () => {
    t = await start({ bodyLimit: LIMIT })
    ca = caClient(t, 'hedmoral')
  })
  afterAll(() => t.close())
  beforeEach(async () => {
    t.sandbox.reset()
    token = await ca.token()
  })

  const json = { 'content-type': 'application/json' }

  describe.each([
    ['POST /token', '/token', false],
    ['POST /accounts', '/accounts', true],
    ['POST /accounts/{id}/links', '/accounts/ACC-1001/links', true],
  ])('%s', (_label, path, needsToken) => {
    const post = (raw: BodyInit, headers: Record<string, string> = json) =>
      ca.call('POST', path, { raw, headers, ...(needsToken ? { token } : {}) })

    it.each([
      ['truncated JSON', '{"client_txn_id":'],
      ['a trailing comma', '{"username":"x",}'],
      ['form encoding sent as JSON', 'username=x&password=y'],
      ['bytes that are not UTF-8', new Uint8Array([0x7b, 0xc3, 0x28, 0x7d])],
    ])('answers 400 invalid_input to %s', async (_what, raw) => {
      expectCaError(await post(raw as BodyInit), 'invalid_input', 'Request body is not valid JSON')
    })

    it.each([
      ['an array', '[1,2,3]'],
      ['a JSON null', 'null'],
      ['a number', '42'],
      ['a string', '"token please"'],
    ])('answers 400 invalid_input when the body is %s', async (_what, raw) => {
      expectCaError(await post(raw), 'invalid_input', 'Request body must be a JSON object')
    })

    it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml'])(
      'answers 400 invalid_input to Content-Type %s',
      async (contentType) => {
        expectCaError(await post(JSON.stringify(fields), { 'content-type': contentType }), 'invalid_input', 'Value for element {Content-Type} is invalid')
      },
    )

    it('answers 400 invalid_input to a body over the limit, without reading all of it', async () => {
      const r = await post(JSON.stringify({ ...fields, padding: 'x'.repeat(LIMIT) }))
      expectCaError(r, 'invalid_input', `Request body is larger than ${LIMIT} bytes`)
    })

    it.each([
      ['a __proto__ key', `{"__proto__":{"isAdmin":true},"card_number":"4012888888881881"}`],
      ['a constructor key', `{"constructor":{"prototype":{}},"tenant_id":"hedmoral","account_id":"Z"}`],
      ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
      ['a huge string value', JSON.stringify({ ...fields, tenant_id: 'hedmoral', account_id: 'y'.repeat(30_000), card_number: '1'.repeat(30_000) })],
      ['unicode and control characters', JSON.stringify({ username: '\u0000\u202e\ud83d\ude00', account_id: '\u0000', card_number: '\u00b9\u00b2' })],
    ])('answers 200 or 400, errors in the CA shape, to %s', async (_what, raw) => {
      const r = await post(raw)
      expect([200, 400]).toContain(r.status)
      if (r.status === 400) expect(Object.keys(r.body).sort()).toEqual(['error_code', 'error_description'])
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
    })
  })

  describe('wrong types', () => {
    it.each([
      ['tenant_id as a number', { tenant_id: 7, account_id: 'A' }, 'tenant_id'],
      ['account_id as an object', { tenant_id: 'hedmoral', account_id: { $gt: '' } }, 'account_id'],
      ['name as an array', { tenant_id: 'hedmoral', account_id: 'A', name: ['x'] }, 'name'],
      ['contacts as an object', { tenant_id: 'hedmoral', account_id: 'A', contacts: { contact_id: 'c' } }, 'contacts'],
      ['a contact as a string', { tenant_id: 'hedmoral', account_id: 'A', contacts: ['c'] }, 'contacts[0]'],
      ['a contact type not offered', { tenant_id: 'hedmoral', account_id: 'A', contacts: [{ contact_id: 'c', type: 'fax', value: '1' }] }, 'contacts[0].type'],
      ['is_default as a string', { tenant_id: 'hedmoral', account_id: 'A', devices: [{ device_id: 'd', is_default: 'true' }] }, 'devices[0].is_default'],
      ['a repeated device_id', { tenant_id: 'hedmoral', account_id: 'A', devices: [{ device_id: 'd' }, { device_id: 'd' }] }, 'devices[1].device_id'],
      ['client_txn_id not a UUID', { client_txn_id: 'abc', tenant_id: 'hedmoral', account_id: 'A' }, 'client_txn_id'],
    ])('Add Account answers invalid_input to %s', async (_what, body, element) => {
      const r = await ca.call('POST', '/accounts', { token, body })
      expectCaError(r, 'invalid_input', `Value for element {${element}} is invalid`)
    })

    it.each([
      ['a number', 4012888888881881],
      ['letters', '4012-8888-8888-1881'],
      ['too few digits', '40128888'],
    ])('Add Link answers invalid_input to card_number as %s', async (_what, card_number) => {
      expectCaError(await ca.call('POST', '/accounts/ACC-1001/links', { token, body: { card_number } }), 'invalid_input', 'Value for element {card_number} is invalid')
    })

    it('Delete Link answers invalid_input to a card number that is not digits', async () => {
      expectCaError(await ca.call('DELETE', '/accounts/ACC-1001/links/not-a-card', { token }), 'invalid_input', 'Value for element {card_number} is invalid')
    })

    it('ignores unknown keys on the account APIs', async () => {
      const r = await ca.call('POST', '/accounts', { token, body: { tenant_id: 'hedmoral', account_id: 'U-1', nickname: 'x', cards: ['4012888888881881'] } })
      expect(r.status).toBe(200)
      expect(r.body).toEqual({ tenant_id: 'hedmoral', account_id: 'U-1', cards: [], contacts: [], devices: [] })
    })
  })

  describe('the Authorization header and routing', () => {
    it('checks the token before the body: a bad token with bad JSON answers auth_token_verify_failed', async () => {
      const r = await ca.call('POST', '/accounts', { raw: '{not json', headers: { ...json, authorization: 'garbage' } })
      expectCaError(r, 'auth_token_verify_failed')
    })

    it.each([
      ['POST', '/accounts'],
      ['GET', '/accounts/ACC-1001/links'],
      ['POST', '/accounts/ACC-1001/links'],
      ['DELETE', '/accounts/ACC-1001/links/4111111111111111'],
      ['DELETE', '/accounts/ACC-1001'],
      ['DELETE', '/accounts/ACC-1001/contacts/C-1001-2'],
      ['DELETE', '/accounts/ACC-1001/devices/D-1001-2'],
    ])('%s %s without Authorization answers auth_token_verify_failed', async (method, path) => {
      expectCaError(await ca.call(method, path, method === 'POST' ? { body: {} } : {}), 'auth_token_verify_failed')
    })

    it('answers an unknown path with 404 resource_not_found in the CA shape', async () => {
      expectCaError(await ca.call('GET', '/nothing-here', { token }), 'resource_not_found', undefined, 404)
    })

    it('answers a method a path does not have with 405 method_not_allowed and Allow', async () => {
      const r = await ca.call('PUT', '/token', { body: fields })
      expectCaError(r, 'method_not_allowed', undefined, 405)
      expect(r.headers.get('allow')).toBe('POST')
    })

    it('answers a percent-encoding that does not decode below 500, in the CA shape', async () => {
      const r = await ca.call('DELETE', '/accounts/%E0%A4%A/contacts/x', { token })
      expectCaError(r, 'resource_not_found', undefined, 404)
    })
  })
})
