// The account APIs a CA token unlocks, on both transports: the token is the raw Authorization
// value, expires after the tenant's minutes by the sandbox clock, is refused when altered or
// presented to another tenant, and only lets its service account call what it is allowed to.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { transports, type Transport } from '../../support/transports.ts'
import { advanceClock } from '../../support/admin.ts'
import { APP_ID, caClient, expectCaError, HEDMORAL, HEDMORAL_VIEWER, KVARNBY, tamper, TXN_ID } from './support.ts'

const FREE_CARD = '4012888888881881'

describe.each(transports)('CA account APIs, %s transport', (_name, start) => {
  let t: Transport
  let hedmoral: ReturnType<typeof caClient>
  let kvarnby: ReturnType<typeof caClient>
  beforeAll(async () => {
    t = await start({ seed: 'ca-accounts' })
    hedmoral = caClient(t, 'hedmoral')
    kvarnby = caClient(t, 'kvarnby')
  })
  afterAll(() => t.close())
  beforeEach(() => {
    t.sandbox.reset()
    t.sandbox.clock.freeze()
  })

  const links = (token: string, account = 'ACC-1001', tenant_id = 'hedmoral', client = hedmoral) =>
    client.call('GET', `/accounts/${account}/links`, { token, query: { tenant_id } })

  describe('the token', () => {
    it('unlocks the account APIs when sent as the raw Authorization value', async () => {
      const token = await hedmoral.token()
      const r = await links(token)
      expect(r.status).toBe(200)
      expect(r.body).toEqual({ tenant_id: 'hedmoral', account_id: 'ACC-1001', name: 'Ada Lindqvist', cards: [{ card_number: '4111111111111111' }] })
    })

    it('is reusable until it expires', async () => {
      const token = await hedmoral.token()
      for (let i = 0; i < 3; i++) expect((await links(token)).status).toBe(200)
    })

    it("answers auth_token_expired once the sandbox clock passes the tenant's minutes", async () => {
      const token = await hedmoral.token()
      await advanceClock(t, `${HEDMORAL.minutes * 60 - 1}s`)
      expect((await links(token)).status).toBe(200)
      await advanceClock(t, '1s')
      expectCaError(await links(token), 'auth_token_expired', 'Authorization token has expired')
    })

    it("expires on each tenant's own schedule", async () => {
      const token = await kvarnby.token(KVARNBY)
      await advanceClock(t, `${KVARNBY.minutes}m`)
      expectCaError(await links(token, 'KV-1', 'kvarnby', kvarnby), 'auth_token_expired')
      const fresh = await hedmoral.token()
      await advanceClock(t, `${KVARNBY.minutes}m`)
      expect((await links(fresh)).status).toBe(200)
    })

    it('answers auth_token_verify_failed when one character of the signature is changed', async () => {
      const token = await hedmoral.token()
      expectCaError(await links(tamper(token)), 'auth_token_verify_failed', 'Authorization token verification has failed')
    })

    it('answers auth_token_verify_failed when the claims are rewritten', async () => {
      const token = await hedmoral.token()
      const [h, p, s] = token.split('.') as [string, string, string]
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString())
      const forged = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86_400 })).toString('base64url')
      expectCaError(await links(`${h}.${forged}.${s}`), 'auth_token_verify_failed')
    })

    it('answers auth_token_verify_failed to a tampered token even after it expired', async () => {
      const token = await hedmoral.token()
      await advanceClock(t, '1d')
      expectCaError(await links(tamper(token)), 'auth_token_verify_failed')
    })

    it("is refused by another tenant: tenant A's token on tenant B's base URL", async () => {
      const token = await hedmoral.token()
      expectCaError(await links(token, 'KV-1', 'kvarnby', kvarnby), 'auth_token_verify_failed')
      const entry = t.sandbox.journal.list({ vendor: 'ca', environment: 'kvarnby' }).at(-1)!
      expect(entry.reason).toMatch(/wrong_tenant/)
    })

    it.each([
      ['no Authorization header', undefined],
      ['an empty Authorization header', ''],
      ['a value that is not a JWT', 'not-a-token'],
    ])('answers auth_token_verify_failed to %s', async (_what, token) => {
      expectCaError(await hedmoral.call('GET', '/accounts/ACC-1001/links', { query: { tenant_id: 'hedmoral' }, ...(token !== undefined ? { token } : {}) }), 'auth_token_verify_failed')
    })

    it('takes the raw token only: a Bearer prefix is refused', async () => {
      const token = await hedmoral.token()
      expectCaError(await links(`Bearer ${token}`), 'auth_token_verify_failed')
      expect(t.sandbox.journal.list({ vendor: 'ca' }).at(-1)!.reason).toMatch(/Bearer/)
    })

    it('refuses the token when the request names another client_app_id', async () => {
      const token = await hedmoral.token(HEDMORAL, APP_ID)
      const r = await hedmoral.call('GET', '/accounts/ACC-1001/links', { token, query: { tenant_id: 'hedmoral', client_app_id: 'OTHER_APP' } })
      expectCaError(r, 'auth_token_verify_failed')
      const same = await hedmoral.call('GET', '/accounts/ACC-1001/links', { token, query: { tenant_id: 'hedmoral', client_app_id: APP_ID, client_txn_id: TXN_ID } })
      expect(same.status).toBe(200)
      expect(t.sandbox.journal.list({ vendor: 'ca' }).at(-1)!.meta).toMatchObject({ client_txn_id: TXN_ID, client_app_id: APP_ID })
    })
  })

  describe('permissions', () => {
    it('answers user_not_authorized when the service account may not call the operation', async () => {
      const token = await hedmoral.token(HEDMORAL_VIEWER)
      expect((await links(token)).status).toBe(200)
      const r = await hedmoral.call('POST', '/accounts', { token, body: { tenant_id: 'hedmoral', account_id: 'ACC-9' } })
      expectCaError(r, 'user_not_authorized', 'User is not authorized')
      expectCaError(await hedmoral.call('DELETE', '/accounts/ACC-1001', { token, query: { tenant_id: 'hedmoral' } }), 'user_not_authorized')
      expect(t.sandbox.ca.accounts('hedmoral').map((a) => a.account_id)).not.toContain('ACC-9')
    })
  })

  describe('accounts, links and factors', () => {
    it('adds an account, links a card to it, lists it, unlinks it and deletes the account', async () => {
      const token = await hedmoral.token()
      const added = await hedmoral.call('POST', '/accounts', {
        token,
        body: {
          client_txn_id: TXN_ID,
          client_app_id: APP_ID,
          tenant_id: 'hedmoral',
          account_id: 'ACC-3001',
          name: 'Cyd Berg',
          contacts: [
            { contact_id: 'c1', type: 'email', value: 'cyd@example.com' },
            { contact_id: 'c2', type: 'mobile', value: '+46700000002', is_default: true },
          ],
          devices: [{ device_id: 'd1' }],
        },
      })
      expect(added.status).toBe(200)
      expect(added.body).toEqual({
        tenant_id: 'hedmoral',
        account_id: 'ACC-3001',
        name: 'Cyd Berg',
        cards: [],
        contacts: [
          { contact_id: 'c1', type: 'email', value: 'cyd@example.com', is_default: false },
          { contact_id: 'c2', type: 'mobile', value: '+46700000002', is_default: true },
        ],
        // The only device becomes the default.
        devices: [{ device_id: 'd1', is_default: true }],
      })
      const linked = await hedmoral.call('POST', '/accounts/ACC-3001/links', { token, body: { card_number: FREE_CARD } })
      expect(linked.status).toBe(200)
      expect(linked.body.cards).toEqual([{ card_number: FREE_CARD }])
      expect((await links(token, 'ACC-3001')).body.cards).toEqual([{ card_number: FREE_CARD }])
      // Linking the same card to the same account again changes nothing.
      expect((await hedmoral.call('POST', '/accounts/ACC-3001/links', { token, body: { card_number: FREE_CARD } })).status).toBe(200)

      expect((await hedmoral.call('DELETE', `/accounts/ACC-3001/links/${FREE_CARD}`, { token })).status).toBe(200)
      expect((await links(token, 'ACC-3001')).body.cards).toEqual([])
      expect((await hedmoral.call('DELETE', '/accounts/ACC-3001/contacts/c1', { token })).status).toBe(200)
      const removed = await hedmoral.call('DELETE', '/accounts/ACC-3001', { token, query: { tenant_id: 'hedmoral' } })
      expect(removed).toMatchObject({ status: 200, body: {} })
      expectCaError(await links(token, 'ACC-3001'), 'account_not_found')
    })

    it("frees a deleted account's cards for another account", async () => {
      const token = await hedmoral.token()
      expect((await hedmoral.call('DELETE', '/accounts/ACC-1001', { token, query: { tenant_id: 'hedmoral' } })).status).toBe(200)
      const r = await hedmoral.call('POST', '/accounts/ACC-2001/links', { token, body: { card_number: '4111111111111111', name: 'Business' } })
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ account_id: 'ACC-2001', name: 'Business', cards: [{ card_number: '4111111111111111' }] })
    })

    it('picks one of several accounts sharing an account_id by name', async () => {
      const token = await hedmoral.token()
      const r = await hedmoral.call('GET', '/accounts/ACC-2001/links', { token, query: { tenant_id: 'hedmoral', name: 'Primary' } })
      expect(r.body).toEqual({ tenant_id: 'hedmoral', account_id: 'ACC-2001', name: 'Primary', cards: [{ card_number: '5555555555554444' }] })
    })

    it('deletes a device that is not the default', async () => {
      const token = await hedmoral.token()
      expect((await hedmoral.call('DELETE', '/accounts/ACC-1001/devices/D-1001-2', { token })).status).toBe(200)
      expect(t.sandbox.ca.accounts('hedmoral').find((a) => a.account_id === 'ACC-1001')!.devices).toEqual([{ device_id: 'D-1001-1', is_default: true }])
    })

    it("keeps tenants apart: one tenant's account ids and cards do not exist for the other", async () => {
      const a = await hedmoral.token()
      const b = await kvarnby.token(KVARNBY)
      expectCaError(await links(a, 'KV-1'), 'account_not_found')
      // The same account_id may exist in both tenants.
      expect((await kvarnby.call('POST', '/accounts', { token: b, body: { tenant_id: 'kvarnby', account_id: 'ACC-1001' } })).status).toBe(200)
      expectCaError(await hedmoral.call('POST', '/accounts/ACC-1001/links', { token: a, body: { card_number: '4000056655665556' } }), 'card_not_found')
      expect((await links(a)).body.name).toBe('Ada Lindqvist')
    })
  })
})
