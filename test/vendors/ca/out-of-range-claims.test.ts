// CA tokens whose claims no Date can hold: the admin verify reports what it can (no expiresAt)
// and the account APIs refuse them with CA's error; never a 500. Over HTTP on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverTransport, type Transport } from '../../support/transports.ts'
import { caClient, expectCaError } from './support.ts'

const fakeToken = (claims: Record<string, unknown>) =>
  [{ alg: 'HS256', typ: 'JWT' }, claims].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') + '.c2ln'

describe('CA tokens with out-of-range time claims', () => {
  let t: Transport
  beforeAll(async () => {
    t = await serverTransport({ seed: 'ca-out-of-range' })
  })
  afterAll(() => t.close())

  const verify = async (body: unknown) => {
    const res = await fetch(`${t.adminUrl}/ca/tokens/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    return { status: res.status, body: (await res.json()) as any }
  }

  it.each([
    ['an unknown tenant', { tenant: 'nobody', exp: 1e300 }, 'unknown_tenant'],
    ['no tenant claimed', { exp: -1e300 }, 'unknown_tenant'],
    ['another tenant than the one asked for', { tenant: 'kvarnby', exp: 9e12, iat: 1e300 }, 'wrong_tenant'],
    ['a forged signature', { tenant: 'hedmoral', sub: 'hedmoral_admin', exp: Number.MAX_VALUE, iat: 0, jti: 'j' }, 'tampered'],
  ])('the admin verify reports a token claiming %s, without expiresAt', async (_what, claims, verdict) => {
    const r = await verify({ token: fakeToken(claims), ...(verdict === 'wrong_tenant' ? { tenant: 'hedmoral' } : {}) })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ accepted: false, verdict })
    expect(r.body).not.toHaveProperty('expiresAt')
  })

  it('the account APIs refuse such a token with auth_token_verify_failed', async () => {
    const r = await caClient(t, 'hedmoral').call('GET', '/accounts/ACC-1001/links', {
      token: fakeToken({ tenant: 'hedmoral', sub: 'hedmoral_admin', exp: 1e300, iat: 0, jti: 'j' }),
      query: { tenant_id: 'hedmoral' },
    })
    expectCaError(r, 'auth_token_verify_failed')
  })
})
