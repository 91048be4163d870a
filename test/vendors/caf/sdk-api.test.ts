// CAF's SDK API (what the web DocumentDetector calls, `api.public…caf.io/v1/sdks`) on both
// transports: POST /attestations exchanges the mobile token (the Mobile API's refusals, raw
// only) for an attestation; POST /uploads and POST /documents/quality take the attestation;
// the upload's putUrl is served by the sandbox itself. Every call but the PUT carries a
// Content-Signature, checked for its form only.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SignJWT } from 'jose'
import { mintCafToken } from '../../../src/vendors/caf/mint.ts'
import { advanceClock } from '../../support/admin.ts'
import { transports, type Transport } from '../../support/transports.ts'
import { KEYS, cafBase, call, expectCafError, lastCafEntry, type Answer, type Env } from './support.ts'

const INVALID = 'The token used is not valid for this product'
const SIGNATURE = 'a3f1c2e4b5d60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90'
const FIRST_BODY = { platform: 'web', version: 0, fingerprint: null, trackingId: null, information: {}, settings: {}, sdkVersion: 'dd@6.2.0' }
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])

describe.each(transports)('CAF SDK API, %s transport', (_name, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start({ seed: 'caf-sdk' })
  })
  afterAll(() => t.close())
  beforeEach(() => t.sandbox.reset())

  const sdk = (env: Env = 'prod') => cafBase(t, env, 'sdk')
  const post = (path: string, authorization: string | null, body: unknown, env: Env = 'prod', headers: Record<string, string> = {}) =>
    call(`${sdk(env)}${path}`, { token: authorization, body, headers: { 'content-signature': SIGNATURE, ...headers } })
  const attest = (authorization: string | null, env: Env = 'prod', headers: Record<string, string> = {}) => post('/attestations', authorization, FIRST_BODY, env, headers)
  async function attestation(env: Env = 'prod', key = KEYS.prod, extra: { peopleId?: string } = {}): Promise<string> {
    const a = await attest(await mintCafToken({ ...key, ...extra }), env)
    expect(a.status, a.text).toBe(200)
    return a.body.attestation
  }
  async function expectRefused(a: Answer, status: number, message: string, reason: RegExp) {
    expectCafError(a, status, message)
    expect((await lastCafEntry(t)).reason).toMatch(reason)
  }
  async function uploadPng(att: string, bytes: Uint8Array = PNG) {
    const u = await post('/uploads', att, { contentType: 'image/png' })
    expect(u.status, u.text).toBe(200)
    const put = await call(u.body.putUrl, { method: 'PUT', raw: bytes as BodyInit, headers: { 'content-type': 'image/png' } })
    expect(put.status, put.text).toBe(200)
    return u.body as { putUrl: string; bucket: string; key: string }
  }

  describe('POST /attestations', () => {
    it('exchanges a good mobile token, sent raw, for an attestation', async () => {
      const a = await attest(await mintCafToken({ ...KEYS.prod, expiresIn: '5m', now: t.sandbox.clock.now() }))
      expect(a.status).toBe(200)
      expect(a.body).toEqual({ requestId: expect.any(String), attestation: expect.stringMatching(/^[A-Za-z0-9]{64}$/) })
      expect((await lastCafEntry(t)).meta).toMatchObject({ clientId: KEYS.prod.clientId, sdkVersion: 'dd@6.2.0' })
    })

    it('answers on every environment’s host with that environment’s keys, and refuses a beta token at prod', async () => {
      expect((await attest(await mintCafToken(KEYS.beta), 'beta')).status).toBe(200)
      expect((await attest(await mintCafToken(KEYS.dev), 'dev')).status).toBe(200)
      await expectRefused(await attest(await mintCafToken(KEYS.beta)), 401, INVALID, /^wrong environment/)
    })

    it('refuses an expired token, one signed with another secret, and one without iss', async () => {
      const short = await mintCafToken({ ...KEYS.prod, expiresIn: 60, now: t.sandbox.clock.now() })
      await advanceClock(t, '2m')
      await expectRefused(await attest(short), 401, INVALID, /^expired/)
      await expectRefused(await attest(await mintCafToken({ ...KEYS.prod, clientSecret: 'not-the-secret' })), 401, INVALID, /^bad signature/)
      const noIss = await new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(KEYS.prod.clientSecret))
      await expectRefused(await attest(noIss), 401, INVALID, /^malformed: the iss claim/)
    })

    it("answers 400 'The access token has not been entered' without a token, and refuses 'Bearer ' (the SDK sends it raw)", async () => {
      await expectRefused(await attest(null), 400, 'The access token has not been entered', /^missing token/)
      await expectRefused(await attest(`Bearer ${await mintCafToken(KEYS.prod)}`), 401, INVALID, /^malformed: the SDK API takes the raw token/)
    })

    it('refuses a revoked key and a key not linked to DocumentDetector', async () => {
      await expectRefused(await attest(await mintCafToken(KEYS.prodRevoked)), 401, INVALID, /^revoked key/)
      const created = await t.sandbox.caf.createKey({ environment: 'prod', name: 'faces only', products: ['FaceAuthenticator'] })
      await expectRefused(await attest(await mintCafToken(created)), 401, INVALID, /^product not linked: .* DocumentDetector/)
    })

    it('checks the form of Content-Signature (64 lowercase hex), not its value', async () => {
      const token = await mintCafToken(KEYS.prod)
      const noHeader = await call(`${sdk()}/attestations`, { token, body: FIRST_BODY })
      await expectRefused(noHeader, 401, 'The request signature is not valid', /^bad content signature: no Content-Signature/)
      for (const bad of ['abc', SIGNATURE.toUpperCase(), `${SIGNATURE}0`, 'z'.repeat(64)]) {
        expectCafError(await attest(token, 'prod', { 'content-signature': bad }), 401, 'The request signature is not valid')
      }
      expect((await attest(token, 'prod', { 'content-signature': '0'.repeat(64) })).status).toBe(200)
    })

    it('takes a re-attestation (previousAttestation) and notes whether it knew the previous one', async () => {
      const first = await attestation()
      const again = await post('/attestations', await mintCafToken(KEYS.prod), { ...FIRST_BODY, previousAttestation: first })
      expect(again.status).toBe(200)
      expect(again.body.attestation).not.toBe(first)
      expect((await lastCafEntry(t)).meta).toMatchObject({ reattestation: 'known' })
      expect((await post('/attestations', await mintCafToken(KEYS.prod), { ...FIRST_BODY, previousAttestation: 'gone' })).status).toBe(200)
      expect((await lastCafEntry(t)).meta).toMatchObject({ reattestation: 'unknown' })
    })

    it('answers 400 to a body whose known fields have the wrong types, and lets unknown fields through', async () => {
      const token = await mintCafToken(KEYS.prod)
      expectCafError(await post('/attestations', token, { ...FIRST_BODY, version: '0' }), 400, "'version' must be a number")
      expectCafError(await post('/attestations', token, { ...FIRST_BODY, information: [] }), 400, "'information' must be an object")
      expectCafError(await post('/attestations', token, [FIRST_BODY]), 400, 'The request body must be a JSON object')
      expect((await post('/attestations', token, { ...FIRST_BODY, futureField: true })).status).toBe(200)
    })
  })

  describe('POST /uploads and its putUrl', () => {
    it('gives a putUrl the sandbox serves (the SDK API’s own host in-process, the server on the standalone one)', async () => {
      const att = await attestation()
      const u = await post('/uploads', att, { contentType: 'image/png' })
      expect(u.status).toBe(200)
      expect(u.body).toEqual({ requestId: expect.any(String), putUrl: expect.any(String), bucket: 'caf-sandbox-prod-sdk-uploads', key: expect.stringMatching(/^documents\/[0-9a-f]{24}\.png$/) })
      expect(u.body.putUrl.startsWith(`${sdk()}/uploads/`)).toBe(true)
      const put = await call(u.body.putUrl, { method: 'PUT', raw: PNG as BodyInit, headers: { 'content-type': 'image/png' } })
      expect(put.status).toBe(200)
      expect(put.text).toBe('')
      expect(put.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/)
      expect((await lastCafEntry(t)).meta).toMatchObject({ size: PNG.length })
    })

    it('keeps only metadata of the bytes: size and SHA-256', async () => {
      const u = await uploadPng(await attestation())
      const row = t.sandbox.snapshot().vendors.caf as { db: { upload: Record<string, unknown>[] } }
      const stored = row.db.upload.find((r) => r.key === u.key)!
      expect(stored).toMatchObject({ size: PNG.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
      expect(JSON.stringify(stored)).not.toContain('PNG')
    })

    it('refuses a PUT with another Content-Type, a wrong signature, an unknown id, an empty body, or after 15 minutes', async () => {
      const att = await attestation()
      const u = await post('/uploads', att, { contentType: 'image/jpeg' })
      const url = new URL(u.body.putUrl)
      const put = (target: string, contentType = 'image/jpeg', body: BodyInit = PNG as BodyInit) => call(target, { method: 'PUT', raw: body, headers: { 'content-type': contentType } })
      expectCafError(await put(u.body.putUrl, 'image/png'), 403, "The Content-Type does not match the upload's contentType")
      url.searchParams.set('signature', '0'.repeat(32))
      expectCafError(await put(url.href), 403, 'The upload URL is not valid')
      expectCafError(await put(u.body.putUrl.replace(/uploads\/[0-9a-f]{24}/, 'uploads/000000000000000000000000')), 403, 'The upload URL is not valid')
      expectCafError(await put(u.body.putUrl, 'image/jpeg', ''), 400, 'The upload body is empty')
      // image/jpg and image/jpeg are one type.
      expect((await put(u.body.putUrl, 'image/jpg')).status).toBe(200)
      await advanceClock(t, '16m')
      expectCafError(await put(u.body.putUrl), 403, 'The upload URL has expired')
    })

    it('takes the attestation only: not the mobile token, not another environment’s, not after it expires', async () => {
      const token = await mintCafToken(KEYS.prod)
      await expectRefused(await post('/uploads', token, { contentType: 'image/png' }), 401, INVALID, /^unknown attestation: this looks like a mobile token/)
      const beta = await attestation('beta', KEYS.beta)
      await expectRefused(await post('/uploads', beta, { contentType: 'image/png' }), 401, INVALID, /^wrong environment/)
      const att = await attestation()
      await advanceClock(t, '16m')
      await expectRefused(await post('/uploads', att, { contentType: 'image/png' }), 401, INVALID, /^expired attestation/)
      await expectRefused(await post('/uploads', null, { contentType: 'image/png' }), 400, 'The access token has not been entered', /^missing token/)
    })

    it('refuses an attestation whose key was revoked since', async () => {
      const created = await t.sandbox.caf.createKey({ environment: 'prod', name: 'dd', products: ['DocumentDetector'] })
      const att = await attestation('prod', created)
      t.sandbox.caf.revokeKey(created.clientId)
      await expectRefused(await post('/uploads', att, { contentType: 'image/png' }), 401, INVALID, /^revoked key/)
    })

    it('answers 400 to a contentType the SDK does not upload, or none', async () => {
      const att = await attestation()
      expectCafError(await post('/uploads', att, { contentType: 'image/gif' }), 400, /^'contentType' must be one of image\/jpeg/)
      expectCafError(await post('/uploads', att, {}), 400, "'contentType' is required")
      expectCafError(await post('/uploads', att, { contentType: 7 }), 400, "'contentType' must be a string")
    })
  })

  describe('POST /documents/quality', () => {
    it('detects the expected document in an uploaded capture', async () => {
      const att = await attestation()
      const u = await uploadPng(att)
      const q = await post('/documents/quality', att, { bucket: u.bucket, key: u.key, expectedDocument: 'cnh_front', issuedCountry: 'BRA', peopleId: '12345678909' })
      expect(q.status).toBe(200)
      expect(q.body).toEqual({
        requestId: expect.any(String),
        documentType: 'cnh_front',
        isDocTypeOk: true,
        isDocSideOk: true,
        isQualityOk: true,
        imageUrl: u.putUrl.split('?')[0],
      })
      for (const [expected, detected] of [['any', 'cnh_front'], ['passport', 'passport_full'], ['rg_back', 'rg_back'], ['any_full', 'cnh_full']]) {
        const again = await post('/documents/quality', att, { bucket: u.bucket, key: u.key, expectedDocument: expected })
        expect(again.body.documentType, expected).toBe(detected)
      }
    })

    it.each([
      ['caf-sandbox:blank', { documentType: 'blank', isDocTypeOk: false, isDocSideOk: false }],
      ['caf-sandbox:generic', { documentType: 'generic', isDocTypeOk: false }],
      ['CAF-SANDBOX:WRONG-DOCUMENT', { documentType: 'rg_front', isDocTypeOk: false, isDocSideOk: true, isQualityOk: true }],
      ['caf-sandbox:wrong-side', { documentType: 'cnh_back', isDocTypeOk: true, isDocSideOk: false, isQualityOk: true }],
      ['caf-sandbox:low-quality', { documentType: 'cnh_front', isDocTypeOk: true, isDocSideOk: true, isQualityOk: false }],
    ])('steers the outcome with the marker %s in the uploaded bytes', async (marker, outcome) => {
      const att = await attestation()
      const u = await uploadPng(att, new Uint8Array([...PNG, ...new TextEncoder().encode(`tEXt ${marker} `), 0xff]))
      const q = await post('/documents/quality', att, { bucket: u.bucket, key: u.key, expectedDocument: 'cnh_front' })
      expect(q.body).toMatchObject(outcome)
    })

    it("answers 400 'Failed to download image from URL' for an upload nothing was PUT to, or another key's", async () => {
      const att = await attestation()
      const u = await post('/uploads', att, { contentType: 'image/png' })
      expectCafError(await post('/documents/quality', att, { bucket: u.body.bucket, key: u.body.key }), 400, 'Failed to download image from URL')
      const done = await uploadPng(att)
      const other = await t.sandbox.caf.createKey({ environment: 'prod', name: 'dd', products: ['DocumentDetector'] })
      const stranger = await attestation('prod', other)
      expectCafError(await post('/documents/quality', stranger, { bucket: done.bucket, key: done.key }), 400, 'Failed to download image from URL')
      expectCafError(await post('/documents/quality', att, { bucket: done.bucket, key: 'documents/elsewhere.png' }), 400, 'Failed to download image from URL')
    })

    it('holds peopleId against the mobile token’s peopleId (masked or not)', async () => {
      const att = await attestation('prod', KEYS.prod, { peopleId: '123.456.789-09' })
      const u = await uploadPng(att)
      expect((await post('/documents/quality', att, { bucket: u.bucket, key: u.key, peopleId: '12345678909' })).status).toBe(200)
      await expectRefused(await post('/documents/quality', att, { bucket: u.bucket, key: u.key, peopleId: '52998224725' }), 401, INVALID, /^peopleId mismatch/)
    })

    it('answers 400 to missing names, wrong types and an unknown expectedDocument', async () => {
      const att = await attestation()
      expectCafError(await post('/documents/quality', att, { key: 'documents/x.png' }), 400, "'bucket' is required")
      expectCafError(await post('/documents/quality', att, { bucket: 1, key: 'k' }), 400, "'bucket' must be a string")
      expectCafError(await post('/documents/quality', att, { bucket: 'b', key: 'k', expectedDocument: 'cnh' }), 400, /^'expectedDocument' must be one of/)
      expectCafError(await post('/documents/quality', att, { bucket: 'b', key: 'k', peopleId: 123 }), 400, "'peopleId' must be a string")
    })
  })

  describe('bad input answers in CAF’s shape', () => {
    const raw = async (path: string, body: BodyInit, contentType = 'application/json') =>
      call(`${sdk()}${path}`, { method: 'POST', token: path === '/attestations' ? await mintCafToken(KEYS.prod) : await attestation(), raw: body, headers: { 'content-type': contentType, 'content-signature': SIGNATURE } })

    it.each(['/attestations', '/uploads', '/documents/quality'])('%s: malformed JSON 400, another content type 415, a huge body 413', async (path) => {
      expectCafError(await raw(path, '{"contentType":'), 400, 'The request body is not valid JSON')
      expectCafError(await raw(path, 'contentType=image/png', 'application/x-www-form-urlencoded'), 415, "The request body must be sent as 'Content-Type: application/json'")
      expectCafError(await raw(path, JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) })), 413, /^The request body is too large/)
    })

    it('a huge PUT is 413, an unknown SDK path 404 after the attestation, another method 405, all in CAF’s shape', async () => {
      const u = await post('/uploads', await attestation(), { contentType: 'image/png' })
      // The PUT takes an image up to 16 MiB, whatever the sandbox's bodyLimit (1 MiB here); past it, 413.
      const big = new Uint8Array(3 * 1024 * 1024)
      big.set(PNG)
      expect((await call(u.body.putUrl, { method: 'PUT', raw: big as BodyInit, headers: { 'content-type': 'image/png' } })).status).toBe(200)
      expectCafError(await call(u.body.putUrl, { method: 'PUT', raw: new Uint8Array(16 * 1024 * 1024 + 1) as BodyInit, headers: { 'content-type': 'image/png' } }), 413, /^The request body is too large/)
      // Not simulated: judged by the attestation first (400 without one), then the 404 that says so.
      expectCafError(await call(`${sdk()}/documents/validation-international`, { method: 'POST', body: {} }), 400, 'The access token has not been entered')
      expectCafError(await post('/documents/validation-international', await attestation(), {}), 404, /^Cannot POST \/documents\/validation-international: token-sandbox does not simulate/)
      const get = await call(`${sdk()}/attestations`)
      expectCafError(get, 405, 'HTTP method not allowed')
      expect(get.headers.get('allow')).toBe('POST')
    })
  })
})
