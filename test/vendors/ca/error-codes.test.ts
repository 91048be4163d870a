// Every code in CA's "Error Codes Returned by APIs for Managing Accounts and User Factors" table
// is reachable, with HTTP 400 and exactly `{error_code, error_description}`, on both transports.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { transports, type Transport } from '../../support/transports.ts'
import { advanceClock } from '../../support/admin.ts'
import { caClient, expectCaError, HEDMORAL_VIEWER, tamper, type Answer } from './support.ts'

const DOCUMENTED = [
  'account_not_found',
  'account_exists',
  'tenant_not_found',
  'multiple_accounts_found',
  'card_not_found',
  'link_already_exists',
  'contact_not_found',
  'device_not_found',
  'default_factor_cannot_be_deleted',
  'is_default_enabled_for_more_than_one_factor',
  'unauthorized_access',
  'user_not_authorized',
  'auth_token_verify_failed',
  'auth_token_expired',
  'missing_input',
] as const

describe.each(transports)('CA documented error codes, %s transport', (_name, start) => {
  let t: Transport
  let ca: ReturnType<typeof caClient>
  let token: string
  const seen = new Set<string>()

  beforeAll(async () => {
    t = await start({ seed: 'ca-errors' })
    ca = caClient(t, 'hedmoral')
  })
  afterAll(async () => {
    await t.close()
  })
  beforeEach(async () => {
    t.sandbox.reset()
    t.sandbox.clock.freeze()
    token = await ca.token()
  })

  const expectCode = (r: Answer, code: (typeof DOCUMENTED)[number], description: string) => {
    expectCaError(r, code, description, 400)
    seen.add(code)
  }

  it('account_not_found: Linked Accounts, Add Link, Delete Link and Delete Account for an unknown account_id', async () => {
    const d = 'account does not exist'
    expectCode(await ca.call('GET', '/accounts/NOPE/links', { token, query: { tenant_id: 'hedmoral' } }), 'account_not_found', d)
    expectCode(await ca.call('POST', '/accounts/NOPE/links', { token, body: { card_number: '4012888888881881' } }), 'account_not_found', d)
    expectCode(await ca.call('DELETE', '/accounts/NOPE/links/4111111111111111', { token }), 'account_not_found', d)
    expectCode(await ca.call('DELETE', '/accounts/NOPE', { token, query: { tenant_id: 'hedmoral' } }), 'account_not_found', d)
    expectCode(await ca.call('GET', '/accounts/ACC-2001/links', { token, query: { tenant_id: 'hedmoral', name: 'Savings' } }), 'account_not_found', d)
  })

  it('account_exists: Add Account with an account_id the tenant already has', async () => {
    const r = await ca.call('POST', '/accounts', { token, body: { tenant_id: 'hedmoral', account_id: 'ACC-1001', name: 'Someone else' } })
    expectCode(r, 'account_exists', 'account_id already exists')
  })

  it("tenant_not_found: an unknown tenant_id, or another tenant's, on Add Account, Linked Accounts and Delete Account", async () => {
    const d = 'tenant_id does not exist'
    expectCode(await ca.call('POST', '/accounts', { token, body: { tenant_id: 'nobank', account_id: 'X-1' } }), 'tenant_not_found', d)
    expectCode(await ca.call('POST', '/accounts', { token, body: { tenant_id: 'kvarnby', account_id: 'X-1' } }), 'tenant_not_found', d)
    expectCode(await ca.call('GET', '/accounts/ACC-1001/links', { token, query: { tenant_id: 'kvarnby' } }), 'tenant_not_found', d)
    expectCode(await ca.call('DELETE', '/accounts/ACC-1001', { token, query: { tenant_id: 'nobank' } }), 'tenant_not_found', d)
  })

  it('multiple_accounts_found: account_id ACC-2001 exists under two names and no name is given', async () => {
    const d = 'account_id found for more than one name'
    expectCode(await ca.call('GET', '/accounts/ACC-2001/links', { token, query: { tenant_id: 'hedmoral' } }), 'multiple_accounts_found', d)
    expectCode(await ca.call('POST', '/accounts/ACC-2001/links', { token, body: { card_number: '4012888888881881' } }), 'multiple_accounts_found', d)
    expectCode(await ca.call('DELETE', '/accounts/ACC-2001/links/5555555555554444', { token }), 'multiple_accounts_found', d)
    expectCode(await ca.call('DELETE', '/accounts/ACC-2001', { token, query: { tenant_id: 'hedmoral' } }), 'multiple_accounts_found', d)
  })

  it("card_not_found: Add Link with a card the tenant's ACS does not know", async () => {
    const r = await ca.call('POST', '/accounts/ACC-1001/links', { token, body: { card_number: '4000000000000002' } })
    expectCode(r, 'card_not_found', 'card_number [4000000000000002] does not exist')
  })

  it('link_already_exists: Add Link with a card linked to another account', async () => {
    const r = await ca.call('POST', '/accounts/ACC-1001/links', { token, body: { card_number: '5555555555554444' } })
    expectCode(r, 'link_already_exists', 'Cardnumber (5555555555554444) is linked with another account')
  })

  it('contact_not_found: Delete Contact with a contact_id the account does not have', async () => {
    const r = await ca.call('DELETE', '/accounts/ACC-1001/contacts/C-NOPE', { token })
    expectCode(r, 'contact_not_found', 'contact_id [ C-NOPE ] does not exist')
  })

  it('device_not_found: Delete Device with a device_id the account does not have (worded with contact_id, as documented)', async () => {
    const r = await ca.call('DELETE', '/accounts/ACC-1001/devices/D-NOPE', { token })
    expectCode(r, 'device_not_found', 'contact_id D-NOPE does not exist')
  })

  it('default_factor_cannot_be_deleted: deleting the default contact or the default device', async () => {
    const d = 'Default factor cannot be deleted'
    expectCode(await ca.call('DELETE', '/accounts/ACC-1001/contacts/C-1001-1', { token }), 'default_factor_cannot_be_deleted', d)
    expectCode(await ca.call('DELETE', '/accounts/ACC-1001/devices/D-1001-1', { token }), 'default_factor_cannot_be_deleted', d)
  })

  it('is_default_enabled_for_more_than_one_factor: Add Account with two default contacts, or two default devices', async () => {
    const contacts = [
      { contact_id: 'a', type: 'email', value: 'a@example.com', is_default: true },
      { contact_id: 'b', type: 'mobile', value: '+46700000003', is_default: true },
    ]
    const devices = [
      { device_id: 'x', is_default: true },
      { device_id: 'y', is_default: true },
    ]
    expectCode(
      await ca.call('POST', '/accounts', { token, body: { tenant_id: 'hedmoral', account_id: 'N-1', contacts } }),
      'is_default_enabled_for_more_than_one_factor',
      'is_default is set to true for more than one contact',
    )
    expectCode(
      await ca.call('POST', '/accounts', { token, body: { tenant_id: 'hedmoral', account_id: 'N-1', devices } }),
      'is_default_enabled_for_more_than_one_factor',
      'is_default is set to true for more than one device',
    )
  })

  it('unauthorized_access: the Token API with a wrong password', async () => {
    const r = await ca.requestToken({ client_txn_id: '5b6b0a8e-1111-4222-8333-944455556666', client_app_id: 'APP', username: 'hedmoral_admin', password: 'nope' })
    expectCode(r, 'unauthorized_access', 'Invalid credentials')
  })

  it('user_not_authorized: a service account without the permission, on every account API', async () => {
    const viewer = await ca.token(HEDMORAL_VIEWER)
    const d = 'User is not authorized'
    expectCode(await ca.call('POST', '/accounts', { token: viewer, body: { tenant_id: 'hedmoral', account_id: 'N-2' } }), 'user_not_authorized', d)
    expectCode(await ca.call('POST', '/accounts/ACC-1001/links', { token: viewer, body: { card_number: '4012888888881881' } }), 'user_not_authorized', d)
    expectCode(await ca.call('DELETE', '/accounts/ACC-1001/links/4111111111111111', { token: viewer }), 'user_not_authorized', d)
    expectCode(await ca.call('DELETE', '/accounts/ACC-1001', { token: viewer, query: { tenant_id: 'hedmoral' } }), 'user_not_authorized', d)
    expectCode(await ca.call('DELETE', '/accounts/ACC-1001/contacts/C-1001-2', { token: viewer }), 'user_not_authorized', d)
    expectCode(await ca.call('DELETE', '/accounts/ACC-1001/devices/D-1001-2', { token: viewer }), 'user_not_authorized', d)
  })

  it('auth_token_verify_failed: an altered token on every account API, Delete Link included', async () => {
    const bad = tamper(token)
    const d = 'Authorization token verification has failed'
    expectCode(await ca.call('POST', '/accounts', { token: bad, body: { tenant_id: 'hedmoral', account_id: 'N-3' } }), 'auth_token_verify_failed', d)
    expectCode(await ca.call('GET', '/accounts/ACC-1001/links', { token: bad, query: { tenant_id: 'hedmoral' } }), 'auth_token_verify_failed', d)
    expectCode(await ca.call('POST', '/accounts/ACC-1001/links', { token: bad, body: { card_number: '4012888888881881' } }), 'auth_token_verify_failed', d)
    expectCode(await ca.call('DELETE', '/accounts/ACC-1001/links/4111111111111111', { token: bad }), 'auth_token_verify_failed', d)
    expectCode(await ca.call('DELETE', '/accounts/ACC-1001', { token: bad, query: { tenant_id: 'hedmoral' } }), 'auth_token_verify_failed', d)
  })

  it('auth_token_expired: an expired token on every account API', async () => {
    await advanceClock(t, '31m')
    const d = 'Authorization token has expired'
    expectCode(await ca.call('POST', '/accounts', { token, body: { tenant_id: 'hedmoral', account_id: 'N-4' } }), 'auth_token_expired', d)
    expectCode(await ca.call('GET', '/accounts/ACC-1001/links', { token, query: { tenant_id: 'hedmoral' } }), 'auth_token_expired', d)
    expectCode(await ca.call('POST', '/accounts/ACC-1001/links', { token, body: { card_number: '4012888888881881' } }), 'auth_token_expired', d)
    expectCode(await ca.call('DELETE', '/accounts/ACC-1001/links/4111111111111111', { token }), 'auth_token_expired', d)
    expectCode(await ca.call('DELETE', '/accounts/ACC-1001', { token, query: { tenant_id: 'hedmoral' } }), 'auth_token_expired', d)
    expectCode(await ca.call('DELETE', '/accounts/ACC-1001/contacts/C-1001-2', { token }), 'auth_token_expired', d)
  })

  it('missing_input: a required element absent from the Token API and the account APIs', async () => {
    expectCode(await ca.requestToken({ client_app_id: 'APP' }), 'missing_input', 'Value for element {client_txn_id} is required')
    expectCode(await ca.call('POST', '/accounts', { token, body: { account_id: 'N-5' } }), 'missing_input', 'Value for element {tenant_id} is required')
    expectCode(await ca.call('POST', '/accounts', { token, body: { tenant_id: 'hedmoral' } }), 'missing_input', 'Value for element {account_id} is required')
    expectCode(
      await ca.call('POST', '/accounts', { token, body: { tenant_id: 'hedmoral', account_id: 'N-5', contacts: [{ contact_id: 'a', value: 'x@example.com' }] } }),
      'missing_input',
      'Value for element {contacts[0].type} is required',
    )
    expectCode(await ca.call('GET', '/accounts/ACC-1001/links', { token }), 'missing_input', 'Value for element {tenant_id} is required')
    expectCode(await ca.call('POST', '/accounts/ACC-1001/links', { token, body: {} }), 'missing_input', 'Value for element {card_number} is required')
  })

  it('leaves nothing changed after a refusal', async () => {
    await ca.call('POST', '/accounts/ACC-1001/links', { token, body: { card_number: '5555555555554444' } })
    await ca.call('DELETE', '/accounts/ACC-1001/contacts/C-1001-1', { token })
    const account = t.sandbox.ca.accounts('hedmoral').find((a) => a.account_id === 'ACC-1001')!
    expect(account.cards).toEqual([{ card_number: '4111111111111111' }])
    expect(account.contacts.map((c) => c.contact_id)).toEqual(['C-1001-1', 'C-1001-2'])
  })

  it('has walked every documented code', () => {
    expect([...seen].sort()).toEqual([...DOCUMENTED].sort())
  })
})
