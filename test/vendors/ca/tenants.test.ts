// Tenants: where each is served (its silo host for msw, /ca/<tenant> on the server, any URL the
// user adds with the `baseUrls` option), how the fixtures are checked, what `serve` prints, and
// the sandbox-only routes under /__sandbox/ca.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/node/sandbox.ts'
import { mswTransport, serverTransport, type Transport } from '../../support/transports.ts'
import { adminPost } from '../../support/admin.ts'
import { caClient, expectCaError, HEDMORAL, KVARNBY, tamper, TXN_ID } from './support.ts'
import seed from '../../../fixtures/ca.json' with { type: 'json' }

const tokenBody = (who: { username: string; password: string }) => ({
  client_txn_id: TXN_ID,
  client_app_id: 'APP',
  username: who.username,
  password: who.password,
})

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as any, headers: res.headers }
}

describe('CA tenant addressing', () => {
  it('serves each seeded tenant on its silo host (msw) and under /ca/<tenant> (server)', () => {
    const sandbox = createSandbox()
    expect(sandbox.baseUrls().filter((m) => m.vendor === 'ca')).toEqual([
      { vendor: 'ca', base: 'https://secure2api.arcot.com', environment: 'hedmoral' },
      { vendor: 'ca', base: 'https://secure4api.arcot.com', environment: 'kvarnby' },
    ])
    expect(sandbox.prefixes().filter((m) => m.vendor === 'ca')).toEqual([
      { vendor: 'ca', base: '/ca/hedmoral', environment: 'hedmoral' },
      { vendor: 'ca', base: '/ca/kvarnby', environment: 'kvarnby' },
    ])
  })

  it("prints each tenant's base path and its service accounts for the serve banner", () => {
    const lines = createSandbox().describe().ca!
    expect(lines).toContain('tenant hedmoral (Hedmoral Bank)  /ca/hedmoral  msw: https://secure2api.arcot.com  tokens last 30 min')
    expect(lines).toContain('  service account hedmoral_admin / Hedmoral-Sandbox-1  (all operations)')
    expect(lines).toContain('  service account hedmoral_viewer / Hedmoral-Viewer-1  (linked_accounts)')
    expect(lines.some((l) => l.startsWith('tenant kvarnby') && l.includes('tokens last 15 min'))).toBe(true)
  })

  describe('with extra base URLs (msw)', () => {
    let t: Transport
    beforeAll(async () => {
      t = await mswTransport({
        baseUrls: { ca: [{ base: 'https://acs.hedmoral.example/afi/apiv1', environment: 'hedmoral' }, 'https://shared.arcot.example'] },
      })
    })
    afterAll(() => t.close())

    it('serves a tenant on the URL the user configured for it', async () => {
      const base = 'https://acs.hedmoral.example/afi/apiv1'
      const r = await post(`${base}/token`, tokenBody(HEDMORAL))
      expect(r.status).toBe(200)
      const links = await fetch(`${base}/accounts/ACC-1001/links?tenant_id=hedmoral`, { headers: { authorization: r.body.token } })
      expect(links.status).toBe(200)
      expectCaError(await post(`${base}/token`, tokenBody(KVARNBY)), 'unauthorized_access')
    })

    it('on a URL with no tenant, lets the username pick the tenant and the token carry it', async () => {
      const base = 'https://shared.arcot.example'
      const r = await post(`${base}/token`, tokenBody(KVARNBY))
      expect(r.status).toBe(200)
      const ok = await fetch(`${base}/accounts/KV-1/links?tenant_id=kvarnby`, { headers: { authorization: r.body.token } })
      expect(ok.status).toBe(200)
      const bad = await fetch(`${base}/accounts/KV-1/links?tenant_id=kvarnby`, { headers: { authorization: tamper(r.body.token) } })
      expect(await bad.json()).toEqual({ error_code: 'auth_token_verify_failed', error_description: 'Authorization token verification has failed' })
    })
  })

  // Checked as a whole before the sandbox is built (src/vendors/ca/fixtures.ts): a FixtureError naming the place.
  describe('fixture checks', () => {
    const tenants = seed.tenants
    const withTenants = (list: unknown[]) => () => createSandbox({ fixtures: { ca: { tenants: list } as never } })

    it('refuses two tenants on one base URL', () => {
      expect(withTenants([tenants[0], { ...tenants[1], baseUrl: tenants[0]!.baseUrl }])).toThrow('ca fixtures: tenants[1].baseUrl: is the same base URL as item 0')
    })
    it('refuses a token lifetime that is not a positive number of minutes', () => {
      expect(withTenants([{ ...tenants[0], tokenMinutes: 0 }])).toThrow(/tokenMinutes/)
    })
    it.each([1e300, 10_081, Number.MAX_SAFE_INTEGER, 1.5, -0])('refuses tokenMinutes %d: a week at most, so exp stays within a Date', (tokenMinutes) => {
      expect(withTenants([{ ...tenants[0], tokenMinutes }])).toThrow('ca fixtures: tenants[0].tokenMinutes: must be an integer from 1 to 10080')
    })
    it('takes a week of tokenMinutes', () => {
      expect(withTenants([{ ...tenants[0], tokenMinutes: 10_080 }])).not.toThrow()
    })
    it('refuses an operation name it does not know', () => {
      expect(withTenants([{ ...tenants[0], serviceAccounts: [{ username: 'u', password: 'p', operations: ['delete_everything'] }] }])).toThrow(
        /^ca fixtures: tenants\[0\]\.serviceAccounts\[0\]\.operations\[0\]: must be one of add_account, /,
      )
    })
    it('refuses an account card the tenant does not know', () => {
      expect(withTenants([{ ...tenants[0], accounts: [{ account_id: 'A', cards: ['4000000000000002'] }] }])).toThrow("ca fixtures: tenants[0].accounts[0].cards[0]: is not in the tenant's cards")
    })
    it('refuses a tenant id that cannot be a path segment', () => {
      expect(withTenants([{ ...tenants[0], id: 'a/b' }])).toThrow('ca fixtures: tenants[0].id: must be 1 to 64 letters, digits, _ or - (not starting with _ or -)')
    })
    it('defaults the token lifetime to 30 minutes', () => {
      const { tokenMinutes: _drop, ...rest } = tenants[1]!
      const sandbox = createSandbox({ fixtures: { ca: { tenants: [rest] } as never } })
      expect(sandbox.ca.tenants()[0]!.tokenMinutes).toBe(30)
    })
  })
})

describe('CA sandbox-only routes (/__sandbox/ca) and in-process API', () => {
  let t: Transport
  beforeAll(async () => {
    t = await serverTransport({ seed: 'ca-admin' })
  })
  afterAll(() => t.close())

  it('lists tenants without passwords', async () => {
    const res = await fetch(`${t.adminUrl}/ca/tenants`)
    const body = (await res.json()) as { tenants: { id: string; serviceAccounts: unknown[] }[] }
    expect(body.tenants.map((x) => x.id)).toEqual(['hedmoral', 'kvarnby'])
    expect(body.tenants[0]!.serviceAccounts).toEqual([
      { username: 'hedmoral_admin', operations: ['*'] },
      { username: 'hedmoral_viewer', operations: ['linked_accounts'] },
    ])
    expect(JSON.stringify(body)).not.toContain(HEDMORAL.password)
  })

  it('registers a card with a tenant, which Add Link then accepts', async () => {
    const ca = caClient(t, 'hedmoral')
    const token = await ca.token()
    expectCaError(await ca.call('POST', '/accounts/ACC-1001/links', { token, body: { card_number: '4000000000000002' } }), 'card_not_found')
    expect(await adminPost(t, '/ca/tenants/hedmoral/cards', { card_number: '4000000000000002' })).toEqual({ card_number: '4000000000000002', added: true })
    expect((await ca.call('POST', '/accounts/ACC-1001/links', { token, body: { card_number: '4000000000000002' } })).status).toBe(200)
    const cards = (await (await fetch(`${t.adminUrl}/ca/tenants/hedmoral/cards`)).json()) as { cards: { card_number: string; linked_to: string | null }[] }
    expect(cards.cards).toContainEqual({ card_number: '4000000000000002', linked_to: 'ACC-1001' })
    t.sandbox.reset()
  })

  it('says whether a token would be accepted, and why not', async () => {
    t.sandbox.clock.freeze()
    const token = await t.sandbox.ca.issueToken({ tenant: 'hedmoral', username: 'hedmoral_admin' })
    expect(await adminPost(t, '/ca/tokens/verify', { token })).toMatchObject({ accepted: true, verdict: 'valid', tenant: 'hedmoral', username: 'hedmoral_admin', secondsLeft: 1800 })
    t.sandbox.clock.advance(1800 * 1000)
    expect(await t.sandbox.ca.verifyToken({ token })).toMatchObject({ accepted: false, verdict: 'expired', error_code: 'auth_token_expired', secondsLeft: 0 })
    t.sandbox.clock.reset()
    expect(await adminPost(t, '/ca/tokens/verify', { token, tenant: 'kvarnby' })).toMatchObject({ accepted: false, verdict: 'wrong_tenant', error_code: 'auth_token_verify_failed' })
    expect(await adminPost(t, '/ca/tokens/verify', { token: tamper(token) })).toMatchObject({ accepted: false, verdict: 'tampered' })
    expect(await adminPost(t, '/ca/tokens/verify', { token: 'x' })).toMatchObject({ accepted: false, verdict: 'malformed' })
  })

  it('answers unknown tenants in the sandbox error shape', async () => {
    const res = await fetch(`${t.adminUrl}/ca/tenants/nobank/accounts`)
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: "No CA tenant 'nobank'" } })
  })

  it('refuses to mint a token for a service account that does not exist', async () => {
    await expect(t.sandbox.ca.issueToken({ tenant: 'hedmoral', username: 'kvarnby_admin' })).rejects.toThrow(/no service account/)
  })
})
