// CAF's Core API faces on both transports: POST /v1/faces registers a face for a personId of
// 5–254 characters (a masked document is stripped first), which the Mobile API then
// authenticates against; GET /v1/faces/attempts/{attemptId} reads the attempt back. The Core API
// takes a Core API token (raw or Bearer), not the mobile token.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mintCafToken } from '../../../src/vendors/caf/mint.ts'
import { transports, type Transport } from '../../support/transports.ts'
import { CORE_TOKENS, KEYS, cafBase, call, expectCafError, lastCafEntry } from './support.ts'

const IMAGE = 'https://faces.example.com/core.png'

describe.each(transports)('CAF Core API faces, %s transport', (_name, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start({ seed: 'caf-core' })
  })
  afterAll(() => t.close())
  beforeEach(() => t.sandbox.reset())

  const core = (env: 'prod' | 'beta' | 'dev' = 'prod') => cafBase(t, env, 'core')
  const register = (body: unknown, token: string | null = `Bearer ${CORE_TOKENS.prod}`, env: 'prod' | 'beta' | 'dev' = 'prod') =>
    call(`${core(env)}/v1/faces`, { token, body })
  const attempt = (id: string, token: string | null = CORE_TOKENS.prod) => call(`${core()}/v1/faces/attempts/${id}`, { token })

  it('registers a face: 200 { requestId, message: "Face registration in progress", personId }', async () => {
    const a = await register({ personId: '52998224725', imageUrl: IMAGE })
    expect(a.status).toBe(200)
    expect(a.body).toEqual({ requestId: expect.any(String), message: 'Face registration in progress', personId: '52998224725' })
    expect(t.sandbox.caf.listFaces('prod').some((f) => f.peopleId === '52998224725')).toBe(true)
  })

  it.each([
    ['4 characters', 'abcd', 400],
    ['5 characters', 'abcde', 200],
    ['254 characters', 'a'.repeat(254), 200],
    ['255 characters', 'a'.repeat(255), 400],
    ['a character outside @ . _ -', 'ana+1@example.com', 400],
  ])('personId of %s → %i', async (_what, personId, status) => {
    const a = await register({ personId, imageUrl: IMAGE })
    if (status === 200) expect(a.body.personId).toBe(personId)
    else expectCafError(a, 400, "'personId' must be 5 to 254 letters, digits or @ . _ -")
  })

  it('strips a document mask (only digits and . - /), and keeps any other id as it is', async () => {
    expect((await register({ personId: '529.982.247-25', imageUrl: IMAGE })).body.personId).toBe('52998224725')
    expect((await register({ personId: '12.345.678/0001-95', imageUrl: IMAGE })).body.personId).toBe('12345678000195')
    expect((await register({ personId: 'ana.souza-01@example.com', imageUrl: IMAGE })).body.personId).toBe('ana.souza-01@example.com')
    // A mask that leaves fewer than 5 characters is too short.
    expectCafError(await register({ personId: '1.2-3', imageUrl: IMAGE }), 400)
  })

  it('answers 415 "Unsupported image format" to an image that is not JPEG or PNG, 400 to a missing or bad imageUrl', async () => {
    for (const url of ['https://faces.example.com/a.gif', 'https://faces.example.com/a.bmp', 'https://faces.example.com/a.webp']) {
      expectCafError(await register({ personId: '52998224725', imageUrl: url }), 415, 'Unsupported image format')
    }
    expectCafError(await register({ personId: '52998224725' }), 400, "'imageUrl' is required")
    expectCafError(await register({ personId: '52998224725', imageUrl: 'ftp://x.example/a.png' }), 400, "'imageUrl' must be an http or https URL")
    expectCafError(await register({ personId: 52998224725, imageUrl: IMAGE }), 400, "'personId' must be a string")
    expectCafError(await register({ personId: '52998224725', imageUrl: IMAGE, peopleId: 'x' }), 400, "'peopleId' is not an allowed field")
  })

  it('takes the Core API token raw or with Bearer; refuses none, a mobile token, another environment’s, with 401 Unauthorized', async () => {
    expect((await register({ personId: 'abcde', imageUrl: IMAGE }, CORE_TOKENS.prod)).status).toBe(200)
    expectCafError(await register({ personId: 'abcde', imageUrl: IMAGE }, null), 401, 'Unauthorized')
    expect((await lastCafEntry(t)).reason).toMatch(/^missing token/)
    expectCafError(await register({ personId: 'abcde', imageUrl: IMAGE }, await mintCafToken(KEYS.prod)), 401, 'Unauthorized')
    expect((await lastCafEntry(t)).reason).toMatch(/a mobile token\?/)
    expectCafError(await register({ personId: 'abcde', imageUrl: IMAGE }, CORE_TOKENS.beta), 401, 'Unauthorized')
    expect((await lastCafEntry(t)).reason).toMatch(/^wrong environment/)
    expect((await register({ personId: 'abcde', imageUrl: IMAGE }, CORE_TOKENS.beta, 'beta')).status).toBe(200)
  })

  describe('GET /v1/faces/attempts/{attemptId}', () => {
    it('reads back an authentication made against a face the Core API registered (200), per environment', async () => {
      await register({ personId: '529.982.247-25', imageUrl: IMAGE })
      const made = await call(`${cafBase(t, 'prod', 'mobile')}/faces/authenticate`, {
        token: await mintCafToken(KEYS.prod),
        body: { peopleId: '52998224725', imageUrl: 'https://faces.example.com/selfie.jpg' },
      })
      expect(made.status).toBe(200)
      const a = await attempt(made.body.attemptId)
      expect(a.status).toBe(200)
      expect(a.body).toEqual({
        requestId: expect.any(String),
        data: {
          id: made.body.attemptId,
          createdAt: expect.any(String),
          personId: '52998224725',
          isMatch: true,
          registeredImageUrl: IMAGE,
          receivedImageUrl: 'https://faces.example.com/selfie.jpg',
        },
      })
      // Another environment's Core API does not know it.
      expectCafError(await call(`${core('beta')}/v1/faces/attempts/${made.body.attemptId}`, { token: CORE_TOKENS.beta }), 404, 'Attempt not found')
    })

    it('answers 404 "Attempt not found", 400 "attemptId not provided" and 401 "Unauthorized"', async () => {
      expectCafError(await attempt('01K1XDD6W98M5QM9B8EAZZDV49'), 404, 'Attempt not found')
      expectCafError(await call(`${core()}/v1/faces/attempts/`, { token: CORE_TOKENS.prod }), 400, 'attemptId not provided')
      expectCafError(await attempt('01K1XDD6W98M5QM9B8EAZZDV49', null), 401, 'Unauthorized')
      expectCafError(await attempt('01K1XDD6W98M5QM9B8EAZZDV49', 'Bearer not-a-token'), 401, 'Unauthorized')
    })
  })

  it('answers bad input in CAF’s shape: malformed JSON 400, another content type 415, a huge body 413', async () => {
    const raw = (body: BodyInit, contentType = 'application/json') =>
      call(`${core()}/v1/faces`, { method: 'POST', token: CORE_TOKENS.prod, raw: body, headers: { 'content-type': contentType } })
    expectCafError(await raw('{"personId":'), 400, 'The request body is not valid JSON')
    expectCafError(await raw('personId=abcde', 'text/plain'), 415, "The request body must be sent as 'Content-Type: application/json'")
    expectCafError(await raw(JSON.stringify({ personId: 'x'.repeat(1024 * 1024 + 1) })), 413, /^The request body is too large/)
    expectCafError(await call(`${core()}/v1/transactions`, { token: CORE_TOKENS.prod }), 404, /^Cannot GET \/v1\/transactions: token-sandbox does not simulate this path/)
  })
})
