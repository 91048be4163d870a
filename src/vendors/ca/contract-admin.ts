// CA's cases in the sandbox contract (src/contract/sandbox.ts): its routes under /__sandbox/ca,
// described in ./admin.yaml.
import { describe, expect, it } from 'vitest'
import { pass, skipped, type AdminCases } from '../../contract/suite.ts'

/** `n` random decimal digits (card numbers and CPFs no seed holds). */
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('')

export function adminCases({ api, ok, expectError, allowWrites }: AdminCases): void {
  describe('CA helpers', () => {
    it('lists tenants with their service accounts, never a password', async () => {
      const res = await api('GET', '/ca/tenants')
      const { tenants } = ok(res)
      expect(tenants.length).toBeGreaterThan(0)
      for (const t of tenants) expect(t).toMatchObject({ id: expect.any(String), prefix: expect.stringMatching(/^\/ca\//), tokenMinutes: expect.any(Number) })
      expect(res.text).not.toMatch(/password/i)
    })

    it("lists a tenant's accounts and the cards its ACS knows", async () => {
      const [tenant] = ok(await api('GET', '/ca/tenants')).tenants
      const { accounts } = ok(await api('GET', `/ca/tenants/${encodeURIComponent(tenant.id)}/accounts`))
      for (const a of accounts) expect(a.tenant_id).toBe(tenant.id)
      const { cards } = ok(await api('GET', `/ca/tenants/${encodeURIComponent(tenant.id)}/cards`))
      for (const c of cards) expect(c).toEqual({ card_number: expect.stringMatching(/^\d{12,19}$/), linked_to: c.linked_to === null ? null : expect.any(String) })
    })

    it('answers 404 not_found for a tenant it does not have', async () => {
      expectError(await api('GET', '/ca/tenants/contract-suite-no-such-tenant/accounts'), { status: 404, code: 'not_found' })
      expectError(await api('GET', '/ca/tenants/contract-suite-no-such-tenant/cards'), { status: 404, code: 'not_found' })
    })

    it('answers 400 bad_request to a card number that is not 12 to 19 digits', async () => {
      const [tenant] = ok(await api('GET', '/ca/tenants')).tenants
      const res = await api('POST', `/ca/tenants/${encodeURIComponent(tenant.id)}/cards`, { json: { card_number: '4111-1111' } })
      expectError(res, { status: 400, code: 'bad_request' }, { kind: 'schema', location: ['body', 'card_number'] })
    })

    it('says a token that is not a JWT would be refused, with the error CA would answer', async () => {
      expect(ok(await api('POST', '/ca/tokens/verify', { json: { token: 'not-a-jwt' } }))).toMatchObject({
        accepted: false,
        verdict: 'malformed',
        error_code: 'auth_token_verify_failed',
      })
    })

    it('answers 400 bad_request when the token to verify is missing', async () => {
      const res = await api('POST', '/ca/tokens/verify', { json: { tenant: 'hedmoral' } })
      expectError(res, { status: 400, code: 'bad_request' }, { kind: 'schema', location: ['body', 'token'] })
    })

    if (!allowWrites) {
      skipped("makes a card known to a tenant's ACS, once", `changes the sandbox’s cards; ${pass('allowWrites')}`)
    } else {
      it("makes a card known to a tenant's ACS, once", async () => {
        const [tenant] = ok(await api('GET', '/ca/tenants')).tenants
        const path = `/ca/tenants/${encodeURIComponent(tenant.id)}/cards`
        const card_number = `4000${digits(12)}`
        expect(ok(await api('POST', path, { json: { card_number } }), 201)).toEqual({ card_number, added: true })
        expect(ok(await api('POST', path, { json: { card_number } }))).toEqual({ card_number, added: false })
        expect(ok(await api('GET', path)).cards).toContainEqual({ card_number, linked_to: null })
      })
    }
  })
}
