// CAF's Mobile API face resources on both transports: register, authenticate, the attempt read
// back, liveness; the outcomes steered by imageUrl markers; response signatures; faces kept per
// environment; the opt-in CPF check digits.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { decodeProtectedHeader, jwtVerify } from 'jose'
import { LIVENESS_MARKERS } from '../../../src/vendors/caf/outcomes.ts'
import { mintCafToken } from '../../../src/vendors/caf/mint.ts'
import { transports, type Transport } from '../../support/transports.ts'
import { KEYS, SEEDED_CPF, adminCaf, cafBase, call, expectCafError, lastCafEntry } from './support.ts'

const NEW_CPF = '52998224725'
const secretBytes = (s: string) => new TextEncoder().encode(s)

describe.each(transports)('CAF face resources, %s transport', (_name, start) => {
  let t: Transport
  let token: string
  let mobile: string
  beforeAll(async () => {
    t = await start({ seed: 'caf-faces' })
    token = await mintCafToken(KEYS.prod)
    mobile = cafBase(t, 'prod', 'mobile')
  })
  afterAll(() => t.close())
  beforeEach(() => t.sandbox.reset())

  const post = (path: string, body: unknown, tok = token, base = mobile) => call(`${base}${path}`, { token: tok, body })

  describe('POST /faces/register then POST /faces/authenticate', () => {
    it('registers a face for a masked CPF and authenticates the same person', async () => {
      const reg = await post('/faces/register', { peopleId: '529.982.247-25', imageUrl: 'https://img.example/ana.png' })
      expect(reg.status).toBe(200)
      expect(reg.body).toEqual({ requestId: expect.any(String), message: 'Ação realizada com sucesso.' })
      const auth = await post('/faces/authenticate', { peopleId: NEW_CPF, imageUrl: 'https://img.example/ana-selfie.jpg' })
      expect(auth.status).toBe(200)
      expect(auth.body).toEqual({ requestId: expect.any(String), isMatch: true, attemptId: expect.stringMatching(/^[0-9a-f]{24}$/) })
    })

    it("answers 404 'No face registered for the entered CPF' for a CPF with no face", async () => {
      expectCafError(await post('/faces/authenticate', { peopleId: NEW_CPF }), 404, 'No face registered for the entered CPF')
    })

    it('keeps registered faces per environment', async () => {
      const beta = await mintCafToken(KEYS.beta)
      const betaBase = cafBase(t, 'beta', 'mobile')
      expect((await post('/faces/register', { peopleId: NEW_CPF, imageUrl: 'https://img.example/a.jpg' }, beta, betaBase)).status).toBe(200)
      expect((await post('/faces/authenticate', { peopleId: NEW_CPF }, beta, betaBase)).status).toBe(200)
      expect((await post('/faces/authenticate', { peopleId: NEW_CPF })).status).toBe(404)
    })

    it("refuses to register a face for another person than the token's peopleId", async () => {
      const restricted = await mintCafToken({ ...KEYS.prod, peopleId: SEEDED_CPF })
      expectCafError(await post('/faces/register', { peopleId: NEW_CPF, imageUrl: 'https://img.example/a.jpg' }, restricted), 401)
      expect((await lastCafEntry(t)).reason).toMatch(/^peopleId mismatch/)
    })

    it('refuses image formats other than JPEG, PNG and BMP', async () => {
      expectCafError(await post('/faces/register', { peopleId: NEW_CPF, imageUrl: 'https://img.example/a.gif' }), 400, /JPEG, PNG or BMP/)
    })
  })

  describe('magic imageUrl markers', () => {
    it("makes authentication fail for an imageUrl containing 'mismatch'", async () => {
      const a = await post('/faces/authenticate', { peopleId: SEEDED_CPF, imageUrl: 'https://img.example/mismatch.jpg' })
      expect(a.body.isMatch).toBe(false)
    })

    it("makes authentication fail for a spoofed image ('spoof')", async () => {
      const a = await post('/faces/authenticate', { peopleId: SEEDED_CPF, imageUrl: 'https://img.example/SPOOF.jpg' })
      expect(a.body.isMatch).toBe(false)
    })

    it.each(LIVENESS_MARKERS.map(([marker, message]) => [marker, message] as const))(
      "makes liveness fail for '%s' with CAF's reason",
      async (marker, message) => {
        const a = await post('/faces/liveness', { imageUrl: `https://img.example/${marker}.jpg` })
        expect(a.status).toBe(200)
        expect(a.body).toEqual({ requestId: expect.any(String), isAlive: false, attemptId: expect.stringMatching(/^[0-9a-f]{24}$/), message })
      },
    )

    it('passes liveness without a marker and echoes the person sent', async () => {
      const person = { cpf: SEEDED_CPF, name: 'Ana Souza' }
      const a = await post('/faces/liveness', { imageUrl: 'https://img.example/selfie.jpg', person })
      expect(a.body).toEqual({ requestId: expect.any(String), isAlive: true, attemptId: expect.any(String), person, message: null })
    })

    it("holds liveness' person.cpf against the token's peopleId", async () => {
      const restricted = await mintCafToken({ ...KEYS.prod, peopleId: SEEDED_CPF })
      const a = await post('/faces/liveness', { imageUrl: 'https://img.example/s.jpg', person: { cpf: NEW_CPF } }, restricted)
      expectCafError(a, 401, 'The token used is not valid for this product')
    })
  })

  describe('GET /faces/authenticate/{attemptId}', () => {
    it('reads an authentication attempt back with its match and liveness details', async () => {
      const auth = await call(`${mobile}/faces/authenticate`, {
        token,
        body: { peopleId: SEEDED_CPF, imageUrl: 'https://img.example/mismatch.jpg', device: { operatingSystem: 'Android', model: 'Pixel' } },
        headers: { 'x-forwarded-for': '203.0.113.7' },
      })
      const got = await call(`${mobile}/faces/authenticate/${auth.body.attemptId}`, { token })
      expect(got.status).toBe(200)
      expect(got.body).toEqual({
        requestId: expect.any(String),
        data: {
          id: auth.body.attemptId,
          createdAt: expect.any(String),
          peopleId: SEEDED_CPF,
          sourceIp: '203.0.113.7',
          executionOriginId: expect.stringMatching(/^[0-9a-f]{24}$/),
          registeredImageUrl: 'https://faces.example.com/12345678909.jpg',
          receivedImageUrl: 'https://img.example/mismatch.jpg',
          faceMatch: { similarity: expect.any(Number), isFaceMatch: false },
          liveness: { probability: expect.any(Number), isAlive: true },
          isMatch: false,
        },
      })
    })

    it('answers 404 for an unknown attempt, and for one made in another environment', async () => {
      expectCafError(await call(`${mobile}/faces/authenticate/000000000000000000000000`, { token }), 404, 'Authentication attempt not found')
      const auth = await post('/faces/authenticate', { peopleId: SEEDED_CPF })
      const beta = await mintCafToken(KEYS.beta)
      expectCafError(await call(`${cafBase(t, 'beta', 'mobile')}/faces/authenticate/${auth.body.attemptId}`, { token: beta }), 404)
    })
  })

  describe('?shouldSignResponse=true', () => {
    it('answers authentication with a JWT signed with the clientSecret of the token sent, the normal body as payload', async () => {
      const a = await call(`${mobile}/faces/authenticate?shouldSignResponse=true`, { token, body: { peopleId: SEEDED_CPF } })
      expect(a.status).toBe(200)
      expect(a.body).toBeUndefined() // not JSON
      expect(decodeProtectedHeader(a.text)).toEqual({ alg: 'HS256', typ: 'JWT' })
      const { payload } = await jwtVerify(a.text, secretBytes(KEYS.prod.clientSecret), { algorithms: ['HS256'] })
      expect(payload).toEqual({ requestId: expect.any(String), isMatch: true, attemptId: expect.stringMatching(/^[0-9a-f]{24}$/) })
      await expect(jwtVerify(a.text, secretBytes(KEYS.beta.clientSecret))).rejects.toThrow()
    })

    it('signs liveness with the key that made the request', async () => {
      const livenessToken = await mintCafToken(KEYS.prodLivenessOnly)
      const a = await call(`${mobile}/faces/liveness?shouldSignResponse=true`, {
        token: livenessToken,
        body: { imageUrl: 'https://img.example/too-small.jpg' },
      })
      const { payload } = await jwtVerify(a.text, secretBytes(KEYS.prodLivenessOnly.clientSecret))
      expect(payload).toEqual({ requestId: expect.any(String), isAlive: false, attemptId: expect.any(String), message: 'Seu rosto está muito pequeno' })
    })

    it('leaves the response as JSON without the parameter, and for registration, which CAF does not sign', async () => {
      expect((await post('/faces/authenticate', { peopleId: SEEDED_CPF })).body.isMatch).toBe(true)
      const reg = await call(`${mobile}/faces/register?shouldSignResponse=true`, { token, body: { peopleId: NEW_CPF, imageUrl: 'https://i.example/a.jpg' } })
      expect(reg.body).toMatchObject({ message: 'Ação realizada com sucesso.' })
    })
  })

  describe('strict CPF check digits (opt-in)', () => {
    const setStrict = async (strictCpf: boolean) => {
      if (t.adminUrl) expect((await adminCaf(t, 'POST', '/settings', { strictCpf })).body.strictCpf).toBe(strictCpf)
      else expect(t.sandbox.caf.configure({ strictCpf }).strictCpf).toBe(strictCpf)
    }

    it('accepts any 11 digits by default, and refuses wrong check digits once strictCpf is on', async () => {
      const body = { peopleId: '12345678900', imageUrl: 'https://img.example/a.jpg' }
      expect((await post('/faces/register', body)).status).toBe(200)
      await setStrict(true)
      expectCafError(await post('/faces/register', body), 400, "'peopleId' is not a valid CPF")
      expect((await post('/faces/register', { ...body, peopleId: '529.982.247-25' })).status).toBe(200)
    })

    it("refuses a token whose peopleId is not a valid CPF once strictCpf is on, as invalid CPF", async () => {
      const restricted = await mintCafToken({ ...KEYS.prod, peopleId: '111.111.111-11' })
      await setStrict(true)
      expectCafError(await post('/faces/authenticate', { peopleId: SEEDED_CPF }, restricted), 401)
      expect((await lastCafEntry(t)).reason).toMatch(/^invalid CPF/)
    })
  })
})

describe('by-product rows under load', () => {
  it('keeps only the newest attempts, so a load test cannot grow memory without bound', async () => {
    const { createSandbox } = await import('../../../src/node/sandbox.ts')
    const { mintCafToken } = await import('../../../src/vendors/caf/mint.ts')
    const { RETAINED_ROWS } = await import('../../../src/vendors/caf/state.ts')
    const sandbox = createSandbox({ seed: 'retention' })
    const token = await mintCafToken({ clientId: 'tokensandbox-prod-0001', clientSecret: 'sandbox-prod-secret-0001-5c1e7a93d04b28f6e1a7c3d9' })
    const call = () =>
      sandbox.handle({
        method: 'POST',
        url: new URL('https://api.mobile.combateafraude.com/faces/authenticate'),
        headers: { authorization: token, 'content-type': 'application/json' },
        body: new TextEncoder().encode(JSON.stringify({ peopleId: '12345678909' })),
      })
    const first = await call()
    const firstId = (first.body as { attemptId: string }).attemptId
    // Rows past the limit are trimmed in batches of a quarter of it (src/core/store.ts).
    for (let i = 0; i < RETAINED_ROWS + RETAINED_ROWS / 4; i++) await call()
    const gone = await sandbox.handle({
      method: 'GET',
      url: new URL(`https://api.mobile.combateafraude.com/faces/authenticate/${firstId}`),
      headers: { authorization: token },
      body: null,
    })
    expect(gone.status).toBe(404)
    const last = await call()
    const kept = await sandbox.handle({
      method: 'GET',
      url: new URL(`https://api.mobile.combateafraude.com/faces/authenticate/${(last.body as { attemptId: string }).attemptId}`),
      headers: { authorization: token },
      body: null,
    })
    expect(kept.status).toBe(200)
  }, 60_000)
})

describe.each(transports)("CAF's documented statuses over %s", (_, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start()
  })
  afterAll(() => t.close())

  it('answers GET /faces/authenticate/{attemptId} without a token 401, as its page documents (the other Mobile API routes: 400)', async () => {
    const res = await fetch(`${cafBase(t, 'prod', 'mobile')}/faces/authenticate/6a1b2c3d4e5f60718293a4b5`)
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ requestId: expect.any(String), message: 'The access token has not been entered' })
    const post = await fetch(`${cafBase(t, 'prod', 'mobile')}/faces/authenticate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(post.status).toBe(400)
  })

  it('takes POST /faces/liveness without imageUrl (not required by CAF): no image, no one alive', async () => {
    const token = await mintCafToken(KEYS.prod)
    const res = await fetch(`${cafBase(t, 'prod', 'mobile')}/faces/liveness`, { method: 'POST', headers: { authorization: token, 'content-type': 'application/json' }, body: '{}' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ isAlive: false, attemptId: expect.any(String), message: 'Nenhuma imagem foi enviada' })
  })
})
