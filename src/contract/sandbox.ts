// The contract suite for token-sandbox's own API under /__sandbox (contracts/sandbox.yaml):
// health, the dashboard, the vendor listing, the clock, the journal, the rate-limit setting, the
// issued tokens, the served contracts, and each vendor's helpers (its suite's `admin` cases).
// `baseUrl` is the admin URL (`http://127.0.0.1:4545/__sandbox`). The clock and vendors' settings
// are put back as they were; cases that change the sandbox's data (keys, tokens, faces, cards,
// reset) or its rate-limit setting (put back too) run only with `allowWrites`. With `adminToken`
// (a sandbox whose admin guard is on) every call carries it, and the guard's 401 answers are
// checked too.
import { describe, expect, it } from 'vitest'
import { createCaller, show, type Answer, type Caller } from './http.ts'
import { expectProxyRefusal, skipped, type ContractRefusal, type ContractSuite, type SuiteTarget, pass } from './suite.ts'
import { vendorSuites } from './vendors.ts'

export interface SandboxContractOptions extends SuiteTarget {
  /** The admin token the sandbox requires (`serve --admin-token`); sent as `Authorization: Bearer`. */
  adminToken?: string
}

const INSTANT = Date.parse('2030-01-01T00:00:00.000Z')

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
      for (const suite of vendorSuites) expect(body.vendors).toContain(suite.name)
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
        const res = await api('POST', '/rate-limits', { json: { limits: [{ vendor: vendorSuites[0]!.name, environment: 'live', requests: 1, perMs: 0 }] } })
        expectError(res, { status: 400, code: 'bad_request' }, { kind: 'schema', location: ['body', 'limits', '0', 'perMs'] })
      })
    })

    describe('contracts', () => {
      it('serves its contracts as YAML', async () => {
        for (const file of [...vendorSuites.map((suite) => suite.contract), 'sandbox.yaml']) {
          const res = await api('GET', `/contracts/${file}`, { headers: { accept: 'application/yaml' } })
          expect(res.status, show(res)).toBe(200)
          expect(res.headers.get('content-type')).toMatch(/^application\/yaml/)
          expect(res.text).toMatch(/^openapi: 3\.1\.\d+$/m)
        }
      })

      it('answers 404 not_found for a contract it does not have', async () => {
        expectError(await api('GET', '/contracts/no-such-vendor.yaml'), { status: 404, code: 'not_found' })
      })
    })

    // Each vendor's sandbox-only routes (under /__sandbox/<vendor>), from its own suite.
    for (const suite of vendorSuites) suite.admin?.({ api, ok, expectError, allowWrites: options.allowWrites === true })

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
        for (const suite of vendorSuites) expect(vendors.map((v: { name: string }) => v.name)).toContain(suite.name)
        for (const v of vendors) {
          expect(v.prefixes.length, `${v.name} has a standalone prefix`).toBeGreaterThan(0)
          for (const route of v.adminRoutes) expect(route.path.startsWith(`/__sandbox/${v.name}/`), route.path).toBe(true)
        }
        // Each suite's API is under one of its vendor's prefixes.
        for (const suite of vendorSuites) {
          const listed = vendors.find((v: { name: string }) => v.name === suite.name)
          expect(listed.prefixes.map((p: { base: string }) => p.base)).toContain(suite.sandboxPath)
        }
      })
    })

    describe('issued tokens', () => {
      it('lists the tokens it signed as { tokens: [...] }, never a token string', async () => {
        const { tokens } = ok(await api('GET', '/tokens'))
        expect(Array.isArray(tokens)).toBe(true)
        for (const t of tokens) expect(['active', 'expired', 'not_yet_valid']).toContain(t.status)
      })
    })

    describe('faults', () => {
      if (!options.allowWrites) {
        skipped('adds a fault, lists it and removes it', `changes the sandbox’s faults; ${pass('allowWrites')}`)
      } else {
        it('adds a fault, lists it and removes it', async () => {
          // A path no request takes, so the fault touches nothing while it is in force.
          const rule = { vendor: vendorSuites[0]!.name, path: '/contract-suite-only', method: 'POST', status: 503 }
          const added = ok(await api('POST', '/faults', { json: { ...rule, times: 3 } }), 201)
          const unmatched = { pathMatch: 'contains', bodyField: null, bodyEquals: null, header: null, headerEquals: null, headers: {}, contentType: null }
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
          // Every vendor's helpers too (each one with admin cases serves its seeded credentials).
          ...vendorSuites.filter((suite) => suite.admin).map((suite): [string, string, object] => ['GET', `/${suite.name}/credentials`, {}]),
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
