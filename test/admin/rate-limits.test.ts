// The rate-limit setting while the sandbox runs: `GET /__sandbox/rate-limits` says whether limits
// are enforced and which, `POST` turns enforcement on or off or replaces the limits, and reset
// puts the start-up setting back. Over HTTP on 127.0.0.1 (the admin API, `serve` too) and
// in-process (`sandbox.rateLimits`, with msw serving ComplyCube), with the admin API's error
// shape for every change it cannot take.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { RateLimitError, type RateLimitSetting } from '../../src/index.ts'
import { startServer } from '../../src/server/server.ts'
import { createSandbox } from '../../src/node/sandbox.ts'
import type { SandboxOptions } from '../../src/sandbox.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import { mswTransport, serverTransport, type Transport } from '../support/transports.ts'
import { startServe } from '../support/serve-child.ts'
import { caClient, HEDMORAL } from '../vendors/ca/support.ts'
import { cafBase, call, CORE_TOKENS } from '../vendors/caf/support.ts'

const KEYS = { sandbox: 'test_tokensandbox_default_0001', live: 'live_tokensandbox_default_0001' }
const AT = Date.parse('2030-01-01T00:00:00.000Z')
const TOO_MANY = { type: 'rate_limit_exceeded', message: 'You have exceeded the rate limit prescribed to your plan' }

/** Every vendor's documented limits, as the setting lists them (from the registry, not a list here). */
const DOCUMENTED = Object.values(vendorDefinitions).flatMap((v) =>
  Object.entries(v.rateLimits ?? {}).map(([environment, l]) => ({ vendor: v.name, environment, requests: l.requests, perMs: l.perMs })),
)

/** The setting as each caller reaches it; `set` rejects with the refusal's message. */
interface Control {
  get(): Promise<RateLimitSetting>
  set(change: unknown): Promise<RateLimitSetting>
  reset(): Promise<void>
}

async function adminCall(url: string, method: 'GET' | 'POST', body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method,
    ...(method === 'POST' ? { headers: { 'content-type': 'application/json' } } : {}),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: res.status, body: await res.json() }
}

const overHttp = (adminUrl: string): Control => ({
  get: async () => (await adminCall(`${adminUrl}/rate-limits`, 'GET')).body,
  async set(change) {
    const res = await adminCall(`${adminUrl}/rate-limits`, 'POST', change)
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`)
    return res.body
  },
  reset: async () => void (await adminCall(`${adminUrl}/reset`, 'POST')),
})

const inProcess = (t: Transport): Control => ({
  get: async () => t.sandbox.rateLimits.get(),
  set: async (change) => t.sandbox.rateLimits.set(change as never),
  reset: async () => t.sandbox.reset(),
})

const ways = [
  ['HTTP on 127.0.0.1', serverTransport, (t: Transport) => overHttp(t.adminUrl!)],
  ['in-process (msw)', mswTransport, inProcess],
] as const

describe.each(ways)('the rate-limit setting, %s', (_, start, control) => {
  let t: Transport | undefined
  afterEach(() => t?.close())
  const open = async (options: SandboxOptions = {}) => {
    t = await start({ now: AT, ...options })
    return { t, c: control(t) }
  }
  const list = (t: Transport, env: keyof typeof KEYS) => fetch(`${t.baseUrl('complycube')}/clients?pageSize=1`, { headers: { authorization: KEYS[env] } })
  const statuses = async (t: Transport, env: keyof typeof KEYS, n: number) => {
    const out: number[] = []
    for (let i = 0; i < n; i++) out.push((await list(t, env)).status)
    return out
  }

  it("lists each vendor's documented limits, not enforced, by default", async () => {
    const { c } = await open()
    expect(await c.get()).toEqual({ enabled: false, limits: DOCUMENTED })
    expect(DOCUMENTED).toEqual(
      expect.arrayContaining([
        { vendor: 'complycube', environment: 'live', requests: 10, perMs: 1000 },
        { vendor: 'complycube', environment: 'sandbox', requests: 5, perMs: 1000 },
      ]),
    )
  })

  it("on, the 6th sandbox request in a second gets ComplyCube's 429; off, it passes; on again, the window starts afresh", async () => {
    const { t, c } = await open()
    expect(await statuses(t, 'sandbox', 6)).toEqual([200, 200, 200, 200, 200, 200])
    expect(await c.set({ enabled: true })).toEqual({ enabled: true, limits: DOCUMENTED })
    expect(await statuses(t, 'sandbox', 5)).toEqual([200, 200, 200, 200, 200])
    const refused = await list(t, 'sandbox')
    expect(refused.status).toBe(429)
    expect(await refused.json()).toEqual(TOO_MANY)
    expect(refused.headers.get('x-token-sandbox-reason')).toBe('rate limit exceeded (sandbox)')
    expect(await c.set({ enabled: false })).toEqual({ enabled: false, limits: DOCUMENTED })
    expect(await statuses(t, 'sandbox', 3)).toEqual([200, 200, 200])
    await c.set({ enabled: true })
    expect(await statuses(t, 'sandbox', 6)).toEqual([200, 200, 200, 200, 200, 429])
  })

  it('replaces the limits whole: 2 a minute in the sandbox environment, live no longer limited', async () => {
    const { t, c } = await open()
    const limits = [{ vendor: 'complycube', environment: 'sandbox', requests: 2, perMs: 60_000 }]
    expect(await c.set({ enabled: true, limits })).toEqual({ enabled: true, limits })
    expect(await c.get()).toEqual({ enabled: true, limits })
    expect(await statuses(t, 'sandbox', 3)).toEqual([200, 200, 429])
    expect(new Set(await statuses(t, 'live', 12))).toEqual(new Set([200]))
    expect(await c.set({ limits: [] })).toEqual({ enabled: true, limits: [] })
    expect(await statuses(t, 'sandbox', 2)).toEqual([200, 200])
  })

  it('puts the start-up setting back on reset', async () => {
    const startUp = { complycube: { sandbox: { requests: 1, perMs: 1000 }, live: false as const } }
    const { t, c } = await open({ rateLimits: startUp })
    const initial = { enabled: true, limits: [{ vendor: 'complycube', environment: 'sandbox', requests: 1, perMs: 1000 }] }
    expect(await c.get()).toEqual(initial)
    await c.set({ enabled: false, limits: [] })
    expect(await statuses(t, 'sandbox', 2)).toEqual([200, 200])
    await c.reset()
    expect(await c.get()).toEqual(initial)
    t.sandbox.clock.freeze(AT + 5_000)
    expect(await statuses(t, 'sandbox', 2)).toEqual([200, 429])
  })

  it('keeps every window through a change that changes nothing; a changed limit starts its own afresh', async () => {
    const day = 86_400_000
    const { t, c } = await open({ rateLimits: { complycube: { sandbox: { requests: 1, perMs: day }, live: false } } })
    expect(await statuses(t, 'sandbox', 2)).toEqual([200, 429])
    const same = await c.get()
    for (const change of [{}, { enabled: true }, { limits: same.limits }, { enabled: true, limits: same.limits }]) {
      expect(await c.set(change)).toEqual(same)
      expect([change, (await list(t, 'sandbox')).status]).toEqual([change, 429])
    }
    // Another environment's limit added: the sandbox environment's window keeps its count.
    await c.set({ limits: [...same.limits, { vendor: 'complycube', environment: 'live', requests: 1, perMs: day }] })
    expect((await list(t, 'sandbox')).status).toBe(429)
    await c.set({ limits: [{ vendor: 'complycube', environment: 'sandbox', requests: 2, perMs: day }] })
    expect(await statuses(t, 'sandbox', 3)).toEqual([200, 200, 429])
  })

  it('answers a CAF request over a limit set for it 429 with Retry-After: the seconds until its window ends', async () => {
    const { t, c } = await open()
    await c.set({ enabled: true, limits: [{ vendor: 'caf', environment: 'prod', requests: 1, perMs: 60_000 }] })
    t.sandbox.clock.freeze(AT + 15_500)
    const attempt = () => call(`${cafBase(t, 'prod', 'core')}/v1/faces/attempts/none`, { token: CORE_TOKENS.prod })
    expect((await attempt()).status).toBe(404)
    const refused = await attempt()
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('45') // 44.5 s, rounded up
    expect(refused.body).toEqual({ requestId: expect.any(String), message: 'Too many requests' })
    t.sandbox.clock.advance(44_499)
    expect((await attempt()).headers.get('retry-after')).toBe('1')
    t.sandbox.clock.advance(1)
    expect((await attempt()).status).toBe(404)
  })

  it("answers a CA tenant's request over a limit set for it 429 rate_limit_exceeded with Retry-After", async () => {
    const { t, c } = await open()
    await c.set({ enabled: true, limits: [{ vendor: 'ca', environment: HEDMORAL.tenant, requests: 1, perMs: 10_000 }] })
    t.sandbox.clock.freeze(AT + 2_000)
    const ca = caClient(t, HEDMORAL.tenant)
    await ca.token()
    const refused = await ca.requestToken({ username: HEDMORAL.username, password: HEDMORAL.password })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('8')
    expect(refused.body).toEqual({ error_code: 'rate_limit_exceeded', error_description: 'Too many requests; send the request again after 8 seconds' })
    // An injected 429 has the same code; it knows no window, so no Retry-After.
    await c.set({ enabled: false })
    t.sandbox.faults.add({ vendor: 'ca', status: 429 })
    const faulted = await ca.requestToken({ username: HEDMORAL.username, password: HEDMORAL.password })
    expect([faulted.status, faulted.body.error_code, faulted.headers.get('retry-after')]).toEqual([429, 'rate_limit_exceeded', null])
  })

  it('changes nothing when it refuses a change', async () => {
    const { c } = await open()
    const ok = [{ vendor: 'complycube', environment: 'live', requests: 3, perMs: 1000 }]
    await expect(c.set({ enabled: true, limits: [...ok, { vendor: 'nobody', environment: 'live', requests: 1, perMs: 1 }] })).rejects.toThrow(/vendor/)
    expect(await c.get()).toEqual({ enabled: false, limits: DOCUMENTED })
  })
})

// Each change the admin API cannot take, and the message it answers: over HTTP a 400
// bad_request in the admin API's shape, in-process a RateLimitError with the same message.
const entry = { vendor: 'complycube', environment: 'sandbox', requests: 5, perMs: 1000 }
const BAD: [string, unknown, RegExp][] = [
  ['an unknown vendor', { limits: [{ ...entry, vendor: 'stripe' }] }, /limits\[0\]\.vendor must be one of the vendors served: .*complycube/],
  ['enabled that is not a boolean', { enabled: 'yes' }, /'enabled' must be true or false/],
  ['enabled as 1', { enabled: 1 }, /'enabled' must be true or false/],
  ['limits that is not a list', { limits: { complycube: { sandbox: entry } } }, /'limits' must be a list/],
  ['an entry that is not an object', { limits: ['complycube'] }, /limits\[0\] must be an object/],
  ['an entry with an unknown field', { limits: [{ ...entry, burst: 2 }] }, /limits\[0\] has an unknown field 'burst'/],
  ['a missing environment', { limits: [{ vendor: 'complycube', requests: 1, perMs: 1 }] }, /limits\[0\]\.environment must be a string of 1 to 100/],
  ['an empty environment', { limits: [{ ...entry, environment: '' }] }, /environment must be a string of 1 to 100/],
  ['an environment ComplyCube does not have', { limits: [{ ...entry, environment: 'sandbx' }] }, /^limits\[0\]\.environment must be one of complycube's environments \(sandbox, live\), not "sandbx"$/],
  ['a CA environment that is not one of its tenants', { limits: [{ ...entry, vendor: 'ca', environment: 'sandbox' }] }, /limits\[0\]\.environment must be one of ca's environments \(hedmoral, kvarnby/],
  ['an environment holding NUL', { limits: [{ ...entry, environment: 'sandbox\u0000x' }] }, /limits\[0\]\.environment must not hold control characters/],
  ['an environment holding a line feed', { limits: [{ ...entry, environment: 'sandbox\n' }] }, /must not hold control characters/],
  ['an environment holding DEL', { limits: [{ ...entry, environment: '\u007fsandbox' }] }, /must not hold control characters/],
  ['an environment holding a C1 control', { limits: [{ ...entry, environment: 'sand\u0085box' }] }, /must not hold control characters/],
  ['a 101-character environment', { limits: [{ ...entry, environment: 'e'.repeat(101) }] }, /environment must be a string of 1 to 100/],
  ['requests as a string', { limits: [{ ...entry, requests: '5' }] }, /limits\[0\]\.requests must be an integer from 1 to 1000000/],
  ['zero requests', { limits: [{ ...entry, requests: 0 }] }, /requests must be an integer from 1 to 1000000/],
  ['a fractional number of requests', { limits: [{ ...entry, requests: 1.5 }] }, /requests must be an integer/],
  ['too many requests', { limits: [{ ...entry, requests: 1_000_001 }] }, /requests must be an integer from 1 to 1000000/],
  ['a window of 0 ms', { limits: [{ ...entry, perMs: 0 }] }, /limits\[0\]\.perMs must be an integer from 1 to 86400000/],
  ['a window over a day', { limits: [{ ...entry, perMs: 86_400_001 }] }, /perMs must be an integer from 1 to 86400000/],
  ['a negative window', { limits: [{ ...entry, perMs: -1000 }] }, /perMs must be an integer/],
  ['the same vendor and environment twice', { limits: [entry, { ...entry, requests: 9 }] }, /limits\[1\] repeats complycube sandbox/],
  ['101 entries', { limits: Array.from({ length: 101 }, (_, i) => ({ ...entry, environment: `e${i}` })) }, /'limits' holds at most 100 entries/],
  ['an unknown field', { enabled: true, window: 1000 }, /Unknown field 'window'/],
]

describe('changes the setting refuses', () => {
  const sandbox = createSandbox()
  let running: Awaited<ReturnType<typeof startServer>>
  const url = () => `${running.url}/__sandbox/rate-limits`
  afterAll(() => running?.close())

  it.each(BAD)('%s: 400 bad_request over HTTP, a RateLimitError in-process', async (_, change, message) => {
    running ??= await startServer({ host: '127.0.0.1', port: 0 })
    const res = await adminCall(url(), 'POST', change)
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(message) } })
    expect(() => sandbox.rateLimits.set(change as never)).toThrow(RateLimitError)
    expect(() => sandbox.rateLimits.set(change as never)).toThrow(message)
    expect(sandbox.rateLimits.get()).toEqual({ enabled: false, limits: DOCUMENTED })
  })

  it('answers a body that is not an object, not JSON, not JSON-typed, too large, or the wrong method in the admin API shape', async () => {
    running ??= await startServer({ host: '127.0.0.1', port: 0 })
    for (const body of ['[]', '"on"', 'true', 'null']) {
      const res = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      expect([body, res.status]).toEqual([body, 400])
      expect(await res.json()).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/must be a JSON object/) } })
    }
    const malformed = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"enabled":' })
    expect(malformed.status).toBe(400)
    expect((await malformed.json()).error.code).toBe('malformed_json')
    // A page on another site could send text/plain without a preflight: the admin API refuses it.
    const plain = await fetch(url(), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"enabled":true}' })
    expect(plain.status).toBe(403)
    expect((await plain.json()).error.code).toBe('forbidden')
    const huge = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ limits: [], pad: 'x'.repeat(2 * 1024 * 1024) }) })
    expect(huge.status).toBe(413)
    expect((await huge.json()).error.code).toBe('body_too_large')
    const put = await fetch(url(), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(put.status).toBe(405)
    expect((await put.json()).error.code).toBe('method_not_allowed')
    expect((await adminCall(url(), 'GET')).body.enabled).toBe(false)
  })

  it('names, refusing an environment, the environments GET /__sandbox/vendors lists for the vendor', async () => {
    running ??= await startServer({ host: '127.0.0.1', port: 0 })
    const { vendors } = (await adminCall(url().replace(/rate-limits$/, 'vendors'), 'GET')).body as { vendors: { name: string; environments: string[] }[] }
    for (const v of vendors) {
      expect(v.environments.length, v.name).toBeGreaterThan(0)
      const res = await adminCall(url(), 'POST', { limits: [{ ...entry, vendor: v.name, environment: 'nowhere' }] })
      expect(res.body.error.message).toBe(`limits[0].environment must be one of ${v.name}'s environments (${v.environments.join(', ')}), not "nowhere"`)
      // Each one listed is taken.
      const limits = v.environments.map((environment) => ({ ...entry, vendor: v.name, environment }))
      expect((await adminCall(url(), 'POST', { limits })).status).toBe(200)
    }
    await adminCall(`${running.url}/__sandbox/reset`, 'POST')
  })

  it('answers a body without a change with the setting as it is', async () => {
    running ??= await startServer({ host: '127.0.0.1', port: 0 })
    expect(await adminCall(url(), 'POST')).toEqual({ status: 200, body: { enabled: false, limits: DOCUMENTED } })
    expect(await adminCall(url(), 'POST', {})).toEqual({ status: 200, body: { enabled: false, limits: DOCUMENTED } })
  })
})

describe('behind the admin guard', () => {
  it('answers 401 to a read or a change without the admin token, and takes one with it', async () => {
    const running = await startServer({ host: '127.0.0.1', port: 0, adminToken: 'rate-limits-admin-token-0001' })
    try {
      const url = `${running.url}/__sandbox/rate-limits`
      for (const init of [{}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"enabled":true}' }]) {
        const res = await fetch(url, init)
        expect(res.status).toBe(401)
        expect((await res.json()).error.code).toBe('unauthorized')
      }
      expect(running.sandbox.rateLimits.get().enabled).toBe(false)
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer rate-limits-admin-token-0001' },
        body: '{"enabled":true}',
      })
      expect(res.status).toBe(200)
      expect(running.sandbox.rateLimits.get().enabled).toBe(true)
    } finally {
      await running.close()
    }
  })
})

describe('serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'token-sandbox-rate-limits-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('GET reflects --rate-limits, and a config file’s rateLimits overrides', async () => {
    const flag = await startServe(['--quiet', '--rate-limits'])
    try {
      expect(await (await fetch(`${flag.url}/__sandbox/rate-limits`)).json()).toEqual({ enabled: true, limits: DOCUMENTED })
    } finally {
      await flag.kill()
    }
    const config = join(dir, 'config.json')
    writeFileSync(config, JSON.stringify({ rateLimits: { complycube: { live: false, sandbox: { requests: 2, perMs: 500 } } } }))
    const configured = await startServe(['--quiet', '--config', config])
    try {
      const url = `${configured.url}/__sandbox/rate-limits`
      const expected = { enabled: true, limits: [{ vendor: 'complycube', environment: 'sandbox', requests: 2, perMs: 500 }] }
      expect(await (await fetch(url)).json()).toEqual(expected)
      // Off over HTTP, then back to the config's setting on reset.
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"enabled":false}' })
      expect((await (await fetch(url)).json()).enabled).toBe(false)
      await fetch(`${configured.url}/__sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } })
      expect(await (await fetch(url)).json()).toEqual(expected)
    } finally {
      await configured.kill()
    }
    // An environment the vendor does not have limits nothing: serve says so and exits 2.
    const typo = join(dir, 'typo.json')
    writeFileSync(typo, JSON.stringify({ rateLimits: { complycube: { sandbx: { requests: 2, perMs: 500 } } } }))
    await expect(startServe(['--quiet', '--config', typo])).rejects.toThrow(/exited \(2\)[\s\S]*complycube's environments \(sandbox, live\), not "sandbx"/)
  }, 60_000)
})
