// WireMock standalone (the jar the npm package `wiremock` ships) with the stub an integrator
// would write for the reference vendor's token endpoint (../scenarios.ts; ComplyCube's
// POST /v1/tokens), matched on method and path, answered 200 with a canned `{ "token": "…" }`. The stub is a mapping file in a temporary root
// folder, loaded at start (so its start-to-first-response includes it), removed at exit.
// Started with WireMock's own advice for load: no request journal, no request logging.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { cannedTokenBody } from '../canned-token.mjs'
import { freePort, onBenchExit, startChild } from '../processes.ts'
import { reference } from '../scenarios.ts'
import { answers200, type Peer } from './peer.ts'

/** WireMock 3 runs on Java 11 or newer. */
const MIN_JAVA = 11

function javaCommand(): string {
  const home = process.env.JAVA_HOME
  return home && existsSync(join(home, 'bin', 'java')) ? join(home, 'bin', 'java') : 'java'
}

/** The major version `java -version` reports, or why there is none. */
export function javaMajor(command = javaCommand()): { major: number; version: string } | { reason: string } {
  const r = spawnSync(command, ['-version'], { encoding: 'utf8', timeout: 15_000 })
  if (r.error) return { reason: `${command} could not run (${(r.error as NodeJS.ErrnoException).code ?? r.error.message}); WireMock needs Java ${MIN_JAVA}+` }
  const m = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(`${r.stderr}${r.stdout}`)
  if (!m) return { reason: `${command} -version printed no version it could read` }
  // "1.8.0_x" is Java 8; "17.0.15" is Java 17.
  const major = m[1] === '1' ? Number(m[2]) : Number(m[1])
  return { major, version: /version "([^"]+)"/.exec(`${r.stderr}${r.stdout}`)![1]! }
}

function jarPath(): string {
  const dir = join(dirname(createRequire(import.meta.url).resolve('wiremock/package.json')), 'build')
  const jar = readdirSync(dir).find((f) => /^wiremock-standalone-.+\.jar$/.test(f))
  if (!jar) throw new Error(`no wiremock-standalone-*.jar in ${dir}`)
  return join(dir, jar)
}

const request = { ...reference.scenario, path: reference.realUrl.pathname }

const mapping = {
  request: { method: request.method, urlPath: request.path },
  response: { status: 200, headers: { 'Content-Type': 'application/json' }, body: cannedTokenBody },
}

export const wiremock: Peer = {
  name: 'WireMock (canned token)',
  does: `a stubbed ${request.method} ${request.path}: the same canned token every time`,
  request,
  slowWarmUp: true,
  unavailable() {
    try {
      jarPath()
    } catch (e) {
      return `the wiremock package is not installed (npm install): ${(e as Error).message}`
    }
    const java = javaMajor()
    if ('reason' in java) return java.reason
    return java.major >= MIN_JAVA ? null : `Java ${java.version} is older than WireMock's minimum, Java ${MIN_JAVA}`
  },
  async start() {
    const root = mkdtempSync(join(tmpdir(), 'bench-wiremock-'))
    const removeRoot = () => rmSync(root, { recursive: true, force: true })
    const cancelAtExit = onBenchExit(removeRoot)
    mkdirSync(join(root, 'mappings'))
    mkdirSync(join(root, '__files'))
    writeFileSync(join(root, 'mappings', `${reference.vendor}-token.json`), JSON.stringify(mapping))
    const port = await freePort()
    const args = ['-jar', jarPath(), '--bind-address', '127.0.0.1', '--port', String(port), '--root-dir', root]
    args.push('--disable-banner', '--no-request-journal', '--disable-request-logging')
    return startChild(javaCommand(), args, {
      url: `http://127.0.0.1:${port}`,
      probe: (url) => answers200(url, request),
      timeoutMs: 60_000,
      cleanup: () => {
        cancelAtExit()
        removeRoot()
      },
    })
  },
}
