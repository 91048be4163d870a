// Fuzzing ComplyCube and the sandbox admin API on both transports: never a 5xx, never a hang,
// every error in the owner's documented shape, and the process stays up.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { transports, type Transport } from '../support/transports.ts'
import { FUZZ_RUNS, jsonish, requests, send, text, FUZZ_TEST_TIMEOUT_MS, fuzzParameters } from '../support/fuzz.ts'

const KEYS = ['test_tokensandbox_default_0001', 'live_tokensandbox_default_0001', 'test_tokensandbox_revoked_0001']

function isComplyCubeError(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false
  const o = body as Record<string, unknown>
  const keys = Object.keys(o)
  return (
    typeof o.type === 'string' &&
    typeof o.message === 'string' &&
    (o.param === undefined || typeof o.param === 'string') &&
    keys.every((k) => k === 'type' || k === 'message' || k === 'param')
  )
}

function isSandboxError(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false
  const e = (body as { error?: unknown }).error
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && typeof (e as { message?: unknown }).message === 'string'
}

describe.each(transports)('fuzzing, %s transport', (_name, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start({ seed: 'fuzz', bodyLimit: 256 * 1024 })
  })
  afterAll(() => t.close())

  it(`ComplyCube answers ${FUZZ_RUNS} random requests without a 5xx, in its error shape`, async () => {
    const base = t.baseUrl('complycube')
    const arb = requests({
      paths: ['/clients', '/clients/5eb04fcd0f3e360008035eb1', '/clients/6a1b2c3d4e5f60718293a4b5', '/tokens', '/nothing'],
      authorization: fc.oneof(fc.constantFrom(...KEYS), fc.constant(undefined), fc.string({ maxLength: 60 }).filter((s) => /^[\x21-\x7e ]*$/.test(s)), fc.constant('Bearer ' + KEYS[0]), fc.constant('test_' + 'a'.repeat(8000))),
      body: jsonish({
        clientId: fc.constantFrom('5eb04fcd0f3e360008035eb1', '6a1b2c3d4e5f60718293a4b5', 'zzz'),
        referrer: fc.constantFrom('https://www.example.com/*', '*://*/*', 'https://*.x.com/a*b', 'nope'),
        appId: fc.constantFrom('com.example.app', 'x'),
        type: fc.constantFrom('person', 'company'),
        email: fc.constantFrom('a@b.co', 'bad'),
        personDetails: fc.record({ firstName: text(40), lastName: text(40) }),
        companyDetails: fc.record({ name: text(40) }),
        metadata: fc.dictionary(text(5), text(5)),
      }),
    })
    await fc.assert(
      fc.asyncProperty(arb, async (r) => {
        // Dot segments can resolve to a URL outside the vendor (`/v1/..`): not ComplyCube's to answer.
        const target = new URL(base + r.path).href
        fc.pre(target.startsWith(base + '/') || target === base)
        const res = await send(base, r)
        expect(res.status, `${r.method} ${r.path}`).toBeLessThan(500)
        if (res.status >= 400) expect(isComplyCubeError(JSON.parse(res.text)), res.text).toBe(true)
        else if (res.status !== 204 && r.method !== 'OPTIONS') expect(res.contentType).toContain('application/json')
      }),
      fuzzParameters(),
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  }, FUZZ_TEST_TIMEOUT_MS)

  // In-process the admin surface is methods, not HTTP: fuzz it where it is HTTP.
  it.skipIf(_name === 'msw')(`the admin API answers ${Math.ceil(FUZZ_RUNS / 5)} random requests without a 5xx, in the sandbox error shape`, async () => {
    const base = t.adminUrl!
    const arb = requests({
      paths: ['/health', '/clock', '/clock/freeze', '/clock/advance', '/clock/unfreeze', '/requests', '/complycube/tokens/verify', '/complycube/keys', '/complycube/keys/x/revoke'],
      authorization: fc.constant(undefined),
      body: jsonish({ by: fc.constantFrom('1m', 5, '-3h'), at: fc.constantFrom('2030-01-01T00:00:00Z', 0), token: fc.string(), environment: fc.constantFrom('sandbox', 'live'), name: fc.string() }),
    })
    await fc.assert(
      fc.asyncProperty(arb, async (r) => {
        const res = await send(base, r)
        expect(res.status, `${r.method} ${r.path}`).toBeLessThan(500)
        if (res.status >= 400) expect(isSandboxError(JSON.parse(res.text)), res.text).toBe(true)
      }),
      fuzzParameters(Math.ceil(FUZZ_RUNS / 5)),
    )
    // Still up, and still itself after all that.
    const health = await fetch(`${base}/health`)
    expect(health.status).toBe(200)
  }, FUZZ_TEST_TIMEOUT_MS)
})
