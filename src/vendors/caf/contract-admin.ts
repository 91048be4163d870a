// CAF's cases in the sandbox contract (src/contract/sandbox.ts): its routes under /__sandbox/caf,
// described in ./admin.yaml.
import { describe, expect, it } from 'vitest'
import { pass, skipped, type AdminCases } from '../../contract/suite.ts'

const CAF_PRODUCTS = ['FaceAuthenticator', 'CafSDK']

/** `n` random decimal digits (card numbers and CPFs no seed holds). */
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('')

export function adminCases({ api, ok, expectError, allowWrites }: AdminCases): void {
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

    if (!allowWrites) {
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
}
