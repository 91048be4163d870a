// CA tokens whose claims no Date can hold: the admin verify reports what it can (no expiresAt)
// and the account APIs refuse forged ones with CA's error; never a 500. A properly signed token's
// time claims are compared as the numbers they are (jose's rule): `exp: 1e308` is far in the
// future and accepted, `exp: -1e300` expired, `nbf: 1e300` not yet valid; only a claim that is
// not a number is malformed. Over HTTP on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SignJWT } from 'jose'
import { ca as caVendor } from '../../../src/vendors/ca/index.ts'
import { TOKEN_ISSUER } from '../../../src/vendors/ca/tokens.ts'
import { serverTransport, type Transport } from '../../support/transports.ts'
import { APP_ID, caClient, expectCaError } from './support.ts'

const SECRET = 'hedmoral-far-future-secret-0123456789'
const fixtures = { tenants: caVendor.fixtures.tenants.map((t) => (t.id === 'hedmoral' ? { ...t, signingSecret: SECRET } : t)) }
const signed = (claims: Record<string, unknown>) =>
  new SignJWT({ iss: TOKEN_ISSUER, tenant: 'hedmoral', sub: 'hedmoral_admin', client_app_id: APP_ID, jti: 'far-future', iat: 1_780_315_000, exp: 1_780_318_800, ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(SECRET))

describe('CA: properly signed tokens with time claims beyond the range of a date', () => {
  let t: Transport
  beforeAll(async () => {
    t = await serverTransport({ seed: 'ca-far-future', now: Date.parse('2026-06-01T12:00:00Z'), fixtures: { ca: fixtures } })
  })
  afterAll(() => t.close())
  const links = (token: string) => caClient(t, 'hedmoral').call('GET', '/accounts/ACC-1001/links', { token, query: { tenant_id: 'hedmoral' } })
  const verify = async (token: string) => {
    const res = await fetch(`${t.adminUrl}/ca/tokens/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) })
    return { status: res.status, body: (await res.json()) as any }
  }

  it.each([
    ['exp: 1e308', { exp: 1e308 }],
    ['exp: Number.MAX_VALUE', { exp: Number.MAX_VALUE }],
    ['iat: -1e300', { iat: -1e300 }],
    ['nbf: -9e12', { nbf: -9e12 }],
  ])('accepts a token with %s on the account APIs and in the admin verify (no expiresAt)', async (_what, claims) => {
    const token = await signed(claims)
    const r = await links(token)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    const v = await verify(token)
    expect(v.status).toBe(200)
    expect(v.body).toMatchObject({ accepted: true, verdict: 'valid' })
    if ('exp' in claims) expect(v.body).not.toHaveProperty('expiresAt')
  })

  it.each([
    ['exp: -1e300', { exp: -1e300 }, 'auth_token_expired', /^token expired: "exp" claim timestamp check failed/],
    ['nbf: 1e300', { nbf: 1e300 }, 'auth_token_verify_failed', /^token tampered: not_yet_valid: "nbf"/],
    ['iat: 1e300', { iat: 1e300 }, 'auth_token_verify_failed', /^token tampered: not_yet_valid: "iat" claim is in the future/],
    ['exp: "1e308" (a string)', { exp: '1e308' }, 'auth_token_verify_failed', /^token tampered: claim_invalid: "exp" claim must be a number/],
  ])('refuses a token with %s as CA does, naming why', async (_what, claims, code, reason) => {
    const r = await links(await signed(claims))
    expectCaError(r, code)
    const entry = t.sandbox.journal.list({ vendor: 'ca' }).at(-1)!
    expect(entry.reason).toMatch(reason)
  })
})

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
