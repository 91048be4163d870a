// mintCafToken: the token CAF documents — header exactly {"alg":"HS256","typ":"JWT"}, payload
// {iss, exp?, peopleId?} in that order, HMAC-SHA256 over the raw clientSecret.
import { describe, expect, it } from 'vitest'
import { jwtVerify } from 'jose'
import { mintCafToken } from '../../../src/index.ts'

const clientId = 'my-client-id'
const clientSecret = 'my-client-secret-of-at-least-32-bytes'
const key = new TextEncoder().encode(clientSecret)
const part = (token: string, i: number) => Buffer.from(token.split('.')[i]!, 'base64url').toString('utf8')

describe('mintCafToken', () => {
  it('signs {iss} with HS256 and the header CAF documents, byte for byte', async () => {
    const token = await mintCafToken({ clientId, clientSecret })
    expect(part(token, 0)).toBe('{"alg":"HS256","typ":"JWT"}')
    expect(part(token, 1)).toBe('{"iss":"my-client-id"}')
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: clientId })
    expect(payload).toEqual({ iss: clientId })
  })

  it('adds exp (from now) and peopleId, in the documented order', async () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0)
    const token = await mintCafToken({ clientId, clientSecret, peopleId: '123.456.789-09', expiresIn: '5m', now })
    expect(part(token, 1)).toBe(`{"iss":"my-client-id","exp":${now / 1000 + 300},"peopleId":"123.456.789-09"}`)
    const { payload } = await jwtVerify(token, key, { currentDate: new Date(now) })
    expect(payload.exp).toBe(now / 1000 + 300)
  })

  it.each([
    [90, 90],
    ['90', 90],
    ['90s', 90],
    ['1h', 3600],
    ['1d', 86_400],
  ])('reads expiresIn %j as %i seconds', async (expiresIn, seconds) => {
    const token = await mintCafToken({ clientId, clientSecret, expiresIn, now: new Date(1_800_000_000_000) })
    expect(JSON.parse(part(token, 1)).exp).toBe(1_800_000_000 + seconds)
  })

  it('does not verify under another secret', async () => {
    const token = await mintCafToken({ clientId, clientSecret })
    await expect(jwtVerify(token, new TextEncoder().encode('another-secret-of-at-least-32-bytes'))).rejects.toThrow()
  })

  it.each([
    ['an empty clientId', { clientId: '', clientSecret }, TypeError],
    ['an empty clientSecret', { clientId, clientSecret: '' }, TypeError],
    ['an empty peopleId', { clientId, clientSecret, peopleId: ' ' }, TypeError],
    ['a zero lifetime', { clientId, clientSecret, expiresIn: 0 }, RangeError],
    ['a negative lifetime', { clientId, clientSecret, expiresIn: '-5m' }, RangeError],
    ['an unreadable lifetime', { clientId, clientSecret, expiresIn: 'soon' }, RangeError],
  ])('throws on %s', async (_what, input, error) => {
    await expect(mintCafToken(input)).rejects.toThrow(error)
  })
})
