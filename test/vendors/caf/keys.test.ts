// Mobile Keys through the sandbox surface: "New key" (name + products → clientId and a
// clientSecret shown once), revocation, listings without secrets, minting with a stored key and
// a verdict on a token. Over HTTP on the server, in-process (`sandbox.caf`) with msw.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mintCafToken } from '../../../src/vendors/caf/mint.ts'
import type { CreatedKey, KeySummary } from '../../../src/vendors/caf/keys.ts'
import type { MintInput, NewKeyInput, TokenVerdict, VerifyInput } from '../../../src/vendors/caf/api.ts'
import { transports, type Transport } from '../../support/transports.ts'
import { KEYS, SEEDED_CPF, adminCaf, cafBase, call, lastCafEntry } from './support.ts'

describe.each(transports)('CAF Mobile Keys, %s transport', (_name, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start({ seed: 'caf-keys' })
  })
  afterAll(() => t.close())
  beforeEach(() => t.sandbox.reset())

  // The same operations, the way each transport offers them.
  const admin = {
    create: async (input: NewKeyInput): Promise<CreatedKey> => {
      if (!t.adminUrl) return t.sandbox.caf.createKey(input)
      const r = await adminCaf(t, 'POST', '/keys', input)
      expect(r.status).toBe(201)
      return r.body
    },
    revoke: async (clientId: string): Promise<KeySummary | null> => {
      if (!t.adminUrl) return t.sandbox.caf.revokeKey(clientId)
      const r = await adminCaf(t, 'POST', `/keys/${clientId}/revoke`)
      return r.status === 404 ? null : r.body
    },
    list: async (environment?: string): Promise<KeySummary[]> => {
      if (!t.adminUrl) return t.sandbox.caf.listKeys(environment as 'prod' | undefined)
      return (await adminCaf(t, 'GET', `/keys${environment ? `?environment=${environment}` : ''}`)).body.keys
    },
    mint: async (input: MintInput): Promise<string> => {
      if (!t.adminUrl) return t.sandbox.caf.mintToken(input)
      return (await adminCaf(t, 'POST', '/tokens/mint', input)).body.token
    },
    verify: async (input: VerifyInput): Promise<TokenVerdict> => {
      if (!t.adminUrl) return t.sandbox.caf.verifyToken(input)
      return (await adminCaf(t, 'POST', '/tokens/verify', input)).body
    },
  }

  const authenticate = (env: 'prod' | 'beta', token: string) =>
    call(`${cafBase(t, env, 'mobile')}/faces/authenticate`, { token, body: { peopleId: SEEDED_CPF } })

  it('creates a key whose secret signs tokens accepted in its environment, for its products only', async () => {
    const key = await admin.create({ environment: 'beta', name: 'Checkout app', products: ['FaceAuthenticator'] })
    expect(key).toEqual({
      clientId: expect.stringMatching(/^[0-9a-f]{24}$/),
      clientSecret: expect.stringMatching(/^[A-Za-z0-9]{48}$/),
      environment: 'beta',
      name: 'Checkout app',
      products: ['FaceAuthenticator'],
      createdAt: expect.any(String),
    })
    const token = await mintCafToken(key)
    expect((await authenticate('beta', token)).status).toBe(200)
    expect((await authenticate('prod', token)).status).toBe(401)
    expect((await lastCafEntry(t)).reason).toMatch(/^wrong environment/)
    const liveness = await call(`${cafBase(t, 'beta', 'mobile')}/faces/liveness`, { token, body: { imageUrl: 'https://i.example/a.jpg' } })
    expect(liveness.status).toBe(401)
    expect((await lastCafEntry(t)).reason).toMatch(/^product not linked/)
  })

  it('revokes a key: its tokens are refused as a revoked key', async () => {
    const token = await mintCafToken(KEYS.prod)
    expect((await authenticate('prod', token)).status).toBe(200)
    expect(await admin.revoke(KEYS.prod.clientId)).toMatchObject({ clientId: KEYS.prod.clientId, revoked: true })
    expect((await authenticate('prod', token)).status).toBe(401)
    expect((await lastCafEntry(t)).reason).toMatch(/^revoked key/)
    expect(await admin.revoke('no-such-key')).toBeNull()
  })

  it('lists keys per environment without their secrets', async () => {
    const beta = await admin.list('beta')
    expect(beta.map((k) => k.clientId)).toEqual([KEYS.beta.clientId])
    const all = await admin.list()
    expect(all.map((k) => k.environment).sort()).toEqual(['beta', 'dev', 'prod', 'prod', 'prod'])
    expect(JSON.stringify(all)).not.toContain('secret')
  })

  it('mints a token for a stored key by the sandbox clock, and gives a verdict on tokens', async () => {
    const token = await admin.mint({ clientId: KEYS.prod.clientId, peopleId: SEEDED_CPF, expiresIn: '5m' })
    expect((await authenticate('prod', token)).status).toBe(200)
    expect(await admin.verify({ token, environment: 'prod', product: 'FaceAuthenticator', peopleId: SEEDED_CPF })).toMatchObject({
      accepted: true,
      clientId: KEYS.prod.clientId,
      environment: 'prod',
    })
    expect(await admin.verify({ token, environment: 'beta' })).toMatchObject({ accepted: false, refusal: 'wrong_environment', reason: expect.stringMatching(/^wrong environment/) })
    expect(await admin.verify({ token, environment: 'prod', peopleId: '98765432100' })).toMatchObject({ accepted: false, refusal: 'people_id_mismatch' })
  })

  it('refuses bad admin input with the sandbox error shape (HTTP) or a TypeError (in-process)', async () => {
    const bad = [
      { environment: 'staging', products: ['FaceAuthenticator'] },
      { environment: 'prod', products: [] },
      { environment: 'prod', products: ['Teleport'] },
      { environment: 'prod', products: ['CafSDK'], secret: 'mine' },
    ]
    for (const input of bad) {
      if (t.adminUrl) {
        const r = await adminCaf(t, 'POST', '/keys', input)
        expect(r.status).toBe(400)
        expect(r.body).toEqual({ error: { code: 'bad_request', message: expect.any(String) } })
      } else expect(() => t.sandbox.caf.createKey(input as NewKeyInput)).toThrow(TypeError)
    }
  })

  it('restores the seeded keys on reset', async () => {
    await admin.create({ environment: 'prod', name: 'x', products: ['CafSDK'] })
    await admin.revoke(KEYS.prod.clientId)
    t.sandbox.reset()
    expect((await admin.list('prod')).map((k) => [k.clientId, k.revoked])).toEqual([
      [KEYS.prod.clientId, false],
      [KEYS.prodLivenessOnly.clientId, false],
      [KEYS.prodRevoked.clientId, true],
    ])
  })
})

describe("CAF in the serve banner", () => {
  it("lists each environment's seeded clientId and clientSecret, not the revoked key", async () => {
    const { createSandbox } = await import('../../../src/node/sandbox.ts')
    const lines = createSandbox().describe().caf!
    for (const k of [KEYS.prod, KEYS.beta, KEYS.dev]) expect(lines.some((l) => l.includes(k.clientId) && l.includes(k.clientSecret))).toBe(true)
    expect(lines.join('\n')).not.toContain(KEYS.prodRevoked.clientId)
    expect(lines.find((l) => l.includes(KEYS.beta.clientId))).toMatch(/^beta\s/)
  })
})
