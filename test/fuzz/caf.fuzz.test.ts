// Fuzzing CAF's Mobile API and BFF on both transports: random and adversarial methods, paths,
// headers, tokens and bodies, with valid minted tokens (and session tokens) in a good share of
// the cases so the fuzzer gets past the token check. The property: never a 5xx, never a hang,
// every error exactly the contract's `{requestId, message}`, and the process stays up.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseYaml } from '@redocly/openapi-core'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTRACTS_DIR } from '../support/paths.ts'
import { mintCafToken } from '../../src/vendors/caf/mint.ts'
import { PRODUCTS } from '../../src/vendors/caf/products.ts'
import { FUZZ_RUNS, jsonish, requests, send, text, type FuzzRequest, FUZZ_TEST_TIMEOUT_MS, fuzzParameters } from '../support/fuzz.ts'
import { transports, type Transport } from '../support/transports.ts'
import { KEYS, SEEDED_CPF, cafBase, call } from '../vendors/caf/support.ts'

interface StringSchema {
  type: 'string'
  format?: string
  minLength?: number
}
interface ObjectSchema {
  required: string[]
  properties: Record<string, StringSchema | { $ref: string }>
  additionalProperties: boolean
}

// The error shape, read from the contract itself (a string-only schema: a small check suffices).
const contract = parseYaml(await readFile(join(CONTRACTS_DIR, 'caf.yaml'), 'utf8')) as { components: { schemas: Record<string, unknown> } }
const schemas = contract.components.schemas
const ERROR = schemas.Error as ObjectSchema
const deref = (s: StringSchema | { $ref: string }): StringSchema =>
  '$ref' in s ? (schemas[s.$ref.replace('#/components/schemas/', '')] as StringSchema) : s
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Why `body` is not the contract's Error, or null when it is. */
function errorProblem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'not a JSON object'
  const o = body as Record<string, unknown>
  for (const key of ERROR.required) if (!(key in o)) return `'${key}' is missing`
  if (ERROR.additionalProperties === false) for (const key of Object.keys(o)) if (!(key in ERROR.properties)) return `unexpected '${key}'`
  for (const [key, raw] of Object.entries(ERROR.properties)) {
    const schema = deref(raw)
    const v = o[key]
    if (typeof v !== 'string') return `'${key}' is not a string`
    if (schema.minLength !== undefined && v.length < schema.minLength) return `'${key}' is too short`
    if (schema.format === 'uuid' && !UUID.test(v)) return `'${key}' is not a uuid`
  }
  return null
}

const printable = (maxLength: number) => fc.string({ maxLength }).filter((s) => /^[\x21-\x7e ]*$/.test(s))
// Mostly values CAF takes (so requests get through), some it refuses.
const cpf = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(SEEDED_CPF, '123.456.789-09', '52998224725', '11111111111') },
  { weight: 1, arbitrary: fc.constantFrom('1234', '', 'abcdefghijk', '123456789012', ' 123.456.789/09 ') },
)
const imageUrl = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'https://faces.example.com/a.jpg',
      'https://faces.example.com/spoof.png',
      'https://faces.example.com/MISMATCH.bmp',
      'http://faces.example.com/no-face.jpg?size=1',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('https://faces.example.com/a.gif', 'ftp://faces.example.com/a.jpg', 'not a url', 'https://') },
)
const strings = (fields: string[]) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...fields), text(8)), fc.oneof(text(40), fc.constant(null), fc.integer()), { maxKeys: 5 })
const body = jsonish({
  peopleId: cpf,
  imageUrl,
  device: strings(['operatingSystem', 'fingerprint', 'manufacturer', 'model']),
  person: fc.record({ cpf, name: text(40) }, { requiredKeys: [] }),
  personId: fc.oneof(cpf, fc.constantFrom('user@example.com', 'ab', 'x'.repeat(300), 'ok_person-1')),
  sdk: strings(['version', 'platform']),
})

interface Route {
  method: 'GET' | 'POST'
  path: string
  body?: fc.Arbitrary<Record<string, unknown>>
  /** The tokens this route takes (session tokens on POST /sessions); else the caller's. */
  authorization?: fc.Arbitrary<string | undefined>
}

/**
 * Requests CAF would expect (right method, JSON, mostly valid tokens and fields): these get past
 * the token and body checks, where the generic fuzz mostly meets 405s, 415s and 401s.
 */
function wellFormed(routes: Route[], authorization: fc.Arbitrary<string | undefined>, extraHeaders: fc.Arbitrary<Record<string, string>>): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(fc.constantFrom(...routes), fc.boolean(), authorization, extraHeaders)
    .chain(([route, signed, auth, extra]) =>
      fc.tuple(route.body ?? fc.constant(undefined), route.authorization ?? fc.constant(auth)).map(([b, auth]) => {
        const headers: Record<string, string> = { ...extra }
        if (auth !== undefined) headers['authorization'] = auth
        if (b !== undefined) headers['content-type'] = 'application/json'
        const path = signed && route.method === 'POST' ? `${route.path}?shouldSignResponse=true` : route.path
        return { method: route.method, path, headers, body: b === undefined ? undefined : JSON.stringify(b) }
      }),
    )
}

const device = fc.record({ operatingSystem: fc.constantFrom('Android 14', 'iOS 18'), model: text(20) }, { requiredKeys: [] })
const MOBILE_ROUTES = (attemptId: string): Route[] => [
  { method: 'POST', path: '/faces/register', body: fc.record({ peopleId: cpf, imageUrl }, { requiredKeys: [] }) },
  { method: 'POST', path: '/faces/authenticate', body: fc.record({ peopleId: cpf, imageUrl, device }, { requiredKeys: ['peopleId'] }) },
  { method: 'GET', path: `/faces/authenticate/${attemptId}` },
  { method: 'POST', path: '/faces/liveness', body: fc.record({ imageUrl, person: fc.record({ cpf, name: text(20) }, { requiredKeys: [] }) }, { requiredKeys: ['imageUrl'] }) },
  { method: 'GET', path: '/tokens/verify' },
]
const BFF_ROUTES = (sessionTokens: fc.Arbitrary<string | undefined>): Route[] => [
  { method: 'GET', path: '/session-tokens' },
  {
    method: 'POST',
    path: '/sessions',
    authorization: sessionTokens,
    body: fc.record({ personId: fc.oneof(cpf, fc.constantFrom('user@example.com', 'ok_person-1')), sdk: fc.record({ version: fc.constant('2.0.0'), platform: fc.constantFrom('Web', 'Android') }, { requiredKeys: [] }) }, { requiredKeys: ['personId'] }),
  },
]

/** Tokens: valid ones (restricted or not, other environments and products) most of the time, junk otherwise. */
async function tokens(t: Transport, now: number) {
  const valid = await mintCafToken({ ...KEYS.prod, now })
  const bound = await mintCafToken({ ...KEYS.prod, peopleId: SEEDED_CPF, expiresIn: '1h', now })
  const minted = [
    valid,
    bound,
    `Bearer ${valid}`,
    await mintCafToken({ ...KEYS.beta, now }),
    await mintCafToken({ ...KEYS.prodLivenessOnly, now }),
    await mintCafToken({ ...KEYS.prodRevoked, now }),
    await mintCafToken({ ...KEYS.prod, peopleId: 'user@example.com', now }),
  ]
  const sessions: string[] = []
  for (const token of [valid, bound]) sessions.push((await call(`${cafBase(t, 'prod', 'bff')}/session-tokens`, { token })).body.sessionToken)
  const junk = fc.oneof(printable(80), fc.constant(undefined), fc.constant(`${valid}x`), fc.constant(valid.split('.').slice(0, 2).join('.')), fc.constant('x'.repeat(8000)))
  return { valid, minted, sessions, junk }
}

/**
 * The tokens of the well-formed requests: the plain valid token a good share of the time (most
 * minted ones are refused by design: another environment, product or person, revoked), so that
 * even a short run has many requests get through; then any minted token, and junk.
 */
const wellFormedTokens = (tok: Awaited<ReturnType<typeof tokens>>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(tok.valid) }, { weight: 4, arbitrary: fc.constantFrom(...tok.minted) }, { weight: 1, arbitrary: tok.junk })

describe.each(transports)('fuzzing CAF, %s transport', (name, start) => {
  let t: Transport
  let tok: Awaited<ReturnType<typeof tokens>>
  let attemptId = ''
  beforeAll(async () => {
    t = await start({ seed: 'caf-fuzz', bodyLimit: 256 * 1024 })
    tok = await tokens(t, t.sandbox.clock.now())
    const made = await call(`${cafBase(t, 'prod', 'mobile')}/faces/authenticate`, { token: tok.valid, body: { peopleId: SEEDED_CPF } })
    expect(made.status, made.text).toBe(200)
    attemptId = made.body.attemptId
  })
  afterAll(() => t.close())

  /** Runs the property; returns how many requests were answered 2xx (so the fuzz got past the checks). */
  async function fuzz(base: string, arb: fc.Arbitrary<FuzzRequest>): Promise<{ runs: number; ok: number }> {
    const seen = { runs: 0, ok: 0 }
    await fc.assert(
      fc.asyncProperty(arb, async (r) => {
        // Dot segments can resolve to a URL outside the API (`/bff/..`): not CAF's to answer.
        const target = new URL(base + r.path).href
        fc.pre(target.startsWith(base + '/') || target === base)
        const res = await send(base, r)
        const what = `${r.method} ${r.path} → ${res.status} ${res.text.slice(0, 300)}`
        seen.runs++
        if (res.status < 300) seen.ok++
        expect(res.status, what).toBeLessThan(500)
        if (res.status >= 400) {
          let parsed: unknown
          expect(() => (parsed = JSON.parse(res.text)), what).not.toThrow()
          expect(errorProblem(parsed), what).toBeNull()
          expect(res.contentType, what).toMatch(/^application\/json/)
        } else if (res.status === 200 && res.contentType?.startsWith('text/plain')) {
          expect(r.path, what).toMatch(/shouldSignResponse=true/)
          expect(res.text, what).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
        } else if (res.status === 200) {
          expect(res.contentType, what).toMatch(/^application\/json/)
          expect(JSON.parse(res.text).requestId, what).toMatch(UUID)
        }
      }),
      fuzzParameters(),
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    return seen
  }

  it(`the Mobile API answers ${FUZZ_RUNS} random requests without a 5xx, every error { requestId, message }`, async () => {
    const authorization = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...tok.minted) }, { weight: 1, arbitrary: tok.junk })
    const extraHeaders = fc.record(
      { product: fc.oneof(fc.constantFrom(...PRODUCTS), printable(20)), 'x-forwarded-for': fc.oneof(fc.constantFrom('203.0.113.7', '::1, 10.0.0.1'), printable(40)) },
      { requiredKeys: [] },
    )
    const headers = fc.record({ product: fc.constantFrom(...PRODUCTS), 'x-forwarded-for': fc.constantFrom('203.0.113.7', '::1, 10.0.0.1') }, { requiredKeys: [] })
    const valid = wellFormedTokens(tok)
    const paths = [
      '/faces/register',
      '/faces/authenticate',
      '/faces/authenticate?shouldSignResponse=true',
      `/faces/authenticate/${attemptId}`,
      '/faces/authenticate/000000000000000000000000',
      '/faces/liveness',
      '/faces/liveness?shouldSignResponse=true',
      '/tokens/verify',
      '/session-tokens',
      '/nothing',
    ]
    const arb = fc.oneof(
      { weight: 1, arbitrary: requests({ paths, authorization, body, extraHeaders }) },
      { weight: 2, arbitrary: wellFormed(MOBILE_ROUTES(attemptId), valid, headers) },
    )
    const seen = await fuzz(cafBase(t, 'prod', 'mobile'), arb)
    expect(seen.ok, `${seen.ok} of ${seen.runs} answered 2xx`).toBeGreaterThan(seen.runs * 0.1)
  }, FUZZ_TEST_TIMEOUT_MS)

  it(`the BFF answers ${FUZZ_RUNS} random requests without a 5xx, every error { requestId, message }`, async () => {
    const authorization = fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...tok.minted) },
      { weight: 2, arbitrary: fc.constantFrom(...tok.sessions, ...tok.sessions.map((s) => `Bearer ${s}`)) },
      { weight: 1, arbitrary: tok.junk },
    )
    const paths = ['/session-tokens', '/sessions', '/faces/authenticate', '/nothing']
    const valid = wellFormedTokens(tok)
    const sessions = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...tok.sessions) }, { weight: 1, arbitrary: fc.constantFrom(...tok.minted) }, { weight: 1, arbitrary: tok.junk })
    const arb = fc.oneof(
      { weight: 1, arbitrary: requests({ paths, authorization, body }) },
      { weight: 2, arbitrary: wellFormed(BFF_ROUTES(sessions), valid, fc.constant({})) },
    )
    const seen = await fuzz(cafBase(t, 'prod', 'bff'), arb)
    expect(seen.ok, `${seen.ok} of ${seen.runs} answered 2xx`).toBeGreaterThan(seen.runs * 0.1)
  }, FUZZ_TEST_TIMEOUT_MS)

  it('is still up, and still itself, after all that', async () => {
    const verify = await call(`${cafBase(t, 'prod', 'mobile')}/tokens/verify`, { token: tok.valid, headers: { product: 'FaceAuthenticator' } })
    expect(verify.body).toMatchObject({ status: 'VALID' })
    const exchange = await call(`${cafBase(t, 'prod', 'bff')}/session-tokens`, { token: tok.valid })
    expect(exchange.status).toBe(200)
    if (name === 'server') expect((await fetch(`${t.adminUrl}/health`)).status).toBe(200)
  })
})
