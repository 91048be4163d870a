// The contract suite for token-sandbox's own API under /__sandbox (contracts/sandbox.yaml):
// health, the clock, the journal, the served contracts, ComplyCube's helpers. `baseUrl` is the
// admin URL (`http://127.0.0.1:4545/__sandbox`). The clock is put back as it was; cases that
// change the sandbox's data (API keys, reset) run only with `allowWrites`.
import { describe, expect, it } from 'vitest'
import { createCaller, show, type Answer } from './http.ts'
import { expectProxyRefusal, skipped, type ContractRefusal, type ContractSuite, type SuiteTarget } from './suite.ts'

export type SandboxContractOptions = SuiteTarget

const INSTANT = Date.parse('2030-01-01T00:00:00.000Z')

export function sandboxContract(options: SandboxContractOptions): void {
  const api = createCaller(options.baseUrl, options.fetch)

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
        skipped('creates, lists and revokes API keys', 'changes the sandbox’s keys; pass allowWrites')
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

    if (!options.allowWrites) {
      skipped('resets to the seed, with an empty journal', 'resets the sandbox; pass allowWrites')
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
  credentials: [],
  seeded: (target) => ({ ...target }),
  fromEnv: (target) => ({ ...target }),
  define: sandboxContract,
}
