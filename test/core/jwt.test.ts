import { describe, expect, it } from 'vitest'
import { UnsecuredJWT } from 'jose'
import { createClock } from '../../src/core/clock.ts'
import { createJwtService } from '../../src/core/jwt.ts'

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
})
