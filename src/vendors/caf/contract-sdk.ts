// The CAF suite's cases for the SDK API the web DocumentDetector calls (`api.public…caf.io/v1/sdks`):
// the attestation exchange, an upload and its PUT, the quality check. Every call carries a
// `Content-Signature`: with `sdkSignatureKey` (the key from CAF's bundle, which this project does
// not ship) the real HMAC, else a value of the right form, which only a token-sandbox takes; so
// without the key the cases that need an accepted call run only against a token-sandbox.
import { describe, expect, it } from 'vitest'
import { UUID, type CafCaseContext } from './contract-cases.ts'
import { createCaller, show, type Answer, type CallOptions, type FetchLike } from '../../contract/http.ts'
import { pass, skipped } from '../../contract/suite.ts'

const INVALID_TOKEN = 'The token used is not valid for this product'
const MISSING_TOKEN = 'The access token has not been entered'
const NO_IMAGE = 'Failed to download image from URL'
/** What DocumentDetector 6.2.0 sends first. */
const FIRST_BODY = { platform: 'web', version: 0, fingerprint: null, trackingId: null, information: {}, settings: {}, sdkVersion: 'dd@6.2.0' }
/** A PNG signature and a few bytes: the sandbox reads no image, CAF's object store takes any. */
const IMAGE = '\u0089PNG\r\n\u001a\ntoken-sandbox contract suite'

export interface CafSdkOptions {
  baseUrl: string | undefined
  sdkSignatureKey: string | undefined
  fetch: FetchLike | undefined
}

async function hmacHex(key: string, body: string): Promise<string> {
  const k = await globalThis.crypto.subtle.importKey('raw', new TextEncoder().encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const mac = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', k, new TextEncoder().encode(body)))
  return [...mac].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export function cafSdkCases(c: CafCaseContext, o: CafSdkOptions): void {
  describe('the SDK API (web DocumentDetector)', () => {
    const titles = {
      attest: 'exchanges the mobile token at POST /attestations: 200 { attestation }',
      refused: 'gives no attestation for a token signed with another secret',
      missing: 'answers 400 "The access token has not been entered" without a token',
      signature: 'answers 401 without a Content-Signature',
      capture: 'an upload: POST /uploads → PUT putUrl → POST /documents/quality, all checks OK',
      notPut: 'POST /documents/quality for an upload nothing was PUT to: 400 "Failed to download image from URL"',
    }
    if (!o.baseUrl) {
      for (const t of Object.values(titles)) skipped(t, `needs the SDK API's base URL; ${pass('baseUrls.sdk')}`)
      return
    }
    const sdk = createCaller(o.baseUrl, o.fetch)
    const canSign = o.sdkSignatureKey !== undefined || c.admin !== null
    const cantSign = `CAF checks Content-Signature with a key in its SDK bundle; ${pass('sdkSignatureKey')} (or ${pass('admin')} against a token-sandbox, which checks its form only)`
    const SANDBOX_ONLY = `CAF documents no answer for this (a token-sandbox choice); ${pass('admin')} to check it against a token-sandbox`

    /** A signed SDK call, as the SDK makes it: raw Authorization, the HMAC of the exact body. */
    const call = async (path: string, authorization: string | null, json: unknown, extra: { signature?: string | null } = {}) => {
      const raw = JSON.stringify(json)
      const signature = extra.signature === undefined ? await hmacHex(o.sdkSignatureKey ?? 'token-sandbox-contract-suite', raw) : extra.signature
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(authorization !== null ? { authorization } : {}), ...(signature !== null ? { 'content-signature': signature } : {}) }
      return sdk('POST', path, { raw, headers })
    }
    const attest = async (): Promise<string> => {
      const res = await call('/attestations', await c.mint(), FIRST_BODY)
      expect(res.status, show(res)).toBe(200)
      return res.body.attestation as string
    }
    /** The PUT goes where putUrl says; through Prism, to the same path on the SDK API's Prism so it is checked. */
    const put = (putUrl: string, init: CallOptions): Promise<Answer> => {
      const url = new URL(putUrl)
      if (c.throughPrism) {
        const at = url.pathname.lastIndexOf('/uploads/')
        return sdk('PUT', url.pathname.slice(at) + url.search, init)
      }
      return createCaller(url.origin, o.fetch)('PUT', url.pathname + url.search, init)
    }

    if (!canSign) skipped(titles.attest, cantSign)
    else {
      it(titles.attest, async () => {
        const res = await call('/attestations', await c.mint(), FIRST_BODY)
        expect(res.status, show(res)).toBe(200)
        expect(res.body.attestation, show(res)).toEqual(expect.any(String))
        expect(res.body.attestation.length).toBeGreaterThan(0)
        if (c.admin) expect(res.body).toEqual({ requestId: expect.stringMatching(UUID), attestation: expect.any(String) })
      })
    }

    it(titles.refused, async () => {
      // The SDK reads no status: any failure, or a 2xx without `attestation`, is its INVALID_TOKEN.
      const res = await call('/attestations', await c.wrongSecret(), FIRST_BODY)
      expect(res.status, show(res)).toBeGreaterThanOrEqual(400)
      expect(res.body?.attestation, show(res)).toBeUndefined()
      if (c.admin) c.expectCafError(res, 401, INVALID_TOKEN)
    })

    if (!c.admin) {
      skipped(titles.missing, SANDBOX_ONLY)
      skipped(titles.signature, SANDBOX_ONLY)
    } else {
      it(titles.missing, async () => {
        c.expectCafError(await call('/attestations', null, FIRST_BODY), 400, MISSING_TOKEN, { kind: 'security' })
      })
      it(titles.signature, async () => {
        c.expectCafError(await call('/attestations', await c.mint(), FIRST_BODY, { signature: null }), 401, 'The request signature is not valid', { kind: 'security' })
      })
    }

    if (!canSign || !c.allowWrites) {
      const why = !canSign ? cantSign : `creates data; ${pass('allowWrites')}`
      skipped(titles.capture, why)
      skipped(titles.notPut, c.admin ? why : SANDBOX_ONLY)
      return
    }
    it(titles.capture, async () => {
      const attestation = await attest()
      const upload = await call('/uploads', attestation, { contentType: 'image/png' })
      expect(upload.status, show(upload)).toBe(200)
      expect(upload.body).toMatchObject({ putUrl: expect.any(String), bucket: expect.any(String), key: expect.any(String) })
      const stored = await put(upload.body.putUrl, { raw: IMAGE, headers: { 'content-type': 'image/png' } })
      expect(stored.status, show(stored)).toBe(200)
      const quality = await call('/documents/quality', attestation, { bucket: upload.body.bucket, key: upload.body.key, expectedDocument: 'cnh_front', issuedCountry: 'BRA' })
      expect(quality.status, show(quality)).toBe(200)
      expect(quality.body).toMatchObject({ documentType: expect.any(String), isDocTypeOk: expect.any(Boolean), isDocSideOk: expect.any(Boolean), isQualityOk: expect.any(Boolean) })
      if (c.admin) expect(quality.body).toMatchObject({ requestId: expect.stringMatching(UUID), documentType: 'cnh_front', isDocTypeOk: true, isDocSideOk: true, isQualityOk: true, imageUrl: expect.any(String) })
    })

    if (!c.admin) skipped(titles.notPut, SANDBOX_ONLY)
    else {
      it(titles.notPut, async () => {
        const attestation = await attest()
        const upload = await call('/uploads', attestation, { contentType: 'image/jpeg' })
        expect(upload.status, show(upload)).toBe(200)
        c.expectCafError(await call('/documents/quality', attestation, { bucket: upload.body.bucket, key: upload.body.key }), 400, NO_IMAGE)
      })
    }
  })
}
