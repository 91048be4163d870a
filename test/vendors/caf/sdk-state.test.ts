// The SDK API's stored rows: attestations and uploads survive snapshot/restore (`serve --state`),
// reset drops them, and each is bounded (one row a request: the newest 1,000 are kept).
import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/node/sandbox.ts'
import type { Sandbox } from '../../../src/sandbox.ts'
import { mintCafToken } from '../../../src/vendors/caf/mint.ts'
import { HOSTS } from '../../../src/vendors/caf/hosts.ts'
import { KEYS } from './support.ts'

const SDK = HOSTS.prod.sdk
const enc = new TextEncoder()
const headers = (authorization: string) => ({ authorization, 'content-type': 'application/json', 'content-signature': '0'.repeat(64) })

async function post(sb: Sandbox, path: string, authorization: string, body: unknown) {
  const res = await sb.handle({ method: 'POST', url: new URL(SDK + path), headers: headers(authorization), body: enc.encode(JSON.stringify(body)) })
  return { status: res.status, body: res.body as any }
}
const attest = async (sb: Sandbox) => (await post(sb, '/attestations', await mintCafToken(KEYS.prod), {})).body.attestation as string

describe('CAF SDK API state', () => {
  it('keeps attestations and upload metadata across snapshot and restore, and drops them on reset', async () => {
    const sb = createSandbox({ seed: 'sdk-state' })
    const att = await attest(sb)
    const upload = (await post(sb, '/uploads', att, { contentType: 'image/png' })).body
    const put = await sb.handle({ method: 'PUT', url: new URL(upload.putUrl), headers: { 'content-type': 'image/png' }, body: enc.encode('caf-sandbox:low-quality') })
    expect(put.status).toBe(200)

    const restored = createSandbox()
    restored.restore(JSON.parse(JSON.stringify(sb.snapshot())))
    const q = await post(restored, '/documents/quality', att, { bucket: upload.bucket, key: upload.key })
    expect(q).toMatchObject({ status: 200, body: { isQualityOk: false } })

    restored.reset()
    expect((await post(restored, '/uploads', att, { contentType: 'image/png' })).status).toBe(401)
  })

  it('refuses a snapshot whose upload row is not valid, naming it', async () => {
    const sb = createSandbox()
    await post(sb, '/uploads', await attest(sb), { contentType: 'image/png' })
    const snap = JSON.parse(JSON.stringify(sb.snapshot()))
    snap.vendors.caf.db.upload[0].size = -2
    expect(() => createSandbox().restore(snap)).toThrow(/upload.*size/)
  })

  it('keeps the newest 1,000 attestations: an older one is refused like an unknown one (the SDK re-attests)', async () => {
    const sb = createSandbox()
    const token = await mintCafToken(KEYS.prod)
    const first = (await post(sb, '/attestations', token, {})).body.attestation
    // Rows past the limit go in batches of a quarter of it (src/core/store.ts): at most 1,249 kept.
    for (let i = 0; i < 1250; i++) await post(sb, '/attestations', token, {})
    expect((await post(sb, '/uploads', first, { contentType: 'image/png' })).status).toBe(401)
    const snap = sb.snapshot().vendors.caf as { db: { attestation: unknown[] } }
    expect(snap.db.attestation.length).toBeGreaterThanOrEqual(1000)
    expect(snap.db.attestation.length).toBeLessThan(1250)
  })
})
