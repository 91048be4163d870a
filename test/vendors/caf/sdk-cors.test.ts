// CORS on the standalone server's SDK API prefix: CAF's web DocumentDetector calls it (and PUTs to
// the putUrl beside it) from every integrator's page, so it answers any origin, as the BFF does.
// The Core API (server to server) answers none. In-process the service worker answers and no
// CORS is involved (test/browser/caf-sdk-worker.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mintCafToken } from '../../../src/vendors/caf/mint.ts'
import { startServer, type RunningServer } from '../../../src/server/server.ts'
import { KEYS } from './support.ts'

const PAGE = 'https://shop.example'
const SIGNATURE = '0'.repeat(64)
const preflight = (url: string, method: string, headers: string) =>
  fetch(url, { method: 'OPTIONS', headers: { origin: PAGE, 'access-control-request-method': method, 'access-control-request-headers': headers } })

describe('CORS on the CAF SDK API (standalone server)', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ host: '127.0.0.1', port: 0 })
  })
  afterAll(() => server.close())

  it('answers the preflight of each SDK call from any origin, with the headers the SDK sends', async () => {
    for (const env of ['prod', 'beta', 'dev']) {
      for (const path of ['/attestations', '/uploads', '/documents/quality']) {
        const res = await preflight(`${server.url}/caf/${env}/sdk${path}`, 'POST', 'authorization, content-signature, content-type')
        expect(res.status, path).toBe(204)
        expect(res.headers.get('access-control-allow-origin')).toBe(PAGE)
        expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/)
        expect(res.headers.get('access-control-allow-headers')).toBe('authorization, content-signature, content-type')
      }
    }
  })

  it('adds Access-Control-Allow-Origin to answers, refusals included, and to the putUrl’s PUT (ETag exposed)', async () => {
    const refused = await fetch(`${server.url}/caf/prod/sdk/attestations`, { method: 'POST', headers: { origin: PAGE, authorization: 'test123', 'content-type': 'application/json', 'content-signature': SIGNATURE }, body: '{}' })
    expect(refused.status).toBe(401)
    expect(refused.headers.get('access-control-allow-origin')).toBe(PAGE)

    const headers = (authorization: string) => ({ origin: PAGE, authorization, 'content-type': 'application/json', 'content-signature': SIGNATURE })
    const att = await (await fetch(`${server.url}/caf/prod/sdk/attestations`, { method: 'POST', headers: headers(await mintCafToken(KEYS.prod)), body: '{}' })).json()
    const upload = await (await fetch(`${server.url}/caf/prod/sdk/uploads`, { method: 'POST', headers: headers(att.attestation), body: '{"contentType":"image/png"}' })).json()
    expect(upload.putUrl.startsWith(`${server.url}/caf/prod/sdk/uploads/`)).toBe(true)
    const pre = await preflight(upload.putUrl, 'PUT', 'content-type')
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-origin')).toBe(PAGE)
    const put = await fetch(upload.putUrl, { method: 'PUT', headers: { origin: PAGE, 'content-type': 'image/png' }, body: new Uint8Array([1, 2, 3]) })
    expect(put.status).toBe(200)
    expect(put.headers.get('access-control-allow-origin')).toBe(PAGE)
    expect(put.headers.get('access-control-expose-headers')).toMatch(/etag/i)
  })

  it('leaves the Core API without CORS (it is server to server)', async () => {
    const res = await preflight(`${server.url}/caf/prod/core/v1/faces`, 'POST', 'authorization, content-type')
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })
})
