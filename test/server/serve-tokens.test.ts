// The tokens `token-sandbox serve` signs (their HMAC by node:crypto, src/node/hmac.ts), run as a
// child process exactly as users start it: every token it signs must verify, every forged one
// must be refused, and under concurrency each request must get its own answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeJwt } from 'jose'
import { mintCafToken } from '../../src/vendors/caf/mint.ts'
import { KEYS } from '../vendors/caf/support.ts'
import { startServe, type ServeChild } from '../support/serve-child.ts'

const CC_KEY = 'test_tokensandbox_default_0001'
const CLIENT = '5eb04fcd0f3e360008035eb1'

describe('the tokens token-sandbox serve signs', () => {
  let serve: ServeChild
  beforeAll(async () => {
    serve = await startServe(['--quiet', '--seed', 'serve-tokens'])
  })
  afterAll(() => serve.kill())

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(serve.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
    return { status: res.status, body: (await res.json()) as any }
  }
  const issue = (referrer: string) => post('/complycube/v1/tokens', { clientId: CLIENT, referrer }, { authorization: CC_KEY })
  const verify = (token: string, referrer: string) => post('/__sandbox/complycube/tokens/verify', { token, referrer })

  it('signs ComplyCube SDK tokens that verify, and refuses one with a forged payload', async () => {
    const { status, body } = await issue('https://www.example.com/*')
    expect(status).toBe(200)
    expect((await verify(body.token, 'https://www.example.com/start')).body).toMatchObject({ accepted: true, verdict: 'valid' })
    const [h, p, s] = body.token.split('.')
    const claims = { ...decodeJwt(body.token), referrer: 'https://*/*' }
    const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`
    expect(p).not.toBe(forged.split('.')[1])
    expect((await verify(forged, 'https://evil.example/')).body).toMatchObject({ accepted: false, verdict: 'tampered' })
  })

  it("accepts an integrator's CAF token signed with the key's secret and refuses one signed with another", async () => {
    const call = async (token: string) =>
      (await post('/caf/prod/mobile/faces/authenticate', { peopleId: '12345678909', imageUrl: 'https://img.example/a.jpg' }, { authorization: token })).status
    expect(await call(await mintCafToken(KEYS.prod))).toBe(200)
    expect(await call(await mintCafToken({ clientId: KEYS.prod.clientId, clientSecret: KEYS.beta.clientSecret }))).toBe(401)
  })

  it('gives each of 300 concurrent requests its own answer', async () => {
    const referrers = Array.from({ length: 300 }, (_, i) => `https://shop${i}.example.com/*`)
    const answers = await Promise.all(referrers.map((r) => issue(r)))
    expect(answers.every((a) => a.status === 200)).toBe(true)
    expect(answers.map((a) => decodeJwt(a.body.token).referrer)).toEqual(referrers)
    expect(new Set(answers.map((a) => a.body.token)).size).toBe(300)
    const verdicts = await Promise.all(answers.map((a, i) => verify(a.body.token, `https://shop${i}.example.com/pay`)))
    expect(verdicts.every((v) => v.body.verdict === 'valid')).toBe(true)
  })
})
