// No library entry point changes the user's process: importing one, creating a sandbox or a
// server, serving requests and closing leave every global built-in as it was (by identity:
// crypto, TextEncoder/TextDecoder, Uint8Array, Date, JSON, Math, fetch and its classes, every
// own key of globalThis, node:http and node:https). The one exception is msw's own
// interception, only while listening. Each case runs ./fixtures/globals-probe.mjs in a fresh
// process (fresh module graph), on the sources (through tsx) and on the built dist/lib. The
// probes are independent processes: each runs once (msw alone is asked by four tests, vitest
// alone by two), a few at a time, and the tests run concurrently.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const PROBE = fileURLToPath(new URL('./fixtures/globals-probe.mjs', import.meta.url))

/**
 * What msw does by itself (msw 2: fetch and its classes, http(s).request/get, http.ClientRequest
 * and its symbols, from listen() to close(); msw 3 also keeps two registries on globalThis from
 * import on): measured by the same steps with msw alone, so the allowance follows the msw the
 * user has, and nothing of ours can hide in it.
 */
const mswAlone = (from: 'src' | 'dist'): Promise<Steps> => probe('msw', from)

type Steps = Record<string, string[]>

/** A test waits on its own probes and, a few running at a time, on the others' before them. */
const TIMEOUT = 120_000

/** At most this many probes at once (each is a Node start-up and an import, mostly CPU). */
const AT_ONCE = 4
let running = 0
const queue: (() => void)[] = []
async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= AT_ONCE) await new Promise<void>((r) => queue.push(r))
  else running++
  try {
    return await fn()
  } finally {
    const next = queue.shift()
    if (next) next()
    else running--
  }
}

/**
 * The baselines (msw alone, vitest alone) import nothing of ours, so `from` does not touch them:
 * each runs once, in plain Node, and serves src and dist alike. Without tsx the allowance can
 * only be smaller: a change tsx made while a src probe ran would show in that probe and fail it.
 */
const BASELINES = new Set(['msw', 'vitest'])

const probes = new Map<string, Promise<Steps>>()
function probe(scenario: string, from: 'src' | 'dist'): Promise<Steps> {
  const baseline = BASELINES.has(scenario)
  const key = baseline ? scenario : `${scenario} ${from}`
  if (!probes.has(key)) {
    const args = from === 'src' && !baseline ? ['--import', 'tsx', PROBE, scenario, from] : [PROBE, scenario, from]
    const run = () =>
      new Promise<Steps>((resolve, reject) =>
        execFile(process.execPath, args, { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } }, (err, out) =>
          err ? reject(err) : resolve(JSON.parse(out.trim().split('\n').pop()!) as Steps),
        ),
      )
    probes.set(key, slot(run))
  }
  return probes.get(key)!
}

it.concurrent('the probe sees patches of the kind earlier versions made', async () => {
  expect((await probe('control', 'src')).import).toEqual(['Uint8Array.prototype.toBase64', 'crypto.subtle.sign', 'read TextEncoder.prototype.encode', 'TextEncoder.prototype.encode', 'read crypto.subtle.sign'].sort())
}, TIMEOUT)

describe.concurrent.each(['src', 'dist'] as const)('the entry points (%s) leave the globals alone', { timeout: TIMEOUT }, (from) => {
  it('token-sandbox/mocks/node: import, setupSandboxServer(), only msw’s patches while listening, all back after close()', async () => {
    const [msw, steps] = await Promise.all([mswAlone(from), probe('mocks-node', from)])
    expect(steps).toEqual(msw)
    // msw's patches are undone on close: what stays is only what importing msw leaves.
    expect(msw.close).toEqual(msw.import)
    expect(msw.listen).toContain('globalThis.fetch')
  })

  it('token-sandbox/mocks: import, createHandlers() in the user’s own setupServer, the same', async () => {
    const [steps, msw] = await Promise.all([probe('mocks', from), mswAlone(from)])
    expect(steps).toEqual(msw)
  })

  it('token-sandbox: import, createSandbox() and a token, startServer(), requests, close()', async () => {
    expect(await probe('index', from)).toEqual({ import: [], create: [], listen: [], request: [], close: [] })
  })

  it('token-sandbox/contract: import changes nothing beyond what importing vitest itself does', async () => {
    const [steps, vitest] = await Promise.all([probe('contract', from), probe('vitest', from)])
    expect(steps).toEqual(vitest)
  })
})
