// Every named attack on a CAF token, over HTTP on both transports: the mobile token where the
// Mobile API takes it (POST /faces/authenticate) and where the BFF takes it (GET /session-tokens),
// and the BFF's own session token where it is used (POST /sessions). Each is refused with CAF's
// error, and the journal names the precise reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SignJWT } from 'jose'
import { caf } from '../../../src/vendors/caf/index.ts'
import { mintCafToken } from '../../../src/vendors/caf/mint.ts'
import { jwtAttacks } from '../../support/jwt-attacks.ts'
import { transports, type Transport } from '../../support/transports.ts'
import { KEYS, SEEDED_CPF, cafBase, call, expectCafError, lastCafEntry, type Answer } from './support.ts'

const NOW = Date.parse('2026-06-01T12:00:00Z')
const SESSION_SECRET = 'caf-attacks-session-token-secret-0001'
const INVALID = 'The token used is not valid for this product'
const BFF_INVALID = 'Invalid or missing token'
const MISSING = 'The access token has not been entered'

/** The reason each attack on a mobile token must be journaled with. */
const MOBILE_REASONS: Record<string, RegExp> = {
  'alg none, signature dropped': /^alg not allowed: alg "none"/,
  'alg none with the original signature kept': /^alg not allowed: alg "none"/,
  'alg "None" (case games)': /^alg not allowed: alg "None"/,
  'HS512 with the right secret': /^alg not allowed: alg "HS512"/,
  'HS384 with the right secret': /^alg not allowed: alg "HS384"/,
  'RS256 header, HMAC-signed with the RSA public key (HS/RS confusion)': /^alg not allowed: alg "RS256"/,
  'HS256 signed with the RSA public key as the HMAC secret': /^bad signature: not signed with the clientSecret of tokensandbox-prod-0001/,
  'a wrong secret': /^bad signature/,
  'an empty secret': /^bad signature/,
  'a tampered header (typ changed), old signature': /^bad signature/,
  'a tampered payload (claim changed), old signature': /^bad signature/,
  'a flipped signature character': /^bad signature/,
  'a truncated signature': /^bad signature/,
  'an empty signature': /^bad signature/,
  'expired (exp an hour ago), properly signed': /^expired: exp 2026-06-01T11:00:00.000Z is past/,
  'nbf an hour in the future, properly signed': /^not yet valid: nbf 2026-06-01T13:00:00.000Z is in the future/,
  'iat an hour in the future, properly signed': /^not yet valid: iat 2026-06-01T13:00:00.000Z is in the future/,
  'iss missing, properly signed': /^malformed: the iss claim \(the clientId\) is missing/,
  'iss wrong, properly signed': /^unknown iss: no Mobile Key has clientId somebody-else/,
  'kid injection (path traversal), wrong secret': /^bad signature/,
  'jku pointing at an attacker key set, wrong secret': /^bad signature/,
  'embedded jwk header with an attacker key': /^bad signature/,
  'crit header the verifier does not understand': /^malformed: .*"x-unknown"/,
  'an oversized token (64 KiB of padding claims)': /^bad signature/,
  'non-base64url characters in the payload': /^malformed: the payload is not base64url-encoded JSON/,
  'standard base64 (+ and /) in the signature': /^malformed: .*signature/,
  'two segments only': /^malformed: a JWT has three dot-separated parts, this has 2/,
  'four segments': /^malformed: a JWT has three dot-separated parts, this has 4/,
  'JSON instead of a token': /^malformed: a JWT has three dot-separated parts, this has 1/,
  'a header that is not JSON': /^malformed: the header is not base64url-encoded JSON/,
  'a payload that is a JSON array': /^malformed: the payload is not a JSON object/,
  'an empty string': /^missing token/,
  'signed with the other environment key': /^bad signature: not signed with the clientSecret of tokensandbox-prod-0001/,
}

/** Session tokens are signed with the sandbox's own secret: the same attacks, worded for it. */
const SESSION_REASONS: Record<string, RegExp> = {
  ...Object.fromEntries(
    Object.entries(MOBILE_REASONS).map(([name, reason]) => [
      name,
      reason.source.startsWith('^bad signature') ? /^bad signature: not a session token this sandbox issued/ : reason,
    ]),
  ),
  'iss missing, properly signed': /^unknown iss: no Mobile Key has clientId undefined/,
  'a session token issued in beta, on prod': /^wrong environment: the session token was issued in beta/,
  'the self-signed authentication token instead of a session token': /^malformed: not a session token/,
}

const valid = await mintCafToken({ ...KEYS.prod, expiresIn: '10m', now: NOW })
const mobileAttacks = await jwtAttacks({ valid, secret: KEYS.prod.clientSecret, now: NOW / 1000, otherEnvironmentSecret: KEYS.beta.clientSecret })

describe.each(transports)('CAF tokens under attack, %s transport', (name, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start({ seed: 'caf-attacks', now: NOW, fixtures: { caf: { ...caf.fixtures, sessionTokenSecret: SESSION_SECRET } } })
  })
  afterAll(() => t.close())

  /** Refused with CAF's error and the precise reason; the journal holds neither the token nor a secret. */
  async function expectRefused(a: Answer, attack: string, reasons: Record<string, RegExp>, bff: boolean) {
    const missing = attack === 'an empty string'
    expect(a.status, `${attack}: ${a.text}`).toBe(missing && !bff ? 400 : 401)
    expectCafError(a, a.status, bff ? BFF_INVALID : missing ? MISSING : INVALID)
    const entry = await lastCafEntry(t)
    expect(entry.status, attack).toBe(a.status)
    expect(reasons[attack], `a reason is expected for "${attack}"`).toBeInstanceOf(RegExp)
    expect(entry.reason, attack).toMatch(reasons[attack]!)
    expect(JSON.stringify(entry), attack).not.toMatch(/eyJ|secret-0001/)
  }

  const authenticate = (token: string) => call(`${cafBase(t, 'prod', 'mobile')}/faces/authenticate`, { token, body: { peopleId: SEEDED_CPF } })
  const exchange = (token: string) => call(`${cafBase(t, 'prod', 'bff')}/session-tokens`, { token })
  const openSession = (token: string) => call(`${cafBase(t, 'prod', 'bff')}/sessions`, { token, body: { personId: SEEDED_CPF } })

  it('has the full attack list, and a reason for each', () => {
    expect(mobileAttacks.length).toBeGreaterThanOrEqual(33)
    for (const [attack] of mobileAttacks) expect(Object.keys(MOBILE_REASONS)).toContain(attack)
  })

  describe('the mobile token on the Mobile API (POST /faces/authenticate)', () => {
    it('accepts the untouched token (else every refusal below proves nothing)', async () => {
      expect((await authenticate(valid)).status).toBe(200)
    })
    it.each(mobileAttacks)('refuses %s', async (attack, token) => {
      await expectRefused(await authenticate(token), attack, MOBILE_REASONS, false)
    })
  })

  describe('the mobile token on the BFF (GET /session-tokens)', () => {
    it('accepts the untouched token', async () => {
      expect((await exchange(valid)).status).toBe(200)
    })
    it.each(mobileAttacks)('refuses %s', async (attack, token) => {
      await expectRefused(await exchange(token), attack, MOBILE_REASONS, true)
    })
  })

  describe('the session token on the BFF (POST /sessions)', () => {
    let attacks: [string, string][] = []
    beforeAll(async () => {
      const sessionToken = (await exchange(valid)).body.sessionToken as string
      // The baseline must pass, or every refusal below would prove nothing.
      expect((await openSession(sessionToken)).status).toBe(200)
      const beta = await call(`${cafBase(t, 'beta', 'bff')}/session-tokens`, { token: await mintCafToken({ ...KEYS.beta, now: NOW }) })
      attacks = [
        ...(await jwtAttacks({ valid: sessionToken, secret: SESSION_SECRET, now: NOW / 1000 })),
        ['a session token issued in beta, on prod', beta.body.sessionToken as string],
        ['the self-signed authentication token instead of a session token', valid],
      ]
    })

    it('refuses every attack on it', async () => {
      expect(attacks.length).toBeGreaterThanOrEqual(34)
      for (const [attack, token] of attacks) await expectRefused(await openSession(token), attack, SESSION_REASONS, true)
    })

    it('still accepts the untouched session token after all that', async () => {
      const sessionToken = (await exchange(valid)).body.sessionToken as string
      expect((await openSession(sessionToken)).status).toBe(200)
    })
  })

  it('refuses a mobile token forged with jose for a key that exists, but in another environment', async () => {
    const forged = await new SignJWT({ iss: KEYS.beta.clientId }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(KEYS.beta.clientSecret))
    await expectRefused(await authenticate(forged), 'wrong environment', { 'wrong environment': /^wrong environment: tokensandbox-beta-0001 is a beta key, this is prod/ }, false)
  })
})
