// CAF's web DocumentDetector has no base-URL option: in a browser it reaches the sandbox only
// through the service worker intercepting `api.public…caf.io`. In real Chromium, on the demo
// page (whose worker is built from the sandbox's base URLs), a page's fetch to the attestation
// endpoint, the upload, its PUT and the quality check are all answered by the service worker.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startDemoServer, type RunningDemo } from '../../src/server/demo-server.ts'
import { mintCafToken } from '../../src/vendors/caf/mint.ts'
import { KEYS } from '../vendors/caf/support.ts'
import { guardedContext, isLoopback, launchChromium, type GuardedContext } from './support/chromium.ts'

let browser: Browser
let demo: RunningDemo
let g: GuardedContext

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startDemoServer({ port: 0 }), launchChromium()])
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await demo?.close()
}, 60_000)

beforeEach(async () => {
  g = await guardedContext(browser)
  await g.page.goto(`${demo.url}/`)
  await g.page.waitForSelector('body[data-ready]', { timeout: 20_000 })
}, 60_000)

afterEach(async () => {
  await g?.close()
}, 60_000)

describe('the CAF SDK API through the service worker', { timeout: 60_000 }, () => {
  it('answers a page’s POST to api.public.caf.io/v1/sdks/attestations, and the upload flow after it', async () => {
    // The page's sandbox runs on the page's clock, which is real time like this one.
    const token = await mintCafToken({ ...KEYS.prod, expiresIn: '5m' })
    const result = await g.page.evaluate(async (mobileToken) => {
      const base = 'https://api.public.caf.io/v1/sdks'
      const signed = (authorization: string) => ({ authorization, 'content-type': 'application/json', 'content-signature': '0'.repeat(64) })
      const first = { platform: 'web', version: 0, fingerprint: null, trackingId: null, information: {}, settings: {}, sdkVersion: 'dd@6.2.0' }
      const att = await fetch(`${base}/attestations`, { method: 'POST', headers: signed(mobileToken), body: JSON.stringify(first) })
      const { attestation } = await att.json()
      const refused = await fetch(`${base}/attestations`, { method: 'POST', headers: signed('test123'), body: JSON.stringify(first) })
      const upload = await (await fetch(`${base}/uploads`, { method: 'POST', headers: signed(attestation), body: '{"contentType":"image/png"}' })).json()
      const put = await fetch(upload.putUrl, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }) })
      const quality = await (
        await fetch(`${base}/documents/quality`, { method: 'POST', headers: signed(attestation), body: JSON.stringify({ bucket: upload.bucket, key: upload.key, expectedDocument: 'cnh_front' }) })
      ).json()
      return { attestationStatus: att.status, attestation, refusedStatus: refused.status, putUrl: upload.putUrl, putStatus: put.status, quality }
    }, token)

    expect(result.attestationStatus).toBe(200)
    expect(result.attestation).toMatch(/^[A-Za-z0-9]{64}$/)
    expect(result.refusedStatus).toBe(401)
    expect(result.putUrl.startsWith('https://api.public.caf.io/v1/sdks/uploads/')).toBe(true)
    expect(result.putStatus).toBe(200)
    expect(result.quality).toMatchObject({ documentType: 'cnh_front', isDocTypeOk: true, isDocSideOk: true, isQualityOk: true })

    // Nothing reached the network: every request to CAF's host was answered by the worker.
    expect(g.escaped).toEqual([])
    const caf = g.seen.filter((s) => !isLoopback(s.request.url()) && new URL(s.request.url()).host === 'api.public.caf.io')
    expect(caf.map((s) => `${s.request.method()} ${new URL(s.request.url()).pathname}`)).toEqual(
      expect.arrayContaining(['POST /v1/sdks/attestations', 'POST /v1/sdks/uploads', 'POST /v1/sdks/documents/quality', expect.stringMatching(/^PUT \/v1\/sdks\/uploads\/[0-9a-f]{24}$/)]),
    )
    for (const s of caf) expect(s.response?.fromServiceWorker(), s.request.url()).toBe(true)
  })
})
