// Referrer patterns built to make a backtracking matcher take seconds, issued through
// POST /v1/tokens and judged by the sandbox's verify route, on both transports: each answer
// comes at once. (As a regex of `.*`, the first one blocked the server for 22 s.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyComplyCubeToken } from '../../support/admin.ts'
import { transports, type Transport } from '../../support/transports.ts'

const KEY = 'test_tokensandbox_default_0001'
const CLIENT = '5eb04fcd0f3e360008035eb1'

describe.each(transports)('ComplyCube referrer patterns under attack, %s transport', (_name, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start({ seed: 'referrer-attack' })
  })
  afterAll(() => t.close())

  const issue = async (referrer: string) => {
    const res = await fetch(`${t.baseUrl('complycube')}/tokens`, {
      method: 'POST',
      headers: { authorization: KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: CLIENT, referrer }),
    })
    expect(res.status).toBe(200)
    return ((await res.json()) as { token: string }).token
  }
  const timed = async (token: string, referrer: string) => {
    const started = performance.now()
    const verdict = await verifyComplyCubeToken(t, { token, referrer })
    return { verdict: verdict.verdict, ms: performance.now() - started }
  }

  it('attack: /*a*a*a*a*a*a*a*a*a*b against forty a (22 s as a regex) is judged at once', async () => {
    const token = await issue('https://a.com/*a*a*a*a*a*a*a*a*a*b')
    const r = await timed(token, 'https://a.com/' + 'a'.repeat(40))
    expect(r.verdict).toBe('referrer_mismatch')
    expect(r.ms).toBeLessThan(500)
    expect((await timed(token, 'https://a.com/' + 'a'.repeat(40) + 'b')).verdict).toBe('valid')
  })

  it('attack: the longest pattern (a thousand stars) against the longest page URL', async () => {
    const pattern = 'https://a.com/' + '*a'.repeat(1016) + '*b'
    expect(pattern.length).toBeLessThanOrEqual(2048)
    const token = await issue(pattern)
    const r = await timed(token, 'https://a.com/' + 'a'.repeat(8000))
    expect(r.verdict).toBe('referrer_mismatch')
    expect(r.ms).toBeLessThan(500)
  })

  it('attack: long near-miss pieces through a long URL', async () => {
    const token = await issue('https://a.com/*' + ('a'.repeat(60) + 'b*').repeat(30) + 'c')
    const r = await timed(token, 'https://a.com/' + 'a'.repeat(8000) + 'c')
    expect(r.verdict).toBe('referrer_mismatch')
    expect(r.ms).toBeLessThan(500)
  })

  it('a page URL over 8 KB never matches (browsers send no such Referer), and is judged at once', async () => {
    const token = await issue('https://a.com/*')
    expect((await timed(token, 'https://a.com/' + 'a'.repeat(8000))).verdict).toBe('valid')
    const r = await timed(token, 'https://a.com/' + 'a'.repeat(200_000))
    expect(r.verdict).toBe('referrer_mismatch')
    expect(r.ms).toBeLessThan(500)
  })
  it('attack: a 200 KB Referer header (the verify route falls back to it) is judged at once', async () => {
    if (!t.adminUrl) return // the header is the HTTP route's
    const token = await issue('https://a.com/*a*a*a*a*a*a*a*a*a*b')
    const started = performance.now()
    const res = await fetch(`${t.adminUrl}/complycube/tokens/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', referer: 'https://a.com/' + 'a'.repeat(200_000) },
      body: JSON.stringify({ token }),
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { verdict: string }).verdict).toBe('referrer_mismatch')
    expect(performance.now() - started).toBeLessThan(500)
  })
})
