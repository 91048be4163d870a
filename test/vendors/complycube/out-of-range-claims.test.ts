// ComplyCube SDK tokens (signed by the sandbox, checked by its admin verify) whose time claims
// no Date can hold: compared as the numbers they are (jose's rule), so `exp: 1e308` is far in
// the future and the token valid, `exp: -1e300` expired, `nbf: 1e300` not yet valid; a claim
// that is not a number is refused. Never a 500. Over HTTP on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SignJWT } from 'jose'
import { TOKEN_ISSUER } from '../../../src/vendors/complycube/tokens.ts'
import { serverTransport, type Transport } from '../../support/transports.ts'

const CLIENT = '5eb04fcd0f3e360008035eb1'

describe('ComplyCube: SDK tokens with time claims beyond the range of a date', () => {
  let t: Transport
  let secret: Uint8Array
  beforeAll(async () => {
    t = await serverTransport({ seed: 'cc-far-future', now: Date.parse('2026-06-01T12:00:00Z') })
    const values = t.sandbox.snapshot({ rows: false }).vendors.complycube as { signingSecret: string }
    secret = new TextEncoder().encode(values.signingSecret)
  })
  afterAll(() => t.close())

  const signed = (claims: Record<string, unknown>) =>
    new SignJWT({ iss: TOKEN_ISSUER, environment: 'sandbox', clientId: CLIENT, jti: 'far', iat: 1_780_000_000, ...claims })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(secret)
  const verify = async (token: string) => {
    const res = await fetch(`${t.adminUrl}/complycube/tokens/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) })
    return { status: res.status, body: (await res.json()) as any }
  }

  it('accepts a well-dated token (the baseline the verdicts below differ from)', async () => {
    const r = await verify(await signed({ exp: 1_780_318_800 }))
    expect(r.body).toMatchObject({ accepted: true, verdict: 'valid', expiresAt: '2026-06-01T13:00:00.000Z' })
  })

  it.each([
    ['exp: 1e308', { exp: 1e308 }],
    ['exp: Number.MAX_VALUE', { exp: Number.MAX_VALUE }],
    ['iat: -1e300', { iat: -1e300, exp: 1_780_318_800 }],
  ])('accepts a token with %s, far in the future, without an expiresAt no date can show', async (_what, claims) => {
    const r = await verify(await signed(claims))
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ accepted: true, verdict: 'valid', claims })
    if (claims.exp !== 1_780_318_800) expect(r.body).not.toHaveProperty('expiresAt')
  })

  it.each([
    ['exp: -1e300', { exp: -1e300 }, 'expired'],
    ['nbf: 1e300', { nbf: 1e300 }, 'tampered'],
    ['iat: 1e300', { iat: 1e300 }, 'tampered'],
    ['exp: "1e308" (a string)', { exp: '1e308' }, 'tampered'],
  ])('refuses a token with %s (%s)', async (_what, claims, verdict) => {
    const r = await verify(await signed(claims))
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ accepted: false, verdict })
  })
})
