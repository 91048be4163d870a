// ComplyCube's cases in the sandbox contract (src/contract/sandbox.ts): its routes under
// /__sandbox/complycube, described in ./admin.yaml.
import { describe, expect, it } from 'vitest'
import { pass, skipped, type AdminCases } from '../../contract/suite.ts'

export function adminCases({ api, ok, expectError, allowWrites }: AdminCases): void {
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

    if (!allowWrites) {
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
}
