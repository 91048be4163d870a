// The BFF endpoints of CAF's web liveness SDK (CafFaces2dSdk 1.0.0), on both transports, shaped
// as the SDK sends them (docs/vendors/caf.md, "The web liveness SDK"):
// POST /track-analytics takes each event; POST /transactions takes a frame as bare base64 for a
// session of the same key and person, and answers a signedResponse the integrator verifies with
// the Mobile Key's clientSecret; face authentication compares against the registered face and
// leaves an attempt the Mobile and Core APIs read back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { decodeJwt, jwtVerify } from 'jose'
import { mintCafToken } from '../../../src/vendors/caf/mint.ts'
import { transports, type Transport } from '../../support/transports.ts'
import { CORE_TOKENS, KEYS, SEEDED_CPF, cafBase, call, expectCafError, lastCafEntry, type Env } from './support.ts'

const INVALID = 'Invalid or missing token'
const SDK = { version: '2.0.0', platform: 'Web' }

/** A JPEG as far as the sandbox looks (its magic bytes), with `text` in a comment segment and `padding` bytes after. */
export function jpeg(text = '', padding = 64): string {
  const comment = Buffer.from(text, 'latin1')
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xfe, 0x00, comment.length + 2])
  const body = Buffer.alloc(padding, 0x5a)
  return Buffer.concat([head, comment, body, Buffer.from([0xff, 0xd9])]).toString('base64')
}

const png = (text = '') => Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from(`\0\0\0\x10tEXtComment\0${text}`, 'latin1')]).toString('base64')

describe.each(transports)('CAF web liveness SDK on the BFF, %s transport', (_name, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start({ seed: 'caf-liveness-sdk' })
  })
  afterAll(() => t.close())
  beforeEach(() => t.sandbox.reset())

  const bff = (env: Env = 'prod') => cafBase(t, env, 'bff')
  const now = () => t.sandbox.clock.now()

  /** What the integrator's backend hands the SDK: a session token for the key (optionally bound to a person). */
  async function sessionToken(key = KEYS.prod, env: Env = 'prod', peopleId?: string): Promise<string> {
    const auth = await mintCafToken({ ...key, expiresIn: '5m', now: now(), ...(peopleId ? { peopleId } : {}) })
    const a = await call(`${bff(env)}/session-tokens`, { token: auth })
    expect(a.status).toBe(200)
    return a.body.sessionToken
  }
  async function openSession(token: string, personId = SEEDED_CPF, env: Env = 'prod'): Promise<string> {
    const a = await call(`${bff(env)}/sessions`, { token, body: { personId, sdk: SDK } })
    expect(a.status, a.text).toBe(200)
    return a.body.id
  }
  const capture = (token: string | null, body: unknown, env: Env = 'prod') => call(`${bff(env)}/transactions`, { token, body, headers: { accept: 'application/json' } })
  const verify = (signed: string, secret = KEYS.prod.clientSecret) => jwtVerify(signed, new TextEncoder().encode(secret), { algorithms: ['HS256'], currentDate: new Date(now()) })

  describe('POST /track-analytics', () => {
    const event = { userId: '0a1b2c3d4e5f60718293a4b5', event: 'SDK_STARTED', eventType: 'Info', properties: { event: 'SDK_STARTED', trackingId: 'trk-1', otherInfo: { resource: 'liveness' } }, sourceSdk: 'web-facetec2d' }

    it('takes an event with the session token or the self-signed one: 200 { requestId }, summarised in the journal', async () => {
      for (const token of [await sessionToken(), await mintCafToken(KEYS.prod)]) {
        const a = await call(`${bff()}/track-analytics`, { token, body: event })
        expect(a.status, a.text).toBe(200)
        expect(a.body).toEqual({ requestId: expect.any(String) })
        const entry = await lastCafEntry(t)
        expect(entry.path.endsWith('/bff/track-analytics')).toBe(true)
        expect(entry.meta).toMatchObject({
          clientId: KEYS.prod.clientId,
          analytics: { event: 'SDK_STARTED', eventType: 'Info', userId: event.userId, sourceSdk: 'web-facetec2d', trackingId: 'trk-1', resource: 'liveness' },
        })
      }
    })

    it('lets unknown fields through, and refuses a missing token (401), a bad eventType, a missing event or a non-object (400)', async () => {
      const token = await sessionToken()
      expect((await call(`${bff()}/track-analytics`, { token, body: { ...event, later: 1 } })).status).toBe(200)
      expectCafError(await call(`${bff()}/track-analytics`, { token: null, body: event }), 401, INVALID)
      expectCafError(await call(`${bff()}/track-analytics`, { token, body: { ...event, eventType: 'Trace' } }), 400, "'eventType' must be one of Debug, Info, Warning, Error")
      expectCafError(await call(`${bff()}/track-analytics`, { token, body: { userId: 'x' } }), 400, "'event' is required")
      expectCafError(await call(`${bff()}/track-analytics`, { token, body: [event] }), 400, 'The request body must be a JSON object')
      expectCafError(await call(`${bff()}/track-analytics`, { token, body: { ...event, properties: 'x' } }), 400, "'properties' must be an object")
      expectCafError(await call(`${bff()}/track-analytics`, { token, raw: '{"event":', headers: { 'content-type': 'application/json' } }), 400, 'The request body is not valid JSON')
    })
  })

  describe('POST /transactions, liveness', () => {
    it('answers { requestId, signedResponse }: HS256 with the clientSecret, claims { sessionId, personId, isAlive, imageUrl, attemptId, createdAt, iat }', async () => {
      const token = await sessionToken()
      const sessionId = await openSession(token)
      const a = await capture(token, { sessionId, personId: SEEDED_CPF, data: { image: jpeg() } })
      expect(a.status, a.text).toBe(200)
      expect(a.body).toEqual({ requestId: expect.any(String), signedResponse: expect.any(String) })
      const { payload, protectedHeader } = await verify(a.body.signedResponse)
      expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' })
      expect(payload).toEqual({
        sessionId,
        personId: SEEDED_CPF,
        isAlive: true,
        imageUrl: `${bff()}/transactions/${payload.attemptId}/image.jpg`,
        attemptId: expect.stringMatching(/^[0-9a-f]{24}$/),
        createdAt: expect.any(String),
        iat: expect.any(Number),
      })
      // Both by the sandbox clock, the same instant.
      expect(Math.floor(Date.parse(payload.createdAt as string) / 1000)).toBe(payload.iat)
      expect(Math.abs(Date.parse(payload.createdAt as string) - now())).toBeLessThan(5_000)
      // Another key's secret does not verify it.
      await expect(verify(a.body.signedResponse, KEYS.beta.clientSecret)).rejects.toThrow()
      expect((await lastCafEntry(t)).meta).toMatchObject({ sessionId, resource: 'liveness', isAlive: true, attemptId: payload.attemptId })
    })

    it('takes a PNG too, and a masked personId for the session’s person', async () => {
      const token = await sessionToken()
      const sessionId = await openSession(token)
      const a = await capture(token, { sessionId, personId: '123.456.789-09', data: { image: png() } })
      expect(a.status, a.text).toBe(200)
      expect(decodeJwt(a.body.signedResponse)).toMatchObject({ personId: SEEDED_CPF, isAlive: true })
      expect((decodeJwt(a.body.signedResponse).imageUrl as string).endsWith('.png')).toBe(true)
    })

    it.each(['spoof', 'no-face', 'MULTIPLE-FACES', 'too-close', 'too-small', 'not-aligned'])(
      'the marker %s in the image’s bytes makes it not alive: still 200 and signed, isAlive false',
      async (marker) => {
        const token = await sessionToken()
        const sessionId = await openSession(token)
        const a = await capture(token, { sessionId, personId: SEEDED_CPF, data: { image: jpeg(`caf-sandbox ${marker}`) } })
        expect(a.status).toBe(200)
        expect((await verify(a.body.signedResponse)).payload).toMatchObject({ isAlive: false })
      },
    )

    it('takes an image of several MB (the route’s own limit, 16 MiB), and answers 413 above it', async () => {
      const token = await sessionToken()
      const sessionId = await openSession(token)
      const big = jpeg('', 5 * 1024 * 1024) // ~6.7 MB of base64: past the sandbox's 1 MiB default
      const a = await capture(token, { sessionId, personId: SEEDED_CPF, data: { image: big } })
      expect(a.status, a.text.slice(0, 200)).toBe(200)
      expect((await lastCafEntry(t)).meta).toMatchObject({ imageBytes: 5 * 1024 * 1024 + 17 + 0 })
      const huge = jpeg('', 13 * 1024 * 1024) // ~17.3 MB of base64
      expectCafError(await capture(token, { sessionId, personId: SEEDED_CPF, data: { image: huge } }), 413, `The request body is too large (limit ${16 * 1024 * 1024} bytes)`)
    })
  })

  describe('POST /transactions, the session belongs to the capture', () => {
    it('refuses a missing sessionId (400), an unknown one (404), another key’s (404) and another person’s (400)', async () => {
      const token = await sessionToken()
      const sessionId = await openSession(token)
      expectCafError(await capture(token, { personId: SEEDED_CPF, data: { image: jpeg() } }), 400, "'sessionId' is required")
      expectCafError(await capture(token, { sessionId: 'f'.repeat(24), personId: SEEDED_CPF, data: { image: jpeg() } }), 404, 'Session not found')
      expect((await lastCafEntry(t)).reason).toMatch(/^no session f{24} in prod/)

      const other = t.sandbox.caf.createKey({ environment: 'prod', name: 'other integrator', products: ['CafSDK'] })
      const otherToken = await sessionToken({ clientId: other.clientId, clientSecret: other.clientSecret })
      expectCafError(await capture(otherToken, { sessionId, personId: SEEDED_CPF, data: { image: jpeg() } }), 404, 'Session not found')
      expect((await lastCafEntry(t)).reason).toBe(`session ${sessionId} was opened by ${KEYS.prod.clientId}`)

      expectCafError(await capture(token, { sessionId, personId: '52998224725', data: { image: jpeg() } }), 400, "'personId' is not the person the session was opened for")
    })

    it('a session of another environment is unknown here', async () => {
      const betaToken = await sessionToken(KEYS.beta, 'beta')
      const betaSession = await openSession(betaToken, SEEDED_CPF, 'beta')
      const token = await sessionToken()
      expectCafError(await capture(token, { sessionId: betaSession, personId: SEEDED_CPF, data: { image: jpeg() } }), 404, 'Session not found')
      expect((await capture(betaToken, { sessionId: betaSession, personId: SEEDED_CPF, data: { image: jpeg() } }, 'beta')).status).toBe(200)
    })

    it('takes the session token only (401 for the self-signed one, none, or one bound to another person)', async () => {
      const token = await sessionToken()
      const sessionId = await openSession(token)
      const body = { sessionId, personId: SEEDED_CPF, data: { image: jpeg() } }
      expectCafError(await capture(await mintCafToken(KEYS.prod), body), 401, INVALID)
      expect((await lastCafEntry(t)).reason).toMatch(/^malformed: not a session token/)
      expectCafError(await capture(null, body), 401, INVALID)
      const bound = await sessionToken(KEYS.prod, 'prod', '52998224725')
      expectCafError(await capture(bound, body), 401, INVALID)
      expect((await lastCafEntry(t)).reason).toMatch(/^peopleId mismatch/)
    })
  })

  describe('POST /transactions, bad bodies', () => {
    it.each([
      ['a data: URL instead of bare base64', { data: { image: `data:image/jpeg;base64,${jpeg()}` } }, "'data.image' must be bare base64, without a 'data:' prefix"],
      ['characters outside base64', { data: { image: '%%%not-base64%%%' } }, "'data.image' must be base64"],
      ['a GIF', { data: { image: Buffer.from('GIF89a....').toString('base64') } }, 'The image must be a JPEG, PNG or BMP'],
      ['no image', { data: {} }, "'data.image' is required"],
      ['an image that is a number', { data: { image: 42 } }, "'data.image' must be a string"],
      ['executeFaceAuth a string', { data: { image: jpeg(), executeFaceAuth: 'yes' } }, "'data.executeFaceAuth' must be a boolean"],
      ['an unknown field in data', { data: { image: jpeg(), imageUrl: 'x' } }, "'data.imageUrl' is not an allowed field"],
      ['no data', {}, "'data' is required"],
      ['data an array', { data: [] }, "'data' must be an object"],
      ['an unknown top-level field', { data: { image: jpeg() }, peopleId: 'x' }, "'peopleId' is not an allowed field"],
    ])('400 for %s', async (_what, patch, message) => {
      const token = await sessionToken()
      const sessionId = await openSession(token)
      expectCafError(await capture(token, { sessionId, personId: SEEDED_CPF, ...patch }), 400, message)
    })

    it('415 for a body that is not JSON', async () => {
      const token = await sessionToken()
      expectCafError(await call(`${bff()}/transactions`, { token, raw: 'image=abc', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415)
    })
  })

  describe('POST /transactions, face authentication', () => {
    it('matches the face registered for the person; the attempt is read back on the Mobile API and the Core API', async () => {
      const token = await sessionToken()
      const sessionId = await openSession(token)
      const a = await capture(token, { sessionId, personId: SEEDED_CPF, data: { executeFaceAuth: true, image: jpeg() } })
      expect(a.status, a.text).toBe(200)
      const { payload } = await verify(a.body.signedResponse)
      expect(payload).toMatchObject({ sessionId, personId: SEEDED_CPF, isAlive: true, isMatch: true, attemptId: expect.any(String) })

      const mobile = await call(`${cafBase(t, 'prod', 'mobile')}/faces/authenticate/${payload.attemptId}`, { token: await mintCafToken(KEYS.prod) })
      expect(mobile.status, mobile.text).toBe(200)
      expect(mobile.body.data).toMatchObject({ id: payload.attemptId, peopleId: SEEDED_CPF, isMatch: true, receivedImageUrl: payload.imageUrl, faceMatch: { isFaceMatch: true } })
      const core = await call(`${cafBase(t, 'prod', 'core')}/v1/faces/attempts/${payload.attemptId}`, { token: CORE_TOKENS.prod })
      expect(core.status, core.text).toBe(200)
      expect(core.body.data).toMatchObject({ id: payload.attemptId, personId: SEEDED_CPF, isMatch: true })
    })

    it('the mismatch marker gives isMatch false, a not-alive marker too; both still signed', async () => {
      const token = await sessionToken()
      const sessionId = await openSession(token)
      for (const marker of ['mismatch', 'spoof']) {
        const a = await capture(token, { sessionId, personId: SEEDED_CPF, data: { executeFaceAuth: true, image: png(marker) } })
        expect(a.status).toBe(200)
        expect((await verify(a.body.signedResponse)).payload).toMatchObject({ isMatch: false, isAlive: marker !== 'spoof' })
      }
    })

    it('404 "No face registered for the entered CPF" for a person without a face, until one is registered on the Core API', async () => {
      const token = await sessionToken()
      const sessionId = await openSession(token, '52998224725')
      const body = { sessionId, personId: '52998224725', data: { executeFaceAuth: true, image: jpeg() } }
      expectCafError(await capture(token, body), 404, 'No face registered for the entered CPF')
      // Liveness needs no registered face.
      expect((await capture(token, { ...body, data: { image: jpeg() } })).status).toBe(200)
      const registered = await call(`${cafBase(t, 'prod', 'core')}/v1/faces`, { token: CORE_TOKENS.prod, body: { personId: '52998224725', imageUrl: 'https://faces.example.com/a.jpg' } })
      expect(registered.status).toBe(200)
      const a = await capture(token, body)
      expect(a.status).toBe(200)
      expect(decodeJwt(a.body.signedResponse)).toMatchObject({ isMatch: true })
    })
  })

  it('on the standalone server, answers the SDK’s CORS preflight and adds CORS to the answers (the SDK runs in the integrator’s page)', async () => {
    if (t.name !== 'server') return
    for (const path of ['/transactions', '/track-analytics']) {
      const pre = await fetch(`${bff()}${path}`, {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      })
      expect(pre.status).toBe(204)
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://shop.example')
      expect(pre.headers.get('access-control-allow-headers')).toBe('authorization,content-type')
    }
    const token = await sessionToken()
    const sessionId = await openSession(token)
    const res = await fetch(`${bff()}/transactions`, {
      method: 'POST',
      headers: { origin: 'https://shop.example', authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId, personId: SEEDED_CPF, data: { image: jpeg() } }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example')
  })

  it('a failed capture and its replay, as the SDK retries: POST /transactions fails, a new POST /sessions, the same capture with the new session', async () => {
    const token = await sessionToken()
    const first = await openSession(token)
    t.sandbox.faults.add({ vendor: 'caf', path: '/bff/transactions', status: 503 })
    const image = jpeg()
    expectCafError(await capture(token, { sessionId: first, personId: SEEDED_CPF, data: { image } }), 503)
    const second = await openSession(token)
    expect(second).not.toBe(first)
    const replay = await capture(token, { sessionId: second, personId: SEEDED_CPF, data: { image } })
    expect(replay.status).toBe(200)
    expect(decodeJwt(replay.body.signedResponse)).toMatchObject({ sessionId: second })
    // The first session stays usable: the SDK drops it, the sandbox does not close it.
    expect((await capture(token, { sessionId: first, personId: SEEDED_CPF, data: { image } })).status).toBe(200)
  })
})
