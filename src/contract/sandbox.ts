// The contract suite for token-sandbox's own API under /__sandbox (contracts/sandbox.yaml):
// health, the dashboard, the vendor listing, the clock, the journal, the rate-limit setting, the
// issued tokens, the served contracts, and the ComplyCube, CAF and CA helpers. `baseUrl` is the
// admin URL (`http://127.0.0.1:4545/__sandbox`). The clock and CAF's settings are put back as
// they were; cases that change the sandbox's data (keys, tokens, faces, cards, reset) or its
// rate-limit setting (put back too) run only with `allowWrites`. With `adminToken` (a sandbox
// whose admin guard is on) every call carries it, and the guard's 401 answers are checked too.
import { describe, expect, it } from 'vitest'
import { createCaller, show, type Answer, type Caller } from './http.ts'
import { expectProxyRefusal, skipped, type ContractRefusal, type ContractSuite, type SuiteTarget, pass } from './suite.ts'

export interface SandboxContractOptions extends SuiteTarget {
  /** The admin token the sandbox requires (`serve --admin-token`); sent as `Authorization: Bearer`. */
  adminToken?: string
}

const INSTANT = Date.parse('2030-01-01T00:00:00.000Z')
const CAF_PRODUCTS = ['FaceAuthenticator', 'CafSDK']

/** `n` random decimal digits (card numbers and CPFs no seed holds). */
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('')

export function sandboxContract(options: SandboxContractOptions): void {
  const plain = createCaller(options.baseUrl, options.fetch)
  /**
   * Without the admin token, whatever the options say (for the guard's cases). State changes go
   * as application/json, body or not: the admin API refuses anything else.
   */
  const bare: Caller = (method, path, call = {}) =>
    plain(method, path, method === 'GET' || call.json !== undefined || call.raw !== undefined ? call : { ...call, headers: { 'content-type': 'application/json', ...call.headers } })
  const token = options.adminToken
  const api: Caller = token === undefined ? bare : (method, path, call = {}) => bare(method, path, { ...call, headers: { authorization: `Bearer ${token}`, ...call.headers } })

  function expectError(res: Answer, expected: { status: number; code: string }, refusal?: ContractRefusal): void {
    if (options.throughPrism && refusal) return expectProxyRefusal(res, refusal)
    const why = show(res)
    expect(res.status, why).toBe(expected.status)
    expect(res.body, why).toEqual({ error: { code: expected.code, message: expect.any(String) } })
  }

  const ok = (res: Answer, status = 200) => {
    expect(res.status, show(res)).toBe(status)
    return res.body
  }

  describe(`token-sandbox admin contract (${options.baseUrl})`, () => {
    it('reports health: status, vendors, clock and journal', async () => {
      const body = ok(await api('GET', '/health'))
      expect(body).toMatchObject({ status: 'ok', clock: { frozen: expect.any(Boolean) }, journal: { size: expect.any(Number) } })
      expect(body.vendors).toContain('complycube')
    })

    describe('clock', () => {
      it('freezes at an instant, advances by a duration, and runs again', async () => {
        const before = ok(await api('GET', '/clock'))
        try {
          expect(ok(await api('POST', '/clock/freeze', { json: { at: new Date(INSTANT).toISOString() } }))).toMatchObject({
            frozen: true,
            epochMs: INSTANT,
            now: '2030-01-01T00:00:00.000Z',
          })
          expect(ok(await api('POST', '/clock/advance', { json: { by: '61m' } }))).toMatchObject({ epochMs: INSTANT + 61 * 60_000 })
          expect(ok(await api('POST', '/clock/advance', { json: { by: 90 } }))).toMatchObject({ epochMs: INSTANT + 61 * 60_000 + 90_000 })
          expect(ok(await api('POST', '/clock/unfreeze'))).toMatchObject({ frozen: false })
        } finally {
          // Put the clock back as it was.
          if (before.frozen) await api('POST', '/clock/freeze', { json: { at: before.epochMs } })
          else await api('POST', '/clock/reset')
        }
      })

      it('answers 400 bad_request to a duration it cannot read', async () => {
        const res = await api('POST', '/clock/advance', { json: { by: 'soon' } })
        expectError(res, { status: 400, code: 'bad_request' }, { kind: 'schema', location: ['body', 'by'] })
      })

      it('answers 400 malformed_json to a body that is not JSON', async () => {
        const res = await api('POST', '/clock/advance', { headers: { 'content-type': 'application/json' }, raw: '{"by": ' })
        expectError(res, { status: 400, code: 'malformed_json' }, { kind: 'unparseable' })
      })
    })

    describe('journal', () => {
      it('lists requests as { requests: [...] }, at most `limit` of them', async () => {
        const body = ok(await api('GET', '/requests', { query: { limit: 2 } }))
        expect(Array.isArray(body.requests)).toBe(true)
        expect(body.requests.length).toBeLessThanOrEqual(2)
      })

      it('answers 400 bad_request to a limit that is not a number', async () => {
        const res = await api('GET', '/requests', { query: { limit: 'many' } })
        expectError(res, { status: 400, code: 'bad_request' }, { kind: 'schema', location: ['query', 'limit'] })
      })
    })

    describe('rate limits', () => {
      it('says whether rate limits are enforced, and lists the limits per vendor and environment', async () => {
        const body = ok(await api('GET', '/rate-limits'))
        expect(typeof body.enabled).toBe('boolean')
        for (const l of body.limits) expect(l).toEqual({ vendor: expect.any(String), environment: expect.any(String), requests: expect.any(Number), perMs: expect.any(Number) })
      })

      if (!options.allowWrites) {
        skipped('turns enforcement on or off and puts the setting back', `changes the sandbox’s rate-limit setting; ${pass('allowWrites')}`)
      } else {
        it('turns enforcement on or off and puts the setting back', async () => {
          const before = ok(await api('GET', '/rate-limits'))
          // With no limits, turning enforcement on refuses no request of a suite running beside this one.
          const flipped = { enabled: !before.enabled, limits: [] }
          expect(ok(await api('POST', '/rate-limits', { json: flipped }))).toEqual(flipped)
          expect(ok(await api('GET', '/rate-limits'))).toEqual(flipped)
          expect(ok(await api('POST', '/rate-limits', { json: before }))).toEqual(before)
        })
      }

      it('answers 400 bad_request to a limit for a vendor it does not serve', async () => {
        const res = await api('POST', '/rate-limits', { json: { limits: [{ vendor: 'contract-suite-no-such-vendor', environment: 'live', requests: 1, perMs: 1000 }] } })
        expectError(res, { status: 400, code: 'bad_request' })
      })

      it('answers 400 bad_request to a window out of range', async () => {
        const res = await api('POST', '/rate-limits', { json: { limits: [{ vendor: 'complycube', environment: 'live', requests: 1, perMs: 0 }] } })
        expectError(res, { status: 400, code: 'bad_request' }, { kind: 'schema', location: ['body', 'limits', '0', 'perMs'] })
      })
    })

    describe('contracts', () => {
      it('serves its contracts as YAML', async () => {
        for (const name of ['complycube', 'sandbox']) {
          const res = await api('GET', `/contracts/${name}.yaml`, { headers: { accept: 'application/yaml' } })
          expect(res.status, show(res)).toBe(200)
          expect(res.headers.get('content-type')).toMatch(/^application\/yaml/)
          expect(res.text).toMatch(/^openapi: 3\.1\.\d+$/m)
        }
      })

      it('answers 404 not_found for a contract it does not have', async () => {
        expectError(await api('GET', '/contracts/no-such-vendor.yaml'), { status: 404, code: 'not_found' })
      })
    })

    describe('ComplyCube helpers', () => {
      it('says a token that is not a JWT would be refused', async () => {
        expect(ok(await api('POST', '/complycube/tokens/verify', { json: { token: 'not-a-jwt' } }))).toMatchObject({
          accepted: false,
          verdict: 'malformed',
        })
      })

      it('answers 400 bad_request when the token to verify is missing', async () => {
        const res = await api('POST', '/complycube/tokens/verify', { json: { referrer: 'https://www.example.com/' } })
        expectError(res, { status: 400, code: 'bad_request' }, { kind: 'schema', location: ['body', 'token'] })
      })

      it('answers 400 bad_request to an environment that does not exist', async () => {
        const res = await api('POST', '/complycube/keys', { json: { environment: 'staging' } })
        expectError(res, { status: 400, code: 'bad_request' }, { kind: 'schema', location: ['body', 'environment'] })
      })

      it('answers 404 not_found when revoking a key it does not know', async () => {
        expectError(await api('POST', '/complycube/keys/test_no_such_key_0000/revoke'), { status: 404, code: 'not_found' })
      })

      if (!options.allowWrites) {
        skipped('creates, lists and revokes API keys', `changes the sandbox’s keys; ${pass('allowWrites')}`)
      } else {
        it('creates, lists and revokes API keys', async () => {
          const key = ok(await api('POST', '/complycube/keys', { json: { environment: 'live', name: 'contract suite' } }), 201)
          expect(key).toEqual({ key: expect.stringMatching(/^live_/), environment: 'live', name: 'contract suite', revoked: false })
          expect(ok(await api('GET', '/complycube/keys')).keys).toContainEqual(key)
          expect(ok(await api('POST', `/complycube/keys/${encodeURIComponent(key.key)}/revoke`))).toEqual({ key: key.key, revoked: true })
          expect(ok(await api('GET', '/complycube/keys')).keys).toContainEqual({ ...key, revoked: true })
        })
      }
    })

    describe('sandbox', () => {
      it('serves the dashboard as HTML that may connect to this origin only', async () => {
        const res = await api('GET', '/', { headers: { accept: 'text/html' } })
        expect(res.status, show(res)).toBe(200)
        expect(res.headers.get('content-type')).toMatch(/^text\/html/)
        expect(res.headers.get('content-security-policy')).toMatch(/connect-src 'self'/)
        expect(res.text).toMatch(/^<!doctype html>/i)
      })

      it('lists every vendor it serves, with base URLs, prefixes and its sandbox-only routes', async () => {
        const { vendors } = ok(await api('GET', '/vendors'))
        expect(vendors.map((v: { name: string }) => v.name)).toEqual(ok(await api('GET', '/health')).vendors)
        for (const name of ['complycube', 'caf', 'ca']) expect(vendors.map((v: { name: string }) => v.name)).toContain(name)
        for (const v of vendors) {
          expect(v.prefixes.length, `${v.name} has a standalone prefix`).toBeGreaterThan(0)
          for (const route of v.adminRoutes) expect(route.path.startsWith(`/__sandbox/${v.name}/`), route.path).toBe(true)
        }
        const caf = vendors.find((v: { name: string }) => v.name === 'caf')
        expect(caf.adminRoutes).toContainEqual({ method: 'POST', path: '/__sandbox/caf/keys' })
        expect(caf.prefixes).toContainEqual({ base: '/caf/prod/mobile', environment: 'prod' })
      })
    })

    describe('issued tokens', () => {
      it('lists the tokens it signed as { tokens: [...] }, never a token string', async () => {
        const { tokens } = ok(await api('GET', '/tokens'))
        expect(Array.isArray(tokens)).toBe(true)
        for (const t of tokens) expect(['active', 'expired', 'not_yet_valid']).toContain(t.status)
      })
    })

    describe('CAF helpers', () => {
      it('lists Mobile Keys of one environment, without their secrets', async () => {
        const res = await api('GET', '/caf/keys', { query: { environment: 'prod' } })
        const { keys } = ok(res)
        expect(keys.length).toBeGreaterThan(0)
        for (const k of keys) expect(k.environment).toBe('prod')
        expect(res.text).not.toMatch(/clientSecret/)
      })

      it('answers 400 bad_request to an environment CAF does not have', async () => {
        const res = await api('GET', '/caf/keys', { query: { environment: 'staging' } })
        expectError(res, { status: 400, code: 'bad_request' }, { kind: 'schema', location: ['query', 'environment'] })
      })

      it('answers 400 bad_request to a new key without products', async () => {
        const res = await api('POST', '/caf/keys', { json: { environment: 'prod', name: 'no products' } })
        expectError(res, { status: 400, code: 'bad_request' }, { kind: 'schema', location: ['body', 'products'] })
      })

      it('answers 404 not_found when revoking a Mobile Key it does not know', async () => {
        expectError(await api('POST', '/caf/keys/contract-suite-no-such-key/revoke'), { status: 404, code: 'not_found' })
      })

      it('answers 404 not_found when minting with a Mobile Key it does not know', async () => {
        const res = await api('POST', '/caf/tokens/mint', { json: { clientId: 'contract-suite-no-such-key' } })
        expectError(res, { status: 404, code: 'not_found' })
      })

      it('says a token that is not a JWT would be refused', async () => {
        expect(ok(await api('POST', '/caf/tokens/verify', { json: { token: 'not-a-jwt', environment: 'prod' } }))).toMatchObject({
          accepted: false,
          refusal: 'malformed',
          message: expect.any(String),
        })
      })

      it('answers 400 bad_request when the environment to verify for is missing', async () => {
        const res = await api('POST', '/caf/tokens/verify', { json: { token: 'not-a-jwt' } })
        expectError(res, { status: 400, code: 'bad_request' }, { kind: 'schema', location: ['body', 'environment'] })
      })

      it('lists registered faces of one environment', async () => {
        const { faces } = ok(await api('GET', '/caf/faces', { query: { environment: 'prod' } }))
        expect(Array.isArray(faces)).toBe(true)
        for (const f of faces) expect(f).toMatchObject({ environment: 'prod', peopleId: expect.stringMatching(/^\d{11}$/) })
      })

      it('answers 400 bad_request to a face whose peopleId is not a CPF', async () => {
        const res = await api('POST', '/caf/faces', { json: { environment: 'prod', peopleId: '123', imageUrl: 'https://faces.example.com/x.jpg' } })
        expectError(res, { status: 400, code: 'bad_request' }, { kind: 'schema', location: ['body', 'peopleId'] })
      })

      it('answers 400 bad_request to a setting out of range', async () => {
        const res = await api('POST', '/caf/settings', { json: { clockSkewSeconds: -1 } })
        expectError(res, { status: 400, code: 'bad_request' }, { kind: 'schema', location: ['body', 'clockSkewSeconds'] })
      })

      if (!options.allowWrites) {
        skipped('creates a Mobile Key, mints and judges a token with it, lists the token, and revokes the key', `changes the sandbox’s keys; ${pass('allowWrites')}`)
        skipped('changes one setting and keeps the others', `changes the sandbox’s settings; ${pass('allowWrites')}`)
        skipped('registers a face for a masked CPF', `changes the sandbox’s faces; ${pass('allowWrites')}`)
      } else {
        it('creates a Mobile Key, mints and judges a token with it, lists the token, and revokes the key', async () => {
          const created = ok(await api('POST', '/caf/keys', { json: { environment: 'beta', name: 'contract suite', products: CAF_PRODUCTS } }), 201)
          expect(created).toEqual({
            clientId: expect.any(String),
            clientSecret: expect.any(String),
            environment: 'beta',
            name: 'contract suite',
            products: CAF_PRODUCTS,
            createdAt: expect.any(String),
          })
          const { clientSecret, ...summary } = created
          const listing = await api('GET', '/caf/keys', { query: { environment: 'beta' } })
          expect(ok(listing).keys).toContainEqual({ ...summary, revoked: false })
          expect(listing.text).not.toContain(clientSecret)

          const { token } = ok(await api('POST', '/caf/tokens/mint', { json: { clientId: created.clientId, expiresIn: '5m' } }))
          const verify = (environment: string) => api('POST', '/caf/tokens/verify', { json: { token, environment, product: 'FaceAuthenticator' } })
          expect(ok(await verify('beta'))).toMatchObject({ accepted: true, clientId: created.clientId, environment: 'beta', products: CAF_PRODUCTS })
          expect(ok(await verify('prod'))).toMatchObject({ accepted: false, refusal: 'wrong_environment' })

          // The issuance shows in the token list: decoded, with its status, never the token itself.
          const tokens = await api('GET', '/tokens')
          const mine = ok(tokens).tokens.filter((t: { claims: { iss?: string } }) => t.claims.iss === created.clientId)
          expect(mine).toHaveLength(1)
          expect(mine[0]).toMatchObject({ header: { alg: 'HS256', typ: 'JWT' }, status: 'active', signedAt: expect.any(String) })
          expect(mine[0].secondsLeft).toBeGreaterThan(0)
          expect(mine[0].secondsLeft).toBeLessThanOrEqual(300)
          expect(mine[0].expiresAt).toBe(new Date(mine[0].claims.exp * 1000).toISOString())
          expect(tokens.text).not.toContain(token)
          expect(tokens.text).not.toContain(clientSecret)

          expect(ok(await api('POST', `/caf/keys/${encodeURIComponent(created.clientId)}/revoke`))).toEqual({ ...summary, revoked: true })
          expect(ok(await verify('beta'))).toMatchObject({ accepted: false, refusal: 'revoked_key' })
        })

        it('changes one setting and keeps the others', async () => {
          const before = ok(await api('GET', '/caf/settings'))
          try {
            expect(ok(await api('POST', '/caf/settings', { json: { strictCpf: !before.strictCpf } }))).toEqual({ ...before, strictCpf: !before.strictCpf })
            expect(ok(await api('GET', '/caf/settings'))).toEqual({ ...before, strictCpf: !before.strictCpf })
          } finally {
            await api('POST', '/caf/settings', { json: before })
          }
        })

        it('registers a face for a masked CPF', async () => {
          const imageUrl = `https://faces.example.com/contract-suite-${digits(6)}.jpg`
          const face = ok(await api('POST', '/caf/faces', { json: { environment: 'dev', peopleId: '123.456.789-09', imageUrl } }), 201)
          expect(face).toEqual({ environment: 'dev', peopleId: '12345678909', imageUrl })
          expect(ok(await api('GET', '/caf/faces', { query: { environment: 'dev' } })).faces).toContainEqual({ ...face, createdAt: expect.any(String) })
        })
      }
    })

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

      if (!options.allowWrites) {
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

    describe('faults', () => {
      if (!options.allowWrites) {
        skipped('adds a fault, lists it and removes it', `changes the sandbox’s faults; ${pass('allowWrites')}`)
      } else {
        it('adds a fault, lists it and removes it', async () => {
          // A path no request takes, so the fault touches nothing while it is in force.
          const rule = { vendor: 'ca', path: '/contract-suite-only', method: 'POST', status: 503 }
          const added = ok(await api('POST', '/faults', { json: { ...rule, times: 3 } }), 201)
          const unmatched = { pathMatch: 'contains', bodyField: null, header: null, headerEquals: null, headers: {}, contentType: null }
          expect(added).toEqual({ ...rule, ...unmatched, id: expect.any(String), environment: null, remaining: 3, hits: 0, delayMs: 0, drop: false })
          expect(ok(await api('GET', '/faults')).faults).toContainEqual(added)
          const after = ok(await api('POST', `/faults/${encodeURIComponent(added.id)}/remove`)).faults
          expect(after.map((f: { id: string }) => f.id)).not.toContain(added.id)
          expectError(await api('POST', `/faults/${encodeURIComponent(added.id)}/remove`), { status: 404, code: 'not_found' })
        })

        it('adds a stub (its own body and headers, finer matchers), lists it and removes it', async () => {
          const rule = {
            vendor: 'ca',
            method: 'POST',
            path: '/contract-suite-only',
            pathMatch: 'exact',
            bodyField: 'client.id',
            bodyEquals: 7,
            header: 'X-Contract-Suite',
            headerEquals: 'yes',
            status: 202,
            json: { accepted: true, items: [1, 'two', null] },
            headers: { 'X-Request-Id': 'contract-suite' },
          }
          const added = ok(await api('POST', '/faults', { json: rule }), 201)
          expect(added).toEqual({
            ...rule,
            header: 'x-contract-suite',
            headers: { 'x-request-id': 'contract-suite' },
            contentType: 'application/json',
            id: expect.any(String),
            environment: null,
            remaining: 1,
            hits: 0,
            delayMs: 0,
            drop: false,
          })
          expect(ok(await api('GET', '/faults')).faults).toContainEqual(added)
          ok(await api('POST', `/faults/${encodeURIComponent(added.id)}/remove`))
        })
      }

      it('answers 400 bad_request to a rule it cannot take', async () => {
        const res = await api('POST', '/faults', { json: { status: 199 } })
        expectError(res, { status: 400, code: 'bad_request' }, { kind: 'schema', location: ['body', 'status'] })
      })
    })

    describe('what a web page on another site could send', () => {
      it('answers 403 forbidden to a page on another origin, and grants it no CORS access', async () => {
        const res = await api('GET', '/health', { headers: { origin: 'https://evil.example' } })
        expectError(res, { status: 403, code: 'forbidden' })
        // Prism's proxy adds CORS headers of its own.
        if (!options.throughPrism) expect(res.headers.get('access-control-allow-origin'), show(res)).toBeNull()
      })

      it('answers 403 forbidden to a state change that is not application/json (a form or text/plain POST)', async () => {
        const before = ok(await api('GET', '/clock'))
        const res = await api('POST', '/clock/reset', { headers: { 'content-type': 'text/plain' } })
        expectError(res, { status: 403, code: 'forbidden' })
        expect(ok(await api('GET', '/clock')).frozen).toBe(before.frozen)
      })
    })

    describe('admin token', () => {
      if (token === undefined) {
        skipped('answers 401 unauthorized without the admin token or with a wrong one', `needs a sandbox whose admin guard is on; ${pass('adminToken')}`)
        skipped('takes the admin token as Authorization: Bearer or x-sandbox-admin-token', `needs a sandbox whose admin guard is on; ${pass('adminToken')}`)
        return
      }
      const expectUnauthorized = (res: Answer) => {
        expectError(res, { status: 401, code: 'unauthorized' })
        expect(res.headers.get('www-authenticate'), show(res)).toMatch(/^Bearer\b/)
      }

      it('answers 401 unauthorized without the admin token or with a wrong one', async () => {
        const calls: [string, string, object][] = [
          ['GET', '/', { headers: { accept: 'text/html, application/json' } }],
          ['GET', '/health', {}],
          ['POST', '/clock/advance', { json: { by: '1s' } }],
          ['GET', '/caf/keys', {}],
          ['POST', '/ca/tokens/verify', { json: { token: 'not-a-jwt' } }],
        ]
        for (const [method, path, call] of calls) expectUnauthorized(await bare(method, path, call))
        expectUnauthorized(await bare('GET', '/health', { headers: { authorization: `Bearer ${token}-wrong` } }))
        expectUnauthorized(await bare('GET', '/tokens', { headers: { 'x-sandbox-admin-token': 'wrong' } }))
      })

      it('takes the admin token as Authorization: Bearer or x-sandbox-admin-token', async () => {
        expect(ok(await bare('GET', '/health', { headers: { authorization: `Bearer ${token}` } })).status).toBe('ok')
        expect(ok(await bare('GET', '/health', { headers: { 'x-sandbox-admin-token': token } })).status).toBe('ok')
      })
    })

    if (!options.allowWrites) {
      skipped('resets to the seed, with an empty journal', `resets the sandbox; ${pass('allowWrites')}`)
    } else {
      it('resets to the seed, with an empty journal', async () => {
        const body = ok(await api('POST', '/reset'))
        expect(body).toMatchObject({ status: 'ok', journal: { size: 0 }, clock: { frozen: false } })
      })
    }
  })
}

export const sandboxSuite: ContractSuite<SandboxContractOptions> = {
  name: 'sandbox',
  title: 'token-sandbox admin API',
  contract: 'sandbox.yaml',
  sandboxPath: '/__sandbox',
  credentials: [
    {
      flag: 'admin-token',
      env: 'TOKEN_SANDBOX_ADMIN_TOKEN',
      required: false,
      description: "the sandbox's admin token, when its guard is on (the 401 cases run only with it)",
    },
  ],
  seeded: (target) => ({ ...target }),
  fromEnv: (target, env) => ({ ...target, ...(env.TOKEN_SANDBOX_ADMIN_TOKEN ? { adminToken: env.TOKEN_SANDBOX_ADMIN_TOKEN } : {}) }),
  define: sandboxContract,
}
