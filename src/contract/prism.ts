// Prism (Stoplight) as a child process: `prism proxy <contract> <upstream> --errors` in front of
// an endpoint, or `prism mock <contract>`, bound to 127.0.0.1 on a free port, waited on until it
// answers, stopped by `close()`.
//
// How a violation surfaces (Prism 5.14 on @stoplight/prism-http-server 5.12, proxy with --errors;
// package.json pins that server: the 5.16 one, which Prism 5.15 and 5.16 bring, never answers a
// request whose body is not JSON): a request the contract refuses is answered by Prism itself
// (401 for missing credentials, 422 `UNPROCESSABLE_ENTITY` naming the field, 400 for a body that
// is not JSON) without reaching the upstream; a response that breaks the contract becomes a 500
// `application/problem+json` of type `…#VIOLATIONS`; and any violation found on a forwarded
// exchange (including warnings, such as a status the contract does not list for that operation)
// is listed in an `sl-violations` response header. `checkingFetch` turns the last two into thrown
// errors, so the test that made the call fails and says why.
import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { connect, createServer } from 'node:net'
import { dirname, join } from 'node:path'
import type { FetchLike } from './http.ts'
import { isModuleNotFound, MissingPeerError } from './missing-peer.ts'

export interface PrismOptions {
  /** Path to the OpenAPI document. */
  contract: string
  /** `proxy` needs `upstream`. */
  mode: 'proxy' | 'mock'
  upstream?: string
  /** Turn violations into error answers (default true). */
  errors?: boolean
  /** How long to wait for Prism to answer (default 30 s). */
  startTimeoutMs?: number
}

export interface Violation {
  location?: string[]
  severity?: string
  code?: string | number
  message?: string
}

export interface PrismProcess {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** A fetch that throws ContractViolationError when Prism reports a violation. */
  fetch: FetchLike
  /** Every violation `fetch` has seen, in order. */
  violations: { method: string; url: string; violations: Violation[] }[]
  /** Prism's recent output, for diagnostics. */
  output(): string
  close(): Promise<void>
}

export class ContractViolationError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly violations: Violation[],
  ) {
    super(`contract violation on ${method} ${url}:\n` + violations.map((v) => `  - [${v.severity ?? '?'}] ${(v.location ?? []).join('.')}: ${v.message}`).join('\n'))
    this.name = 'ContractViolationError'
  }
}

/**
 * The Prism CLI's entry script, resolved from the installed @stoplight/prism-cli (an optional
 * peer: MissingPeerError, one line, when it is not installed).
 */
export function prismBin(): string {
  const require = createRequire(import.meta.url)
  let pkgPath: string
  try {
    pkgPath = require.resolve('@stoplight/prism-cli/package.json')
  } catch (err) {
    if (isModuleNotFound(err)) throw new MissingPeerError('@stoplight/prism-cli', 'startPrism() (the Prism mode)')
    throw err
  }
  const pkg = require(pkgPath) as { bin: string | Record<string, string> }
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.prism!
  return join(dirname(pkgPath), bin)
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Whether something accepts a TCP connection on 127.0.0.1:`port` (a cheaper probe than an HTTP request). */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export async function startPrism(options: PrismOptions): Promise<PrismProcess> {
  if (options.mode === 'proxy' && !options.upstream) throw new Error('prism proxy needs an upstream URL')
  const port = await freePort()
  const args = [prismBin(), options.mode, options.contract, ...(options.mode === 'proxy' ? [options.upstream!] : [])]
  args.push('--host', '127.0.0.1', '--port', String(port), '--multiprocess=false', '--verboseLevel', 'warn')
  if (options.errors ?? true) args.push('--errors')
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } })
  let log = ''
  let printed = false
  let firstOutput!: () => void
  const printing = new Promise<void>((resolve) => (firstOutput = resolve))
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-20_000)
    if (!printed) {
      printed = true
      firstOutput()
    }
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  let exited = false
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true
      resolve()
    }),
  )
  // Never leave a Prism behind if the test process goes away first.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const close = async () => {
    process.off('exit', killOnExit)
    if (exited) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000)
    await exit
    clearTimeout(timer)
  }

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000)
  // Most of a start is Prism loading its modules, after which it prints its first line ("Starting
  // Prism…") and soon listens: until that line, a probe every 500 ms; after it, every 50 ms. A
  // probe is a TCP connect, then, once one is accepted, an HTTP request.
  for (;;) {
    if (exited) throw new Error(`prism ${options.mode} exited before answering:\n${log}`)
    try {
      // Any HTTP answer (Prism says 404 for `/`) means it is listening.
      if (await accepts(port)) {
        await fetch(`${url}/__prism_ready`, { signal: AbortSignal.timeout(1_000) })
        break
      }
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline) {
      await close()
      throw new Error(`prism ${options.mode} did not answer within ${options.startTimeoutMs ?? 30_000} ms:\n${log}`)
    }
    await Promise.race(printed ? [sleep(50), exit] : [sleep(500), printing, exit])
  }

  const violations: PrismProcess['violations'] = []
  return { url, fetch: checkingFetch(violations), violations, output: () => log, close }
}

/**
 * A fetch for calls through `prism proxy --errors` (any Prism, not only one `startPrism` ran):
 * throws ContractViolationError when the answer carries an `sl-violations` header or is Prism's
 * `VIOLATIONS` problem, after adding it to `seen`.
 */
export function checkingFetch(seen: PrismProcess['violations'] = []): FetchLike {
  return async (input, init) => {
    const res = await fetch(input, init)
    const method = (init.method ?? 'GET').toUpperCase()
    let found: Violation[] = []
    const header = res.headers.get('sl-violations')
    if (header) {
      try {
        found = JSON.parse(header) as Violation[]
      } catch {
        found = [{ message: header }]
      }
    } else if (res.status === 500 && (res.headers.get('content-type') ?? '').includes('problem+json')) {
      const problem = (await res.clone().json().catch(() => null)) as { type?: string; validation?: Violation[] } | null
      if (problem?.type?.endsWith('#VIOLATIONS')) found = problem.validation ?? [{ message: 'VIOLATIONS' }]
    }
    if (found.length) {
      seen.push({ method, url: input, violations: found })
      throw new ContractViolationError(method, input, found)
    }
    return res
  }
}
