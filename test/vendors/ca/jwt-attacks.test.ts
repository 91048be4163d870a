// Every named attack on a CA token, sent to a protected account API (Linked Accounts) on both
// transports, is refused with HTTP 400 `auth_token_verify_failed` (`auth_token_expired` for the
// properly signed expired one), and the journal says precisely why. The attacks are forged with
// the tenant's own signing secret (given to the sandbox in its fixtures, as a test would) and
// with another tenant's secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ca as caVendor } from '../../../src/vendors/ca/index.ts'
import { jwtAttacks } from '../../support/jwt-attacks.ts'
import { transports, type Transport } from '../../support/transports.ts'
import { caClient, expectCaError } from './support.ts'

const NOW = Date.parse('2026-06-01T12:00:00Z')
const LINKS = '/accounts/ACC-1001/links'
const QUERY = { tenant_id: 'hedmoral' }
const SECRETS: Record<string, string> = { hedmoral: 'hedmoral-attack-secret-0123456789', kvarnby: 'kvarnby-attack-secret-0123456789' }
const fixtures = { tenants: caVendor.fixtures.tenants.map((t) => ({ ...t, ...(SECRETS[t.id] ? { signingSecret: SECRETS[t.id] } : {}) })) }

/** Why the journal must say each attack was refused (`token <verdict>: <detail>`). */
const EXPECTED_REASON: Record<string, RegExp> = {
  'alg none, signature dropped': /^token tampered: alg_not_allowed: alg none is not allowed/,
  'alg none with the original signature kept': /^token tampered: alg_not_allowed: alg none/,
  'alg "None" (case games)': /^token tampered: alg_not_allowed: alg None/,
  'HS512 with the right secret': /^token tampered: alg_not_allowed: alg HS512/,
  'HS384 with the right secret': /^token tampered: alg_not_allowed: alg HS384/,
  'RS256 header, HMAC-signed with the RSA public key (HS/RS confusion)': /^token tampered: alg_not_allowed: alg RS256/,
  'HS256 signed with the RSA public key as the HMAC secret': /^token tampered: bad_signature/,
  'a wrong secret': /^token tampered: bad_signature/,
  'an empty secret': /^token tampered: bad_signature/,
  'a tampered header (typ changed), old signature': /^token tampered: bad_signature/,
  'a tampered payload (claim changed), old signature': /^token tampered: bad_signature/,
  'a flipped signature character': /^token tampered: bad_signature/,
  'a truncated signature': /^token tampered: bad_signature/,
  'an empty signature': /^token tampered: (bad_signature|malformed)/,
  'expired (exp an hour ago), properly signed': /^token expired: .*"exp"/,
  'nbf an hour in the future, properly signed': /^token tampered: not_yet_valid: .*"nbf"/,
  'iat an hour in the future, properly signed': /^token tampered: not_yet_valid: "iat" claim is in the future/,
  'iss missing, properly signed': /^token tampered: claim_invalid: .*"iss"/,
  'iss wrong, properly signed': /^token tampered: claim_invalid: .*"iss"/,
  'kid injection (path traversal), wrong secret': /^token tampered: bad_signature/,
  'jku pointing at an attacker key set, wrong secret': /^token tampered: bad_signature/,
  'embedded jwk header with an attacker key': /^token tampered: bad_signature/,
  'crit header the verifier does not understand': /^token tampered: malformed: Extension Header Parameter "x-unknown" is not recognized/,
  'an oversized token (64 KiB of padding claims)': /^token tampered: bad_signature/,
  'non-base64url characters in the payload': /^token malformed: not a JWT/,
  'standard base64 (+ and /) in the signature': /^token tampered: (malformed|bad_signature)/,
  'two segments only': /^token malformed: not a JWT/,
  'four segments': /^token malformed: not a JWT/,
  'JSON instead of a token': /^token malformed: not a JWT/,
  'a header that is not JSON': /^token malformed: not a JWT/,
  'a payload that is a JSON array': /^token malformed: not a JWT/,
  'an empty string': /^missing Authorization header$/,
  'signed with the other environment key': /^token tampered: bad_signature/,
}

describe.each(transports)('CA tokens under attack, %s transport', (_name, start) => {
  let t: Transport
  let ca: ReturnType<typeof caClient>
  let attacks: [string, string][] = []
  let valid = ''
  beforeAll(async () => {
    t = await start({ now: NOW, seed: 'ca-attacks', fixtures: { ca: fixtures } })
    ca = caClient(t, 'hedmoral')
    valid = await ca.token()
    attacks = await jwtAttacks({
      valid,
      secret: SECRETS.hedmoral!,
      otherEnvironmentSecret: SECRETS.kvarnby!,
      now: t.sandbox.clock.nowSeconds(),
    })
  })
  afterAll(() => t.close())

  const lastReason = () => t.sandbox.journal.list({ vendor: 'ca', limit: 1 })[0]?.reason

  it('accepts the token the attacks start from (else every refusal below proves nothing)', async () => {
    const res = await ca.call('GET', LINKS, { token: valid, query: QUERY })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.account_id).toBe('ACC-1001')
  })

  it('has the full attack list, with the other tenant’s secret, and a reason for each', () => {
    expect(attacks.length).toBeGreaterThanOrEqual(33)
    expect(attacks.map(([n]) => n).sort()).toEqual(Object.keys(EXPECTED_REASON).sort())
  })

  it.each(Object.keys(EXPECTED_REASON))('refuses %s with 400 and says why in the journal', async (name) => {
    const token = attacks.find(([n]) => n === name)![1]
    const res = await ca.call('GET', LINKS, { headers: { authorization: token }, query: QUERY })
    const expired = name.startsWith('expired')
    expectCaError(res, expired ? 'auth_token_expired' : 'auth_token_verify_failed', expired ? 'Authorization token has expired' : 'Authorization token verification has failed')
    expect(lastReason()).toMatch(EXPECTED_REASON[name]!)
  })
})
