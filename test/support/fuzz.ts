// Property-based fuzzing of an HTTP surface with fast-check: random and adversarial methods,
// paths, headers and bodies. The property: no 5xx, no hang, and every error body has the
// owner's documented shape. Runs are bounded in count and time.
//
// FUZZ_RUNS is the number of cases a surface gets: 250 by default, a modest run that keeps the
// fuzzers to about 10 s of `npm test` (nearly all of it is the HTTP round trip of each case, not
// the generators). `npm run fuzz` is the long run: 100,000 cases a surface, each property stopped
// after 30 minutes. A failure prints fast-check's seed and path; FUZZ_SEED=<seed> replays the run,
// and FUZZ_PATH=<path> (with `-t` naming the failing test) replays just the counterexample.
import fc from 'fast-check'

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 250)
/** The seed of a run to replay (fast-check prints it on a failure); random when unset. */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined
if (FUZZ_SEED !== undefined && !Number.isInteger(FUZZ_SEED)) throw new Error(`FUZZ_SEED must be an integer, not ${process.env.FUZZ_SEED}`)
/** The path of a counterexample to replay with FUZZ_SEED (fast-check prints it on a failure). */
export const FUZZ_PATH = process.env.FUZZ_PATH || undefined
/** How long one property may run before fast-check stops it (`npm run fuzz` raises it). */
export const FUZZ_TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 120_000)
/** The vitest timeout for a fuzz test: its time limit plus room to finish. */
export const FUZZ_TEST_TIMEOUT_MS = FUZZ_TIME_LIMIT_MS + 60_000
/** Per-request ceiling: an answer slower than this counts as a hang. */
export const HANG_MS = 5_000

/** fast-check's parameters for one property: `numRuns` cases, the time limit, and FUZZ_SEED/FUZZ_PATH when set. */
export function fuzzParameters(numRuns = FUZZ_RUNS): { numRuns: number; interruptAfterTimeLimit: number; seed?: number; path?: string } {
  return {
    numRuns,
    interruptAfterTimeLimit: FUZZ_TIME_LIMIT_MS,
    ...(FUZZ_SEED !== undefined && { seed: FUZZ_SEED }),
    ...(FUZZ_PATH !== undefined && { path: FUZZ_PATH }),
  }
}

export interface FuzzRequest {
  method: string
  path: string
  headers: Record<string, string>
  body: string | Uint8Array | undefined
}

const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '../..',
  '%00',
  '%E0%A4%A',
  '😀',
  '\u202e',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  'x'.repeat(5000),
)

/**
 * Strings that are not well-formed Unicode: a lone UTF-16 surrogate (JSON carries it as "\ud800")
 * somewhere in an ordinary string. The core refuses a body holding one (src/core/well-formed.ts).
 */
export const illFormed = fc
  .tuple(fc.string({ maxLength: 12 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 12 }))
  .map(([a, unit, b]) => a + String.fromCharCode(unit) + b)

/** An ordinary string field, now and then not well-formed. */
export const text = (maxLength: number) => fc.oneof({ weight: 5, arbitrary: fc.string({ maxLength }) }, { weight: 1, arbitrary: illFormed })

const segment = fc.oneof(fc.string({ maxLength: 30 }).map(encodeURIComponent), nasty.map(encodeURIComponent), fc.constantFrom('%2F', '%25', ';', '..'))

/**
 * Deeply nested arrays/objects, just under and over what a naive recursive walker survives. The
 * shape is drawn by fast-check, not Math.random, so a seed replays the same body.
 */
const deep = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.boolean())
  .map(([n, array]) => (array ? '['.repeat(n) + ']'.repeat(n) : '{"a":'.repeat(n) + '1' + '}'.repeat(n)))

export function jsonish(knownFields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string | Uint8Array | undefined> {
  const fieldValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nasty, fc.string({ maxLength: 200 }), illFormed, fc.array(illFormed, { maxLength: 2 }), fc.integer(), fc.constant(null), fc.boolean())
  const plausible = fc.record(
    Object.fromEntries(Object.entries(knownFields).map(([k, v]) => [k, fc.oneof(v, fieldValue)])),
    { requiredKeys: [] },
  )
  const withExtras = fc.tuple(plausible, fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), nasty, illFormed), fieldValue, { maxKeys: 4 })).map(([a, b]) => ({ ...b, ...a }))
  return fc.oneof(
    { weight: 6, arbitrary: plausible.map((o) => JSON.stringify(o)) },
    { weight: 3, arbitrary: withExtras.map((o) => JSON.stringify(o)) },
    { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: plausible.map((o) => JSON.stringify(o).replace(/^\{/, '{"__proto__":{"polluted":1},')) },
    { weight: 1, arbitrary: plausible.map((o) => JSON.stringify(o).replace(/^\{/, '{"dup":1,"dup":2,')) },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant('') },
  )
}

export function requests(options: {
  paths: string[]
  authorization: fc.Arbitrary<string | undefined>
  body: fc.Arbitrary<string | Uint8Array | undefined>
  extraHeaders?: fc.Arbitrary<Record<string, string>>
}): fc.Arbitrary<FuzzRequest> {
  const path = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...options.paths) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...options.paths), segment).map(([p, s]) => `${p}/${s}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...options.paths), fc.string({ maxLength: 40 })).map(([p, q]) => `${p}?${encodeURIComponent(q)}=${encodeURIComponent(q)}`) },
    { weight: 1, arbitrary: fc.array(segment, { maxLength: 4 }).map((s) => `/${s.join('/')}`) },
  )
  const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/vnd.api+json', '', 'application/jsonx')
  return fc.record({
    method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
    path,
    authorization: options.authorization,
    contentType: fc.option(contentType, { nil: undefined }),
    extra: options.extraHeaders ?? fc.constant({}),
    body: options.body,
  }).map(({ method, path, authorization, contentType, extra, body }) => {
    const headers: Record<string, string> = { ...extra }
    if (authorization !== undefined) headers['authorization'] = authorization
    if (contentType) headers['content-type'] = contentType
    return { method, path, headers, body: method === 'GET' ? undefined : body }
  })
}

/** Sends one request; throws on a hang. */
export async function send(base: string, r: FuzzRequest): Promise<{ status: number; text: string; contentType: string | null }> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), HANG_MS)
  try {
    const res = await fetch(base + r.path, { method: r.method, headers: r.headers, body: r.body as BodyInit | undefined, signal: controller.signal })
    return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') }
  } finally {
    clearTimeout(timer)
  }
}
