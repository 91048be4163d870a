// The msw adapter hands every URL under a vendor's base to the sandbox untouched, including
// paths whose percent-encoding does not decode: msw's own matcher must not try to decode them
// (it used to, threw, and answered 500). Whatever the core answers (the vendor's 404, in its
// own shape, or first its verdict on the missing credential), msw answers the same, for every
// vendor's every base URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { failOnUnhandled } from '../support/msw-listen.ts'
import { setupSandboxServer } from '../../mocks/node.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'

const { server, sandbox } = setupSandboxServer({
  // A base with a path of its own, besides the vendors' real hosts.
  baseUrls: { ca: [{ base: 'https://acs.mybank.example/afi', environment: 'hedmoral' }] },
})
beforeAll(() => server.listen(failOnUnhandled))
afterAll(() => server.close())

const UNDECODABLE = ['/%E0%A4%A', '/accounts/%E0%A4%A/links', '/clients/%E0%A4%A', '/%ZZ/x', '/faces/%C3%28', '/accounts/%E0%A4%A/contacts/%FF']
const mounts = sandbox.baseUrls()

/** What the core itself answers, without msw in between (a per-request id may differ). */
async function direct(method: string, url: string) {
  const res = await sandbox.handle({ method, url: new URL(url), headers: {}, body: null })
  return { status: res.status, body: perRequestIdsAnyString(res.body) }
}

function perRequestIdsAnyString(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, k === 'requestId' ? expect.any(String) : v]))
}

describe('msw and paths that do not decode', () => {
  it('covers a base URL of every vendor', () => {
    expect(new Set(mounts.map((m) => m.vendor))).toEqual(new Set(Object.keys(vendorDefinitions)))
  })

  describe.each(mounts.map((m) => [`${m.vendor} ${m.base}`, m.base] as const))('%s', (_label, base) => {
    it.each(UNDECODABLE)('answers GET <base>%s as the sandbox does: the vendor’s 404 (or its 400/401 for no credential), never a 500', async (path) => {
      const url = base.replace(/\/+$/, '') + path
      const res = await fetch(url)
      const expected = await direct('GET', url)
      expect(res.status, url).toBe(expected.status)
      expect([400, 401, 404]).toContain(res.status)
      expect(await res.json()).toEqual(expected.body)
    })

    it('answers DELETE and POST there as the sandbox does', async () => {
      const url = base.replace(/\/+$/, '') + '/accounts/%E0%A4%A/links/%E0%A4%A'
      for (const method of ['DELETE', 'POST']) {
        const res = await fetch(url, { method })
        const expected = await direct(method, url)
        expect(res.status, `${method} ${url}`).toBe(expected.status)
        expect(res.status).toBeLessThan(500)
        expect(await res.json()).toEqual(expected.body)
      }
    })
  })

  it('still leaves URLs outside every base alone', async () => {
    await expect(fetch('https://elsewhere.example/%E0%A4%A')).rejects.toThrow()
  })
})
