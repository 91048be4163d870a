// Named attacks on a token the sandbox accepts, built from one valid token: every place that
// accepts tokens must refuse each of them. `sign` re-signs claims with the given secret (HS256
// unless the header says otherwise), so attacks can forge properly-signed-but-wrong tokens.
import { createHmac, generateKeyPairSync } from 'node:crypto'
import { SignJWT, UnsecuredJWT, base64url, decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose'

export interface AttackContext {
  /** A token the sandbox accepts. */
  valid: string
  /** The secret it was signed with (known to the attacker only in the "confusion" sense). */
  secret: string
  /** Sandbox time, seconds. */
  now: number
  /** A secret of the same vendor's other environment, when there is one. */
  otherEnvironmentSecret?: string
}

const b64 = (v: unknown) => base64url.encode(JSON.stringify(v))
const enc = new TextEncoder()

async function hs(claims: JWTPayload, secret: string, header: Record<string, unknown> = {}) {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT', ...header } as { alg: string }).sign(enc.encode(secret))
}

/** Forges a token with any header at all (jose rightly refuses to sign some of these). */
function forge(header: Record<string, unknown>, claims: JWTPayload, secret: string): string {
  const input = `${b64(header)}.${b64(claims)}`
  const alg = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[String(header.alg)] ?? 'sha256'
  return `${input}.${createHmac(alg, secret).update(input).digest('base64url')}`
}

function flipChar(s: string, index: number): string {
  const i = index < 0 ? s.length + index : index
  const c = s[i]!
  return s.slice(0, i) + (c === 'A' ? 'B' : 'A') + s.slice(i + 1)
}

export async function jwtAttacks(ctx: AttackContext): Promise<[name: string, token: string][]> {
  const [h, p, s] = ctx.valid.split('.') as [string, string, string]
  const header = decodeProtectedHeader(ctx.valid) as Record<string, unknown>
  const claims = decodeJwt(ctx.valid)
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString()

  const attacks: [string, string | Promise<string>][] = [
    ['alg none, signature dropped', new UnsecuredJWT(claims).encode()],
    ['alg none with the original signature kept', `${b64({ ...header, alg: 'none' })}.${p}.${s}`],
    ['alg "None" (case games)', `${b64({ ...header, alg: 'None' })}.${p}.`],
    ['HS512 with the right secret', hs(claims, ctx.secret, { alg: 'HS512' })],
    ['HS384 with the right secret', hs(claims, ctx.secret, { alg: 'HS384' })],
    ['RS256 header, HMAC-signed with the RSA public key (HS/RS confusion)', new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).sign(enc.encode(publicPem)).catch(() => `${b64({ alg: 'RS256', typ: 'JWT' })}.${p}.${s}`)],
    ['HS256 signed with the RSA public key as the HMAC secret', hs(claims, publicPem)],
    ['a wrong secret', hs(claims, `${ctx.secret}-not`)],
    ['an empty secret', new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(0)).catch(() => `${h}.${p}.`)],
    ['a tampered header (typ changed), old signature', `${b64({ ...header, typ: 'JOSE' })}.${p}.${s}`],
    ['a tampered payload (claim changed), old signature', `${h}.${b64({ ...claims, sub: 'someone-else', clientId: 'someone-else', iss: claims.iss })}.${s}`],
    ['a flipped signature character', `${h}.${p}.${flipChar(s, 3)}`],
    ['a truncated signature', `${h}.${p}.${s.slice(0, -4)}`],
    ['an empty signature', `${h}.${p}.`],
    ['expired (exp an hour ago), properly signed', hs({ ...claims, exp: ctx.now - 3600, iat: ctx.now - 7200 }, ctx.secret)],
    ['nbf an hour in the future, properly signed', hs({ ...claims, nbf: ctx.now + 3600 }, ctx.secret)],
    ['iat an hour in the future, properly signed', hs({ ...claims, iat: ctx.now + 3600 }, ctx.secret)],
    ['iss missing, properly signed', hs(Object.fromEntries(Object.entries(claims).filter(([k]) => k !== 'iss')), ctx.secret)],
    ['iss wrong, properly signed', hs({ ...claims, iss: 'somebody-else' }, ctx.secret)],
    ['kid injection (path traversal), wrong secret', hs(claims, 'attacker', { kid: '../../../../dev/null' })],
    ['jku pointing at an attacker key set, wrong secret', hs(claims, 'attacker', { jku: 'https://attacker.example/jwks.json' })],
    ['embedded jwk header with an attacker key', hs(claims, 'attacker', { jwk: { kty: 'oct', k: base64url.encode('attacker') } })],
    ['crit header the verifier does not understand', forge({ alg: 'HS256', typ: 'JWT', crit: ['x-unknown'], 'x-unknown': 1 }, claims, ctx.secret)],
    ['an oversized token (64 KiB of padding claims)', hs({ ...claims, pad: 'x'.repeat(64 * 1024) }, 'attacker')],
    ['non-base64url characters in the payload', `${h}.${p.slice(0, 5)}*!${p.slice(5)}.${s}`],
    ['standard base64 (+ and /) in the signature', `${h}.${p}.${s.replace(/-/g, '+').replace(/_/g, '/')}${s.includes('-') || s.includes('_') ? '' : '+/'}`],
    ['two segments only', `${h}.${p}`],
    ['four segments', `${h}.${p}.${s}.${s}`],
    ['JSON instead of a token', JSON.stringify(claims)],
    ['a header that is not JSON', `${base64url.encode('not json')}.${p}.${s}`],
    ['a payload that is a JSON array', `${h}.${b64([claims])}.${s}`],
    ['an empty string', ''],
  ]
  if (ctx.otherEnvironmentSecret !== undefined) attacks.push(['signed with the other environment key', hs(claims, ctx.otherEnvironmentSecret)])
  return Promise.all(attacks.map(async ([name, t]) => [name, await t] as [string, string]))
}
