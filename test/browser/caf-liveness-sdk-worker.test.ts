// CAF's web liveness SDK (CafFaces2dSdk 1.0.0) through the service worker, in real Chromium: the
// page replays the SDK's own sequence with XMLHttpRequest (the SDK's bundled axios uses XHR),
// requests shaped as its bundle sends them (docs/vendors/caf.md "The web liveness SDK"):
// analytics, POST /bff/sessions, the face-detector model from the Mobile API host (a static file:
// the worker passes it to the network, where this test serves a stand-in), a capture whose
// /transactions fails and is replayed with a new session, and a face authentication. The SDK
// bundle itself is not shipped here; its protocol is.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, Request } from 'playwright-core'
import { jwtVerify } from 'jose'
import { startDemoServer, type RunningDemo } from '../../src/server/demo-server.ts'
import { mintCafToken } from '../../src/vendors/caf/mint.ts'
import { KEYS, SEEDED_CPF } from '../vendors/caf/support.ts'
import { guardedContext, launchChromium, type GuardedContext } from './support/chromium.ts'

const MODEL_DIR = 'https://api.mobile.combateafraude.com/tfmodel/face-detector/v2'
const MODEL = { format: 'graph-model', modelTopology: {}, weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: [] }] }
const SHARD = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8])

let browser: Browser
let demo: RunningDemo
let g: GuardedContext
/** The model requests that reached the network layer (served by this test, as CAF's host would). */
let modelRequests: Request[]

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startDemoServer({ port: 0 }), launchChromium()])
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await demo?.close()
}, 60_000)

beforeEach(async () => {
  g = await guardedContext(browser)
  modelRequests = []
  // Registered after the guard, so it is asked first: CAF's static model host, stood in for.
  await g.context.route(`${MODEL_DIR}/**`, async (route) => {
    modelRequests.push(route.request())
    const json = route.request().url().endsWith('.json')
    await route.fulfill({
      status: 200,
      headers: { 'content-type': json ? 'application/json' : 'application/octet-stream', 'access-control-allow-origin': '*' },
      body: json ? JSON.stringify(MODEL) : SHARD,
    })
  })
  await g.page.goto(`${demo.url}/`)
  await g.page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 })
}, 60_000)

afterEach(async () => {
  await g?.close()
}, 60_000)

describe('CAF web liveness SDK through the service worker', { timeout: 90_000 }, () => {
  it('session, analytics, model pass-through, a failed capture and its replay, face authentication', async () => {
    const mobileToken = await mintCafToken({ ...KEYS.prod, expiresIn: '5m' })
    const run = await g.page.evaluate(
      async ({ mobileToken, personId, modelDir }) => {
        const BFF = 'https://web.us.prd.caf.io/bff'
        /** The SDK's axios: XHR, `Authorization` raw, JSON body; resolves on any status. */
        const xhr = (url: string, token: string, body: unknown, accept = 'application/json, text/plain, */*') =>
          new Promise<{ status: number; body: any }>((resolve, reject) => {
            const r = new XMLHttpRequest()
            r.open('POST', url)
            r.setRequestHeader('Accept', accept)
            r.setRequestHeader('Content-Type', 'application/json')
            r.setRequestHeader('Authorization', token)
            r.onload = () => resolve({ status: r.status, body: r.responseText ? JSON.parse(r.responseText) : null })
            r.onerror = () => reject(new Error(`network error on ${url}`))
            r.send(JSON.stringify(body))
          })
        const { sandbox } = (window as any).tokenSandbox

        // The integrator's backend: the session token the SDK is given.
        const exchanged = await (await fetch(`${BFF}/session-tokens`, { headers: { authorization: mobileToken } })).json()
        const token: string = exchanged.sessionToken

        const userId = '0a1b2c3d4e5f60718293a4b5'
        const track = (event: string, eventType: string, resource: string, extra: Record<string, unknown> = {}) =>
          xhr(`${BFF}/track-analytics`, token, {
            userId,
            event,
            eventType,
            properties: {
              event,
              trackingId: 'trk-demo',
              eventType,
              description: event,
              otherInfo: { SDK_NAME: '@caf/web-sdk-liveness-2d', SDK_VERSION: '1.0.0', SDK_ENVIRONMENT: 'prod', resource, ...extra },
            },
            sourceSdk: 'web-facetec2d',
          })
        const openSession = async () => (await xhr(`${BFF}/sessions`, token, { personId, sdk: { version: '2.0.0', platform: 'Web' } })).body.id as string

        // initialize(): SDK_BUILT, /sessions, then the model (TF.js fetch, no auth header).
        const built = await track('SDK_BUILT', 'Info', 'liveness')
        let sessionId: string | undefined = await openSession()
        const model = await fetch(`${modelDir}/model.json`)
        const modelJson = await model.json()
        const shard = await fetch(`${modelDir}/${modelJson.weightsManifest[0].paths[0]}`)
        const shardBytes = (await shard.arrayBuffer()).byteLength

        // A frame as the SDK takes it: canvas toBlob("image/jpeg", 0.99), read as a data URL, split at the comma.
        const canvas = document.createElement('canvas')
        canvas.width = 640
        canvas.height = 480
        const c2d = canvas.getContext('2d')!
        c2d.fillStyle = '#c90'
        c2d.fillRect(0, 0, 640, 480)
        c2d.fillStyle = '#333'
        c2d.beginPath()
        c2d.arc(320, 240, 120, 0, Math.PI * 2)
        c2d.fill()
        const blob: Blob = await new Promise((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.99))
        const dataUrl: string = await new Promise((resolve) => {
          const reader = new FileReader()
          reader.onload = () => resolve(reader.result as string)
          reader.readAsDataURL(blob)
        })
        const image = dataUrl.split(',')[1]!

        /** One capture attempt with the SDK's retry rule: on any non-2xx, one new session and one replay; then the id is cleared. */
        const attempt = async (data: Record<string, unknown>) => {
          sessionId ??= await openSession()
          const statuses: number[] = []
          const first = await xhr(`${BFF}/transactions`, token, { sessionId, personId, data }, 'application/json')
          statuses.push(first.status)
          let answer = first
          if (first.status < 200 || first.status > 299) {
            const renewed = await openSession()
            answer = await xhr(`${BFF}/transactions`, token, { sessionId: renewed, personId, data }, 'application/json')
            statuses.push(answer.status)
            sessionId = undefined
          }
          return { statuses, result: answer.body?.signedResponse ? answer.body : undefined }
        }

        // The first capture's /transactions fails (an injected 500): the SDK renews the session and replays it.
        sandbox.faults.add({ vendor: 'caf', path: '/bff/transactions', status: 500 })
        await track('CAPTURE_REQUESTED', 'Info', 'liveness')
        const liveness = await attempt({ image })
        await track('VERIFY_LIVENESS_INFO', 'Info', 'liveness', { result: liveness.result, endpointTime: 12 })

        // A second SDK instance with useFaceAuthenticator: its own session, then the capture with executeFaceAuth.
        sessionId = await openSession()
        const faceAuth = await attempt({ executeFaceAuth: true, image })
        await track('VERIFY_FACE_AUTHENTICATION_INFO', 'Info', 'face-authentication', { result: faceAuth.result })

        const journal = sandbox.journal
          .list({ vendor: 'caf', limit: 100 })
          .map((e: any) => ({ method: e.method, path: e.path, status: e.status, meta: e.meta ?? null }))
        return { builtStatus: built.status, modelStatus: model.status, modelJson, shardBytes, imageBytes: blob.size, imageHead: image.slice(0, 4), liveness, faceAuth, journal }
      },
      { mobileToken, personId: SEEDED_CPF, modelDir: MODEL_DIR },
    )

    // Analytics taken; the model came from the network layer, not the sandbox.
    expect(run.builtStatus).toBe(200)
    expect(run.modelStatus).toBe(200)
    expect(run.modelJson).toEqual(MODEL)
    expect(run.shardBytes).toBe(SHARD.length)
    expect(modelRequests.map((r) => new URL(r.url()).pathname)).toEqual(['/tfmodel/face-detector/v2/model.json', '/tfmodel/face-detector/v2/group1-shard1of1.bin'])
    for (const r of modelRequests) expect(r.headers()['authorization']).toBeUndefined()
    expect(run.imageHead).toBe('/9j/')

    // The failed attempt and its replay; capture() would resolve with the replay's body.
    expect(run.liveness.statuses).toEqual([500, 200])
    expect(run.liveness.result).toEqual({ requestId: expect.any(String), signedResponse: expect.any(String) })
    const secret = new TextEncoder().encode(KEYS.prod.clientSecret)
    const live = (await jwtVerify(run.liveness.result.signedResponse, secret, { algorithms: ['HS256'] })).payload
    expect(live).toMatchObject({ personId: SEEDED_CPF, isAlive: true, attemptId: expect.any(String) })
    expect(live.isMatch).toBeUndefined()

    expect(run.faceAuth.statuses).toEqual([200])
    const auth = (await jwtVerify(run.faceAuth.result.signedResponse, secret, { algorithms: ['HS256'] })).payload
    expect(auth).toMatchObject({ personId: SEEDED_CPF, isAlive: true, isMatch: true })

    // The SDK's sequence, as the sandbox in the page saw it, in order.
    const bff = run.journal.filter((e: any) => e.path.startsWith('/bff/'))
    expect(bff.map((e: any) => `${e.method} ${e.path} ${e.status}`)).toEqual([
      'GET /bff/session-tokens 200',
      'POST /bff/track-analytics 200',
      'POST /bff/sessions 200',
      'POST /bff/track-analytics 200',
      'POST /bff/transactions 500',
      'POST /bff/sessions 200',
      'POST /bff/transactions 200',
      'POST /bff/track-analytics 200',
      'POST /bff/sessions 200',
      'POST /bff/transactions 200',
      'POST /bff/track-analytics 200',
    ])
    // The replay carried the new session; the events are visible in the journal.
    const sessions = bff.filter((e: any) => e.path === '/bff/sessions').map((e: any) => e.meta.id)
    expect(live.sessionId).toBe(sessions[1])
    expect(auth.sessionId).toBe(sessions[2])
    expect(bff.filter((e: any) => e.path === '/bff/track-analytics').map((e: any) => e.meta.analytics.event)).toEqual([
      'SDK_BUILT',
      'CAPTURE_REQUESTED',
      'VERIFY_LIVENESS_INFO',
      'VERIFY_FACE_AUTHENTICATION_INFO',
    ])
    expect(run.journal.some((e: any) => e.path.includes('/tfmodel/'))).toBe(false)

    // Every BFF call was answered by the worker, with the headers the SDK sends; nothing escaped.
    expect(g.escaped).toEqual([])
    const bffSeen = g.seen.filter((s) => s.request.url().startsWith('https://web.us.prd.caf.io/bff/') && s.request.method() === 'POST')
    expect(bffSeen).toHaveLength(10)
    for (const s of bffSeen) {
      expect(s.response?.fromServiceWorker(), s.request.url()).toBe(true)
      const headers = s.request.headers()
      expect(headers['authorization']).toMatch(/^eyJ/)
      expect(headers['content-type']).toBe('application/json')
    }
    const tx = bffSeen.filter((s) => s.request.url().endsWith('/transactions')).map((s) => JSON.parse(s.request.postData()!))
    expect(tx[0]).toEqual({ sessionId: sessions[0], personId: SEEDED_CPF, data: { image: expect.stringMatching(/^\/9j\//) } })
    expect(tx[1].sessionId).toBe(sessions[1])
    expect(tx[2]).toEqual({ sessionId: sessions[2], personId: SEEDED_CPF, data: { executeFaceAuth: true, image: tx[0].data.image } })
    // The only console error is Chromium's line for the injected 500.
    expect(g.errors).toEqual(['console: Failed to load resource: the server responded with a status of 500 (Internal Server Error)'])
  })
})
