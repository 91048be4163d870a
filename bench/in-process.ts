// In-process cost: mean ms per request through msw's setupServer, for a trivial handler (the
// baseline) and for the sandbox's answer to the reference vendor's bench request (../scenarios.ts:
// ComplyCube's token request) on the vendor's own host, 2,000 sequential requests each.
// Rounds alternate baseline and sandbox and the medians are compared: a GC pause or a busy
// neighbour then lands on either side. The sandbox is measured as the Node entry sets it up
// (its tokens' HMAC by node:crypto) and with WebCrypto's HMAC (the browser's; on libuv's thread
// pool in Node).
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { http, HttpResponse } from 'msw'
import { setupServer, type SetupServer } from 'msw/node'
import { setupSandboxServer } from '../mocks/node.ts'
import { webCryptoHmac } from '../src/core/hmac.ts'
import { trackChild } from './processes.ts'
import { reference } from './scenarios.ts'

const { scenario, realUrl } = reference
const TARGET = realUrl.href

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function call(): Promise<void> {
  const fresh = scenario.fresh?.()
  const res = await fetch(TARGET, { method: scenario.method, headers: { ...scenario.headers, ...fresh?.headers }, body: fresh?.body ?? scenario.body ?? null })
  if (res.status !== 200) throw new Error(`status ${res.status}`)
  await res.json()
}

async function meanMs(server: SetupServer, n: number): Promise<number> {
  server.listen({ onUnhandledFrame: 'error' })
  try {
    for (let i = 0; i < 200; i++) await call() // warm-up
    const started = performance.now()
    for (let i = 0; i < n; i++) await call()
    return (performance.now() - started) / n
  } finally {
    server.close()
  }
}

export interface InProcessResult {
  trivialMs: number
  sandboxMs: number
  ratio: number
  webCryptoSandboxMs: number
  webCryptoRatio: number
}

export async function inProcess(n = 2000, rounds = 3): Promise<InProcessResult> {
  const trivial = setupServer(http.all(TARGET, () => HttpResponse.json({ token: 'x.y.z' })))
  const { server: sandbox } = setupSandboxServer({ seed: 'bench', journalSize: 1000 })
  const { server: webCrypto } = setupSandboxServer({ seed: 'bench', journalSize: 1000, hmac: webCryptoHmac })
  const trivialRuns: number[] = []
  const sandboxRuns: number[] = []
  const webCryptoRuns: number[] = []
  for (let r = 0; r < rounds; r++) {
    trivialRuns.push(await meanMs(trivial, n))
    sandboxRuns.push(await meanMs(sandbox, n))
    webCryptoRuns.push(await meanMs(webCrypto, n))
  }
  const trivialMs = median(trivialRuns)
  const sandboxMs = median(sandboxRuns)
  const webCryptoSandboxMs = median(webCryptoRuns)
  return { trivialMs, sandboxMs, ratio: sandboxMs / trivialMs, webCryptoSandboxMs, webCryptoRatio: webCryptoSandboxMs / trivialMs }
}

/**
 * Runs `inProcess` in a fresh Node process and returns its result: the bench's own process has
 * by then a large heap from the load runs, whose GC pauses would land in these sequential loops.
 */
export async function inProcessIsolated(n = 2000, rounds = 3): Promise<InProcessResult> {
  const self = fileURLToPath(import.meta.url)
  const stdout = await new Promise<string>((resolve, reject) =>
    trackChild(execFile(process.execPath, ['--import', 'tsx', self, String(n), String(rounds)], { timeout: 600_000 }, (err, out) => (err ? reject(err) : resolve(out)))),
  )
  return JSON.parse(stdout) as InProcessResult
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const [n, rounds] = process.argv.slice(2).map(Number)
  process.stdout.write(JSON.stringify(await inProcess(n || 2000, rounds || 3)))
}
