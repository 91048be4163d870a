import { describe, expect, it } from 'vitest'
import { CompactSign, UnsecuredJWT, jwtVerify } from 'jose'
import { createClock } from '../../src/core/clock.ts'
import { createJwtService } from '../../src/core/jwt.ts'
import { webCryptoHmac } from '../../src/core/hmac.ts'
import { nodeHmac } from '../../src/node/hmac.ts'

describe('the JWT service', () => {
  const clock = createClock(() => Date.parse('2026-01-01T00:00:00Z'))
  const jwt = createJwtService(clock)
  const now = clock.nowSeconds()

  it('signs HS256 tokens that verify with the same secret', async () => {
    const token = await jwt.signHmac({ iss: 'me', exp: now + 60 }, 's3cret')
    expect(jwt.decode(token)?.header).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(await jwt.verifyHmac(token, 's3cret')).toMatchObject({ ok: true, payload: { iss: 'me' } })
  })

  it('judges expiry by the sandbox clock, not the wall clock', async () => {
    const frozen = createClock()
    frozen.freeze(Date.parse('2000-01-01T00:00:00Z'))
    const old = createJwtService(frozen)
    const token = await old.signHmac({ exp: Math.floor(Date.parse('2000-01-01T00:01:00Z') / 1000) }, 'k')
    expect(await old.verifyHmac(token, 'k')).toMatchObject({ ok: true })
    frozen.advance(120_000)
    expect(await old.verifyHmac(token, 'k')).toMatchObject({ ok: false, reason: 'expired' })
  })

  it.each([
    ['a wrong secret', async () => jwt.signHmac({ iss: 'x' }, 'other'), 'bad_signature'],
    ['HS512 when only HS256 is allowed', async () => jwt.signHmac({ iss: 'x' }, 'k', { alg: 'HS512' }), 'alg_not_allowed'],
    ['alg none', async () => new UnsecuredJWT({ iss: 'x' }).encode(), 'alg_not_allowed'],
    ['not a JWT', async () => 'hello', 'malformed'],
    ['nbf in the future', async () => jwt.signHmac({ nbf: now + 3600 }, 'k'), 'not_yet_valid'],
  ])('refuses %s', async (_what, make, reason) => {
    expect(await jwt.verifyHmac(await make(), 'k')).toMatchObject({ ok: false, reason })
  })

  it('checks the issuer when asked', async () => {
    const token = await jwt.signHmac({ iss: 'someone' }, 'k')
    expect(await jwt.verifyHmac(token, 'k', { issuer: 'me' })).toMatchObject({ ok: false, reason: 'claim_invalid' })
  })

  describe.each([
    ['WebCrypto (the default, the browser’s)', webCryptoHmac],
    ['node:crypto (the Node entry points’)', nodeHmac],
  ])('with the HMAC by %s', (_name, hmac) => {
    const signer = createJwtService(clock, { hmac })
    const cases: [string, Record<string, unknown>, Record<string, unknown> | undefined][] = [
      ['HS256, the default header', { iss: 'me', sub: 'ünïcødé ✓ 𝄞', exp: now + 60, n: [1, 2.5, null] }, undefined],
      ['HS384 with a kid', { jti: 'j', iat: now }, { alg: 'HS384', kid: 'key-1' }],
      ['HS512, typ first in the given header', { a: '"quoted" \\ </script>' }, { typ: 'JWT', alg: 'HS512' }],
      ['an empty claims set', {}, { alg: 'HS256', typ: 'JWT' }],
    ]

    it.each(cases)('signs %s byte for byte as jose’s CompactSign', async (_what, claims, header) => {
      const secret = 'a-sandbox-secret-0123456789abcdef'
      const alg = (header?.alg as string | undefined) ?? 'HS256'
      const protectedHeader = Object.assign({ alg, typ: 'JWT' }, header, { alg })
      const joseToken = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
        .setProtectedHeader(protectedHeader)
        .sign(new TextEncoder().encode(secret))
      const token = await signer.signHmac(claims, secret, header)
      expect(token).toBe(joseToken)
      // Twice: the cached key signs the same.
      expect(await signer.signHmac(claims, secret, header)).toBe(joseToken)
      await expect(jwtVerify(token, new TextEncoder().encode(secret), { algorithms: [alg], currentDate: new Date(clock.now()) })).resolves.toMatchObject({ payload: claims })
    })

    it('refuses to sign with an algorithm that is not HMAC, or an empty secret', async () => {
      await expect(signer.signHmac({}, 'k', { alg: 'RS256' })).rejects.toThrow(TypeError)
      await expect(signer.signHmac({}, '')).rejects.toThrow()
    })
  })
})
