// Every file `serve` reads, named by a flag, a variable or the config file, as an attacker or
// a careless user would name it: /dev/zero, a FIFO, a directory, a file over its cap. Each is
// refused at once with exit 2 and one line naming the option and the file; none hangs start-up
// or fills memory (the reading is src/node/user-file.ts). The FIFOs are named to the built bin in
// a process of its own (killed had it waited on one); /dev/zero, directories and files over a cap
// to main() in this process (../support/cli-in-process.ts), which fails a `serve` that gets as far
// as listening.
import { spawn } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { background, limiter, type CliRun } from '../support/cli-run.ts'
import { SERVE_LISTENS, runInProcess } from '../support/cli-in-process.ts'
import { MAX_JSON_FILE_BYTES, MAX_PEM_FILE_BYTES } from '../../src/cli/serve-options.ts'
import { MAX_JSON_STATE_BYTES } from '../../src/server/state-init.ts'

const BIN = fileURLToPath(new URL('../../bin/token-sandbox.js', import.meta.url))
const TLS = fileURLToPath(new URL('../fixtures/tls/', import.meta.url))
const CERT = join(TLS, 'localhost.pem')
const KEY = join(TLS, 'localhost-key.pem')

const dir = mkdtempSync(join(tmpdir(), 'ts-file-options-'))
const fifo = join(dir, 'a-fifo')
execFileSync('mkfifo', [fifo])
/** A sparse file one byte over `max`: costs no disk. */
function oversized(name: string, max: number): string {
  const file = join(dir, name)
  writeFileSync(file, '')
  truncateSync(file, max + 1)
  return file
}
const KINDS = {
  '/dev/zero': { path: '/dev/zero', says: 'is a character device, not a regular file' },
  'a FIFO': { path: fifo, says: 'is a FIFO (named pipe), not a regular file' },
  'a directory': { path: dir, says: 'is a directory, not a regular file' },
} as const

// Resolves with the exit code and output; a start-up that hangs is killed after 10 s (code null).
function serve(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--log', 'off', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    // 'close', not 'exit': by then all of the child's output has been read.
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

type Run = CliRun
// Every `serve` in a process below is started as the file is collected, two at a time (one a
// core); each test awaits its own.
const limit = limiter(2)
const started = (args: string[], env: Record<string, string>): Promise<Run> => background(limit(() => serve(args, env)))
/** `serve` with these args and environment in this process, run when its test calls it. */
const inProcess = (args: string[], env: Record<string, string>): Promise<Run> => runInProcess(['serve', '--port', '0', '--log', 'off', ...args], SERVE_LISTENS, env)

async function expectRefusal(run: Promise<Run>, ...parts: string[]) {
  const r = await run
  expect(r.code, r.stderr || r.stdout).toBe(2)
  const lines = r.stderr.trimEnd().split('\n')
  expect(lines, r.stderr).toHaveLength(1)
  for (const part of parts) expect(lines[0]).toContain(part)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  expect(r.stdout).not.toContain('listening on')
}

const config = (name: string, body: object) => {
  const file = join(dir, name)
  writeFileSync(file, JSON.stringify(body))
  return file
}

// Each file option, as a way to name a path: the args and environment that name `path`.
const JSON_OPTIONS: [string, (path: string) => [string[], Record<string, string>]][] = [
  ['--config', (p) => [['--config', p], {}]],
  ['TOKEN_SANDBOX_CONFIG', (p) => [[], { TOKEN_SANDBOX_CONFIG: p }]],
  ['a fixture file in the config', (p) => [['--config', config(`fixture-${Math.random()}.json`, { fixtures: { complycube: p } })], {}]],
]
const PEM_OPTIONS: [string, (path: string) => [string[], Record<string, string>]][] = [
  ['--tls-cert', (p) => [['--tls-cert', p, '--tls-key', KEY], {}]],
  ['--tls-key', (p) => [['--tls-cert', CERT, '--tls-key', p], {}]],
  ['TOKEN_SANDBOX_TLS_CERT', (p) => [[], { TOKEN_SANDBOX_TLS_CERT: p, TOKEN_SANDBOX_TLS_KEY: KEY }]],
  ["the config's tlsKey", (p) => [['--config', config(`tls-${Math.random()}.json`, { tlsCert: CERT, tlsKey: p })], {}]],
]
const STATE_OPTIONS: [string, (path: string) => [string[], Record<string, string>]][] = [
  ['--state', (p) => [['--state', p], {}]],
  ['TOKEN_SANDBOX_STATE', (p) => [[], { TOKEN_SANDBOX_STATE: p }]],
  ["the config's state", (p) => [['--config', config(`state-${Math.random()}.json`, { state: p })], {}]],
]

describe('serve refuses a file option naming something that is not a regular file, at once', () => {
  const all = [...JSON_OPTIONS, ...PEM_OPTIONS, ...STATE_OPTIONS]
  for (const [option, name] of all) {
    const fifoRun = started(...name(fifo))
    it.each(Object.entries(KINDS))(`${option}: %s`, async (kind, { path, says }) => {
      const run = path === fifo ? fifoRun : inProcess(...name(path))
      // The state file is resolved before it is opened: its message has its own words.
      await expectRefusal(run, path, STATE_OPTIONS.some(([o]) => o === option) ? 'is not a regular file' : says)
    })
  }
})

describe('serve refuses a file over its cap before reading it', () => {
  it.each(JSON_OPTIONS)('%s: over 16 MiB', async (_option, name) => {
    await expectRefusal(inProcess(...name(oversized(`big-${Math.random()}.json`, MAX_JSON_FILE_BYTES))), 'is larger than 16 MiB, the most it may hold')
  })

  it.each(PEM_OPTIONS)('%s: over 1 MiB', async (_option, name) => {
    await expectRefusal(inProcess(...name(oversized(`big-${Math.random()}.pem`, MAX_PEM_FILE_BYTES))), 'is larger than 1 MiB, the most it may hold')
  })

  it.each(STATE_OPTIONS)('%s: a JSON state file (of earlier versions) over 256 MiB', async (_option, name) => {
    const big = oversized(`big-state-${Math.random()}.json`, MAX_JSON_STATE_BYTES)
    await expectRefusal(inProcess(...name(big)), `state file ${big} is larger than 256 MiB, the most it may hold`)
  })
})

describe("serve refuses what sits where the state file's own files go", () => {
  const state = join(dir, `locked-${Math.random()}.db`)
  execFileSync('mkfifo', [join(dir, `.${state.slice(dir.length + 1)}.lock`)])
  const run = started(['--state', state], {})
  it('a FIFO as the lock (.<name>.lock): refused at once, not waited on', async () => {
    await expectRefusal(run, `cannot lock state file ${state}`, 'is a FIFO (named pipe), not a regular file')
  })
})
