// createHandlers' adminOrigin: the sandbox surface answered on a page's own origin (what the
// browser demo uses), here through msw in Node. The verify route judges the caller by its
// Referer, as in the browser.
import { failOnUnhandled } from '../support/msw-listen.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupSandboxServer } from '../../mocks/node.ts'

const ORIGIN = 'http://app.example.test'

/** The URL patterns of a setup's HTTP handlers. */
const handlerPaths = (handlers: readonly object[]) =>
  handlers.flatMap((h) => ('info' in h ? String((h.info as { path?: unknown }).path).split(' | ') : []))

describe('createHandlers with adminOrigin', () => {
  const { server, sandbox } = setupSandboxServer({ adminOrigin: ORIGIN })
  beforeAll(() => server.listen(failOnUnhandled))
  afterAll(() => server.close())

  it('answers /__sandbox/... at that origin', async () => {
    const res = await fetch(`${ORIGIN}/__sandbox/health`)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { vendors: string[] }).vendors).toContain('complycube')
  })

  it('judges a token by the Referer the request carries', async () => {
    const token = await sandbox.complycube.issueToken({ environment: 'sandbox', clientId: '5eb04fcd0f3e360008035eb1', referrer: 'http://app.example.test/*' })
    const ask = (referer: string) =>
      fetch(`${ORIGIN}/__sandbox/complycube/tokens/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', referer },
        body: JSON.stringify({ token }),
      }).then((r) => r.json() as Promise<{ verdict: string }>)
    expect((await ask('http://app.example.test/checkout')).verdict).toBe('valid')
    expect((await ask('https://other.example.test/')).verdict).toBe('referrer_mismatch')
  })

  it('intercepts nothing else on that origin', () => {
    const paths = handlerPaths(server.listHandlers())
    expect(paths.filter((p) => p.startsWith(ORIGIN))).toEqual([`${ORIGIN}/__sandbox`, `${ORIGIN}/__sandbox/*`])
  })

  it('adds nothing when not asked', () => {
    const plain = setupSandboxServer()
    const paths = handlerPaths(plain.server.listHandlers())
    expect(paths).toContain('https://api.complycube.com/v1/*')
    expect(paths.some((p) => p.includes('/__sandbox'))).toBe(false)
  })
})
