// GET /__sandbox/tokens: what the sandbox signed, decoded, with its status by the sandbox clock —
// never a token string or a secret; bounded; emptied by reset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIssuedTokens } from '../../src/admin/issued.ts'
import { createClock } from '../../src/core/clock.ts'
import { createJwtService } from '../../src/core/jwt.ts'
import { createSandbox } from '../../src/node/sandbox.ts'
import { mintCafToken } from '../../src/vendors/caf/mint.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'

const KEY = 'test_tokensandbox_default_0001'
const CLIENT = '5eb04fcd0f3e360008035eb1'

describe('the issued-token record', () => {
  it('keeps header and claims of every token the JWT service signs, and nothing else', async () => {
    const clock = createClock()
    clock.freeze(Date.parse('2026-01-01T00:00:00Z'))
    const issued = createIssuedTokens(clock)
    const jwt = createJwtService(clock, { onSigned: (t) => issued.record(t) })
    const token = await jwt.signHmac({ sub: 'a', jti: 'j1', exp: clock.nowSeconds() + 60 }, 'secret-of-at-least-some-length')
    // decoding and verifying record nothing.
    jwt.decode(token)
    await jwt.verifyHmac(token, 'secret-of-at-least-some-length')
    const list = issued.list([])
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ header: { alg: 'HS256', typ: 'JWT' }, claims: { sub: 'a', jti: 'j1' }, status: 'active', secondsLeft: 60, vendor: null })
    expect(JSON.stringify(list)).not.toContain(token)
    expect(JSON.stringify(list)).not.toContain('secret-of-at-least-some-length')
  })

  it('says expired once exp is reached by the sandbox clock, and not_yet_valid before nbf', async () => {
    const clock = createClock()
    clock.freeze(Date.parse('2026-01-01T00:00:00Z'))
    const issued = createIssuedTokens(clock)
    const jwt = createJwtService(clock, { onSigned: (t) => issued.record(t) })
    const now = clock.nowSeconds()
    await jwt.signHmac({ jti: 'soon', exp: now + 10 }, 'k')
    await jwt.signHmac({ jti: 'later', nbf: now + 100, exp: now + 1000 }, 'k')
    expect(issued.list([]).map((t) => t.status)).toEqual(['active', 'not_yet_valid'])
    clock.advance(10_000)
    expect(issued.list([]).map((t) => [t.status, t.secondsLeft])).toEqual([['expired', 0], ['not_yet_valid', 990]])
  })

  it('keeps only the newest tokens past its capacity, and ignores what is not a JWT', async () => {
    const clock = createClock()
    const issued = createIssuedTokens(clock, 3)
    for (let i = 0; i < 5; i++) issued.record(await createJwtService(clock).signHmac({ jti: `t${i}` }, 'k'))
    issued.record('not.a.jwt')
    issued.record('opaque-token')
    expect(issued.list([]).map((t) => t.claims.jti)).toEqual(['t2', 't3', 't4'])
    issued.clear()
    expect(issued.list([])).toEqual([])
  })
})

describe('GET /__sandbox/tokens', () => {
  let s: RunningServer
  beforeAll(async () => {
    s = await startServer({ port: 0, now: Date.parse('2026-03-01T12:00:00Z') })
  })
  afterAll(() => s.close())

  const issue = async () => {
    const res = await fetch(`${s.url}/complycube/v1/tokens`, {
      method: 'POST',
      headers: { authorization: KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: CLIENT, referrer: 'https://www.example.com/*' }),
    })
    return ((await res.json()) as { token: string }).token
  }
  const list = async () => ((await (await fetch(`${s.url}/__sandbox/tokens`)).json()) as { tokens: any[] }).tokens

  it('lists a ComplyCube SDK token with the vendor and environment of the request that issued it', async () => {
    const token = await issue()
    const tokens = await list()
    expect(tokens).toHaveLength(1)
    expect(tokens[0]).toMatchObject({
      vendor: 'complycube',
      environment: 'sandbox',
      path: '/complycube/v1/tokens',
      status: 'active',
      secondsLeft: 3600,
      expiresAt: '2026-03-01T13:00:00.000Z',
      signedAt: '2026-03-01T12:00:00.000Z',
      header: { alg: 'HS256', typ: 'JWT' },
      claims: { clientId: CLIENT, referrer: 'https://www.example.com/*' },
    })
    expect(typeof tokens[0].seq).toBe('number')
    expect(JSON.stringify(tokens)).not.toContain(token)
  })

  it('lists the tokens of every vendor that signs through the core: a CAF session token from the BFF', async () => {
    const auth = await mintCafToken({
      clientId: 'tokensandbox-beta-0001',
      clientSecret: 'sandbox-beta-secret-0001-9d3a6f2c8e1b5d7a4c0f2e6b',
      expiresIn: '5m',
      now: Date.parse('2026-03-01T12:00:00Z'),
    })
    const res = await fetch(`${s.url}/caf/beta/bff/session-tokens`, { headers: { authorization: auth } })
    expect(res.status).toBe(200)
    const caf = (await list()).filter((t) => t.vendor === 'caf')
    expect(caf).toHaveLength(1)
    expect(caf[0]).toMatchObject({ environment: 'beta', path: '/caf/beta/bff/session-tokens', status: 'active', claims: { iss: 'tokensandbox-beta-0001' } })
  })

  it('marks it expired after the clock advances 60 minutes, and empties on reset', async () => {
    await fetch(`${s.url}/__sandbox/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"by":"60m"}' })
    expect((await list()).find((t) => t.vendor === 'complycube')).toMatchObject({ status: 'expired', secondsLeft: 0 })
    await fetch(`${s.url}/__sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } })
    expect(await list()).toEqual([])
  })

  it('is the same list in-process (sandbox.admin.tokens())', async () => {
    const sandbox = createSandbox()
    await sandbox.complycube.issueToken({ environment: 'live', clientId: '6a1b2c3d4e5f60718293a4b5', appId: 'com.example.app' })
    const [t] = sandbox.admin.tokens()
    // Issued in-process: no journal entry, so the environment comes from the claims.
    expect(t).toMatchObject({ vendor: null, environment: 'live', claims: { appId: 'com.example.app' }, status: 'active' })
  })
})

describe('the issued-token record under huge tokens', () => {
  it('keeps a byte budget: huge tokens push the oldest out, the newest always stays', () => {
    const issued = createIssuedTokens(createClock(), 200, 100_000)
    const token = (i: number, size: number) =>
      `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify({ jti: String(i), pad: 'p'.repeat(size) })).toString('base64url')}.sig`
    for (let i = 0; i < 50; i++) issued.record(token(i, 30_000))
    const kept = issued.list([])
    expect(kept.length).toBeLessThanOrEqual(2)
    expect(kept.at(-1)!.claims.jti).toBe('49')
    issued.record(token(50, 500_000))
    expect(issued.list([]).map((t) => t.claims.jti)).toEqual(['50'])
    for (let i = 51; i < 60; i++) issued.record(token(i, 10))
    expect(issued.list([]).map((t) => t.claims.jti)).toEqual(['51', '52', '53', '54', '55', '56', '57', '58', '59'])
  })
})

describe('GET /__sandbox/tokens with a token whose exp no Date can hold (from a state file saved before that was refused)', () => {
  const fakeToken = (claims: Record<string, unknown>) =>
    [{ alg: 'HS256', typ: 'JWT' }, claims].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') + '.c2ln'

  it('answers 200 after a restart, with no expiresAt for those tokens', async () => {
    const before = createSandbox({ seed: 'issued-out-of-range' })
    const saved = before.snapshot() as unknown as { issued: { token: string; signedAt: number }[] }
    const signedAt = Date.parse('2026-03-01T12:00:00Z')
    saved.issued.push(
      { token: fakeToken({ jti: 'a', exp: 1e300 }), signedAt },
      { token: fakeToken({ jti: 'b', exp: 8_639_999_999_999 + 86_400 * 99_999_999_999 }), signedAt },
      { token: fakeToken({ jti: 'c', exp: -1e300, nbf: 1e300 }), signedAt },
      { token: fakeToken({ jti: 'd', exp: 1_900_000_000 }), signedAt },
    )
    const after = createSandbox({ seed: 'issued-out-of-range' })
    after.restore(JSON.parse(JSON.stringify(saved)))
    const s = await startServer({ sandbox: after, port: 0 })
    try {
      const res = await fetch(`${s.url}/__sandbox/tokens`)
      expect(res.status).toBe(200)
      const { tokens } = (await res.json()) as { tokens: any[] }
      expect(tokens.map((t) => [t.claims.jti, t.expiresAt, t.status])).toEqual([
        ['a', null, 'active'],
        ['b', null, 'active'],
        ['c', null, 'expired'],
        ['d', '2030-03-17T17:46:40.000Z', 'active'],
      ])
    } finally {
      await s.close()
    }
  })

  it('refuses a state file whose signedAt no Date can hold, naming it', () => {
    const saved = createSandbox().snapshot() as unknown as { issued: { token: string; signedAt: number }[] }
    saved.issued.push({ token: fakeToken({ jti: 'x' }), signedAt: 1e300 })
    expect(() => createSandbox().restore(saved)).toThrow(/issued\[0\] must be \{ token, signedAt \}/)
  })
})
