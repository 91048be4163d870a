// Rate limits, opt-in: ComplyCube's documented per-environment limits (5 requests a second in
// sandbox, 10 in live), counted in fixed windows of the sandbox clock, answered with
// ComplyCube's documented 429; on both transports.
import { afterEach, describe, expect, it } from 'vitest'
import { createRateLimiter, RateLimitError } from '../../src/core/rate-limits.ts'
import { createSandbox } from '../../src/node/sandbox.ts'
import type { SandboxOptions } from '../../src/sandbox.ts'
import { transports, type Transport } from '../support/transports.ts'
import { startServe } from '../support/serve-child.ts'

const KEYS = { sandbox: 'test_tokensandbox_default_0001', live: 'live_tokensandbox_default_0001' }
const AT = Date.parse('2030-01-01T00:00:00.000Z')
const TOO_MANY = { type: 'rate_limit_exceeded', message: 'You have exceeded the rate limit prescribed to your plan' }

describe('the rate limiter', () => {
  const documented = {
    complycube: { environments: ['sandbox', 'live'], documented: { sandbox: { requests: 2, perMs: 1000 } } },
    caf: { environments: ['prod', 'beta', 'dev'], documented: {} },
  }
  it('enforces nothing unless asked', () => {
    expect(createRateLimiter(documented, undefined).enabled).toBe(false)
    expect(createRateLimiter(documented, false).enabled).toBe(false)
  })
  it('counts fixed windows aligned on the clock', () => {
    const r = createRateLimiter(documented, true)
    expect([r.take('complycube', 'sandbox', 999), r.take('complycube', 'sandbox', 999), r.take('complycube', 'sandbox', 999)]).toEqual([true, true, false])
    expect(r.take('complycube', 'sandbox', 1000)).toBe(true)
    expect(r.take('complycube', 'live', 1000)).toBe(true) // no limit declared there
    r.clear()
    expect([r.take('complycube', 'sandbox', 1000), r.take('complycube', 'sandbox', 1000)]).toEqual([true, true])
  })
  it('takes overrides per vendor and environment, false turning one off', () => {
    const r = createRateLimiter(documented, { complycube: { sandbox: false, live: { requests: 1, perMs: 60_000 } } })
    expect(r.get()).toEqual({ enabled: true, limits: [{ vendor: 'complycube', environment: 'live', requests: 1, perMs: 60_000 }] })
  })
  it('lists the documented limits when not enforced: what turning enforcement on applies', () => {
    const r = createRateLimiter(documented, undefined)
    expect(r.get()).toEqual({ enabled: false, limits: [{ vendor: 'complycube', environment: 'sandbox', requests: 2, perMs: 1000 }] })
    r.set({ enabled: true })
    expect([r.take('complycube', 'sandbox', 0), r.take('complycube', 'sandbox', 0), r.take('complycube', 'sandbox', 0)]).toEqual([true, true, false])
  })
  it('keeps every window through a change that changes nothing, and each window whose limit stays', () => {
    const r = createRateLimiter(documented, true)
    const full = () => [r.take('complycube', 'sandbox', 0), r.take('complycube', 'sandbox', 0), r.take('complycube', 'sandbox', 0)]
    expect(full()).toEqual([true, true, false])
    r.set({})
    r.set({ enabled: true })
    r.set({ limits: [{ vendor: 'complycube', environment: 'sandbox', requests: 2, perMs: 1000 }] })
    // Another environment's limit added: the sandbox window keeps its count.
    r.set({ limits: [{ vendor: 'complycube', environment: 'sandbox', requests: 2, perMs: 1000 }, { vendor: 'caf', environment: 'prod', requests: 1, perMs: 10 }] })
    expect(r.take('complycube', 'sandbox', 0)).toBe(false)
    // Its own limit changed: that window starts afresh.
    r.set({ limits: [{ vendor: 'complycube', environment: 'sandbox', requests: 3, perMs: 1000 }] })
    expect([r.take('complycube', 'sandbox', 0), r.take('complycube', 'sandbox', 0), r.take('complycube', 'sandbox', 0), r.take('complycube', 'sandbox', 0)]).toEqual([true, true, true, false])
  })
  it('says how long until a full window ends', () => {
    const r = createRateLimiter(documented, { complycube: { sandbox: { requests: 1, perMs: 60_000 } } })
    expect(r.waitMs('complycube', 'sandbox', 125_000)).toBe(55_000)
    expect(r.waitMs('complycube', 'sandbox', 120_000)).toBe(60_000)
    expect(r.waitMs('complycube', 'live', 0)).toBe(0)
    expect(r.waitMs('complycube', null, 0)).toBe(0)
  })
  it('keys limits and windows by vendor and environment apart: no pair passes for another, none is cut short', () => {
    // Names no caller can give (control characters are refused): the keying alone keeps them apart.
    const one = { requests: 1, perMs: 1000 }
    const r = createRateLimiter({ a: { environments: ['x\0y'], documented: { 'x\0y': one } }, 'a\0x': { environments: ['y', 'z'], documented: { y: one } } }, true)
    expect(r.get().limits).toEqual([
      { vendor: 'a', environment: 'x\0y', ...one },
      { vendor: 'a\0x', environment: 'y', ...one },
    ])
    expect([r.take('a\0x', 'y', 0), r.take('a\0x', 'y', 0)]).toEqual([true, false])
    expect([r.take('a', 'x\0y', 0), r.take('a', 'x\0y', 0)]).toEqual([true, false])
    expect([r.take('a\0x', 'z', 0), r.take('a\0x', 'z', 0)]).toEqual([true, true])
  })
  it('starts every window afresh on a change of its limit or of enforcement, and restores the start-up setting', () => {
    const r = createRateLimiter(documented, true)
    r.take('complycube', 'sandbox', 0)
    r.take('complycube', 'sandbox', 0)
    expect(r.take('complycube', 'sandbox', 0)).toBe(false)
    r.set({ limits: [{ vendor: 'caf', environment: 'prod', requests: 1, perMs: 10 }] })
    expect(r.get()).toEqual({ enabled: true, limits: [{ vendor: 'caf', environment: 'prod', requests: 1, perMs: 10 }] })
    expect(r.take('complycube', 'sandbox', 0)).toBe(true) // no limit there any more
    expect([r.take('caf', 'prod', 0), r.take('caf', 'prod', 0)]).toEqual([true, false])
    r.set({ enabled: false })
    expect(r.enabled).toBe(false)
    r.restore()
    expect(r.get()).toEqual({ enabled: true, limits: [{ vendor: 'complycube', environment: 'sandbox', requests: 2, perMs: 1000 }] })
    expect(r.take('complycube', 'sandbox', 0)).toBe(true) // the window was forgotten
  })
  it.each([
    [{ stripe: {} }, /unknown vendor 'stripe'/],
    [{ complycube: { live: { requests: 0, perMs: 1000 } } }, /rateLimits\.complycube\.live must be false or/],
    [{ complycube: { live: { requests: 1.5, perMs: 1000 } } }, /must be false or/],
    [{ complycube: { live: { requests: 1, perMs: 1e308 } } }, /must be false or/],
    [{ complycube: { live: 'fast' } }, /must be false or/],
    [{ complycube: null }, /must map environments to limits/],
    [{ complycube: { sandbx: { requests: 1, perMs: 1000 } } }, /rateLimits\.complycube: each environment must be one of complycube's environments \(sandbox, live\), not "sandbx"/],
    [{ complycube: { 'sandbox\u0000x': { requests: 1, perMs: 1000 } } }, /each environment must not hold control characters/],
  ])('refuses %j', (option, message) => {
    expect(() => createRateLimiter(documented, option as never)).toThrow(RateLimitError)
    expect(() => createSandbox({ rateLimits: option as never })).toThrow(message)
  })
})

describe.each(transports)("ComplyCube's rate limits over %s", (_, start) => {
  let t: Transport | undefined
  afterEach(() => t?.close())
  const open = async (options: SandboxOptions) => {
    t = await start({ now: AT, ...options })
    return t
  }
  const list = (t: Transport, env: keyof typeof KEYS) => fetch(`${t.baseUrl('complycube')}/clients?pageSize=1`, { headers: { authorization: KEYS[env] } })
  const statuses = async (t: Transport, env: keyof typeof KEYS, n: number) => {
    const out: number[] = []
    for (let i = 0; i < n; i++) out.push((await list(t, env)).status)
    return out
  }

  it('are off by default', async () => {
    const t = await open({})
    expect(new Set(await statuses(t, 'sandbox', 20))).toEqual(new Set([200]))
  })

  it('answer the 6th sandbox request in a second 429, the 11th live one, each environment on its own', async () => {
    const t = await open({ rateLimits: true })
    expect(await statuses(t, 'sandbox', 6)).toEqual([200, 200, 200, 200, 200, 429])
    expect(await statuses(t, 'live', 11)).toEqual([...Array(10).fill(200), 429])
    const refused = await list(t, 'sandbox')
    expect(refused.status).toBe(429)
    expect(await refused.json()).toEqual(TOO_MANY)
    // ComplyCube documents no rate-limit headers; none are sent.
    for (const h of ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'ratelimit']) expect(refused.headers.get(h), h).toBeNull()
    expect(t.sandbox.journal.list({ vendor: 'complycube', limit: 1 })[0]).toMatchObject({ status: 429, reason: 'rate limit exceeded (sandbox)' })
  })

  it('open again when the sandbox clock steps into the next window, and on reset', async () => {
    const t = await open({ rateLimits: true })
    expect((await statuses(t, 'sandbox', 6)).at(-1)).toBe(429)
    t.sandbox.clock.advance(1000)
    expect(await statuses(t, 'sandbox', 6)).toEqual([200, 200, 200, 200, 200, 429])
    t.sandbox.reset()
    t.sandbox.clock.freeze(AT)
    expect((await list(t, 'sandbox')).status).toBe(200)
  })

  it('take per-environment overrides', async () => {
    const t = await open({ rateLimits: { complycube: { sandbox: { requests: 2, perMs: 60_000 }, live: false } } })
    expect(await statuses(t, 'sandbox', 3)).toEqual([200, 200, 429])
    t.sandbox.clock.advance(59_000)
    expect((await list(t, 'sandbox')).status).toBe(429)
    t.sandbox.clock.advance(1_000)
    expect((await list(t, 'sandbox')).status).toBe(200)
    expect(new Set(await statuses(t, 'live', 15))).toEqual(new Set([200]))
  })

  it('count no request refused before ComplyCube would process it (bad key)', async () => {
    const t = await open({ rateLimits: { complycube: { sandbox: { requests: 1, perMs: 1000 } } } })
    for (let i = 0; i < 3; i++) expect((await fetch(`${t.baseUrl('complycube')}/clients`, { headers: { authorization: 'test_nope' } })).status).toBe(401)
    expect((await list(t, 'sandbox')).status).toBe(200)
  })
})

describe('serve --rate-limits', () => {
  it('enforces them; a bad config value exits 2', async () => {
    const child = await startServe(['--quiet', '--rate-limits'])
    try {
      const codes: number[] = []
      await fetch(`${child.url}/__sandbox/clock/freeze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      for (let i = 0; i < 6; i++) codes.push((await fetch(`${child.url}/complycube/v1/clients`, { headers: { authorization: KEYS.sandbox } })).status)
      expect(codes.at(-1)).toBe(429)
    } finally {
      await child.kill()
    }
    await expect(startServe([], { TOKEN_SANDBOX_RATE_LIMITS: 'yes' })).rejects.toThrow(/exited \(2\)[\s\S]*TOKEN_SANDBOX_RATE_LIMITS must be 1, true, 0 or false/)
  })
})
