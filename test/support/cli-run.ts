// Runs the built CLI (./cli.ts) as a child process with a clean environment, and finds a
// 127.0.0.1 port nothing listens on: what the CLI tests about exit codes and help share.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { contractSuites } from '../../src/contract/suites.ts'
import { SOURCE_CLI } from './cli.ts'

/**
 * Every variable that could hand the CLI a credential, a sandbox URL or an admin token: each
 * suite's credentials (from the registry), the sandbox's own, and the record switch.
 */
export const CLEAN_ENV: Record<string, string> = Object.fromEntries(
  [
    ...contractSuites.flatMap((s) => s.credentials.map((c) => c.env)),
    'TOKEN_SANDBOX_URL',
    'TOKEN_SANDBOX_ADMIN_TOKEN',
    'TOKEN_SANDBOX_CONTRACT_RECORD',
  ].map((v) => [v, '']),
)

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** The built CLI with `args`, the environment cleaned and `env` added; killed (code null) if it runs past `timeoutMs` (0: no limit). */
export function runCli(args: string[], env: Record<string, string> = {}, timeoutMs = 0): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SOURCE_CLI, ...args], { env: { ...process.env, ...CLEAN_ENV, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c))
    child.stderr.on('data', (c: Buffer) => (stderr += c))
    const timer = timeoutMs ? setTimeout(() => child.kill('SIGKILL'), timeoutMs) : undefined
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** A 127.0.0.1 port nothing listens on (taken, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  await new Promise((r) => server.close(r))
  return port
}

/**
 * `p`, started now and awaited later by the test that asserts on it: its rejection (if any) is
 * that test's failure, not an unhandled rejection of the file. Lets a file start its independent
 * CLI runs at once and check each in its own test.
 */
export function background<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {})
  return p
}

/**
 * Runs the functions given to it at most `n` at a time, in the order given: a file's CLI runs
 * started at once without more processes than the cores can run side by side.
 */
export function limiter(n: number): <T>(run: () => Promise<T>) => Promise<T> {
  let active = 0
  const waiting: (() => void)[] = []
  return async (run) => {
    while (active >= n) await new Promise<void>((resolve) => waiting.push(resolve))
    active++
    try {
      return await run()
    } finally {
      active--
      waiting.shift()?.()
    }
  }
}
