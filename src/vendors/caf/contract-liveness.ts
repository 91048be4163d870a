// The CAF suite's cases for the BFF endpoints of the web liveness SDK (CafFaces2dSdk):
// POST /track-analytics and POST /transactions. The refusals run against anything; the accepted
// capture runs against a token-sandbox only: CAF accepts it only for a real face photo from a
// key it enabled for Liveness 2D, and the signedResponse's key and claims beyond CAF's README
// are the sandbox's choices (docs/vendors/caf.md).
import { jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { UUID, type CafCaseContext } from './contract-cases.ts'
import { freshCpf } from './contract-target.ts'
import { show, type Caller } from '../../contract/http.ts'
import { pass, skipped } from '../../contract/suite.ts'

export interface CafLivenessOptions {
  bff: Caller
  clientSecret: string
}

const BFF_INVALID = 'Invalid or missing token'
const SDK = { version: '2.0.0', platform: 'Web' }
/** A stand-in frame: the JPEG magic bytes a token-sandbox looks for, bare base64 as the SDK sends it. */
const STAND_IN = 'JPEG-FRAME'
const standInJpeg = () => btoa(`\xff\xd8\xff\xe0${STAND_IN}\xff\xd9`)

export function cafLivenessCases(c: CafCaseContext, o: CafLivenessOptions): void {
  const { bff } = o
  const analytics = (authorization: string | null, body: unknown) => bff('POST', '/track-analytics', { headers: authorization ? { authorization } : {}, json: body })
  const transaction = (authorization: string | null, body: unknown) => bff('POST', '/transactions', { headers: authorization ? { authorization } : {}, json: body })
  const event = { userId: '0a1b2c3d4e5f60718293a4b5', event: 'SDK_STARTED', eventType: 'Info', properties: { event: 'SDK_STARTED' }, sourceSdk: 'web-facetec2d' }
  const sessionToken = async () => {
    const res = await bff('GET', '/session-tokens', { headers: { authorization: await c.mint() } })
    expect(res.status, show(res)).toBe(200)
    return res.body.sessionToken as string
  }
  const openSession = async (token: string, personId: string) => {
    const res = await bff('POST', '/sessions', { headers: { authorization: token }, json: { personId, sdk: SDK } })
    expect(res.status, show(res)).toBe(200)
    return res.body.id as string
  }

  describe('the web liveness SDK on the BFF (POST /track-analytics, POST /transactions)', () => {
    it('answers 401 without a token on both', async () => {
      c.expectCafError(await analytics(null, event), 401, c.admin ? BFF_INVALID : undefined, { kind: 'security' })
      const body = { sessionId: '000000000000000000000000', personId: freshCpf(), data: { image: standInJpeg() } }
      c.expectCafError(await transaction(null, body), 401, c.admin ? BFF_INVALID : undefined, { kind: 'security' })
    })

    const sandboxOnly = `CAF accepts a capture only for a real face from a key it enabled for Liveness 2D, and the signedResponse's key is a token-sandbox choice; ${pass('admin')} to check a token-sandbox`
    const titles = {
      selfSigned: 'answers 401 "Invalid or missing token" to the self-signed token on POST /transactions (it takes the session token)',
      unknownSession: 'answers 404 "Session not found" for a session this key did not open',
      analytics: 'takes an analytics event: 200 { requestId }',
      liveness: 'answers a liveness capture with { requestId, signedResponse }, HS256 with the clientSecret, claims { sessionId, personId, isAlive, imageUrl, attemptId, createdAt, iat }',
      faceAuth: 'answers a face authentication for a registered face with isMatch true in signedResponse',
    }
    if (!c.admin) {
      for (const t of Object.values(titles)) skipped(t, sandboxOnly)
      return
    }

    it(titles.selfSigned, async () => {
      const body = { sessionId: '000000000000000000000000', personId: freshCpf(), data: { image: standInJpeg() } }
      c.expectCafError(await transaction(await c.mint(), body), 401, BFF_INVALID)
    })

    it(titles.unknownSession, async () => {
      const body = { sessionId: '000000000000000000000000', personId: freshCpf(), data: { image: standInJpeg() } }
      c.expectCafError(await transaction(await sessionToken(), body), 404, 'Session not found')
    })

    if (!c.allowWrites) {
      for (const t of [titles.analytics, titles.liveness, titles.faceAuth]) skipped(t, `creates data; ${pass('allowWrites')}`)
      return
    }
    const secret = new TextEncoder().encode(o.clientSecret)

    it(titles.analytics, async () => {
      const res = await analytics(await sessionToken(), event)
      expect(res.status, show(res)).toBe(200)
      expect(res.body).toEqual({ requestId: expect.stringMatching(UUID) })
    })

    it(titles.liveness, async () => {
      const token = await sessionToken()
      const personId = freshCpf()
      const sessionId = await openSession(token, personId)
      const res = await transaction(token, { sessionId, personId, data: { image: standInJpeg() } })
      expect(res.status, show(res)).toBe(200)
      expect(Object.keys(res.body).sort()).toEqual(['requestId', 'signedResponse'])
      const { payload } = await jwtVerify(res.body.signedResponse as string, secret, { algorithms: ['HS256'], currentDate: new Date((await c.admin!.clock()).epochMs) })
      expect(payload).toMatchObject({ sessionId, personId, isAlive: true, imageUrl: expect.any(String), attemptId: expect.any(String), createdAt: expect.any(String), iat: expect.any(Number) })
    })

    it(titles.faceAuth, async () => {
      const personId = freshCpf()
      const registered = await c.mobile('POST', '/faces/register', { headers: { authorization: await c.mint() }, json: { peopleId: personId, imageUrl: c.imageUrl } })
      expect(registered.status, show(registered)).toBe(200)
      const token = await sessionToken()
      const sessionId = await openSession(token, personId)
      const res = await transaction(token, { sessionId, personId, data: { executeFaceAuth: true, image: standInJpeg() } })
      expect(res.status, show(res)).toBe(200)
      const { payload } = await jwtVerify(res.body.signedResponse as string, secret, { algorithms: ['HS256'], currentDate: new Date((await c.admin!.clock()).epochMs) })
      expect(payload).toMatchObject({ sessionId, personId, isMatch: true })
    })
  })
}
