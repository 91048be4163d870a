// The CLI's main() in the test's own process, for what a command refuses before it starts
// anything (a server, a vitest run): its exit code and what it printed, as runCli gives them for
// a child, without a Node process to start. What a process adds (the bin, the bundle, a pipe for
// stdout, a FIFO that would block) stays tested through ./cli-run.ts.
import { vi } from 'vitest'
import { main } from '../../src/cli.ts'
import { CLEAN_ENV, type CliRun } from './cli-run.ts'

/** What `contract` prints just before it starts vitest, and `serve` once it listens: the `tooFar` of each. */
export const CONTRACT_STARTS = /^token-sandbox: .+ contract suite against /
export const SERVE_LISTENS = /^token-sandbox listening on /

let queue: Promise<unknown> = Promise.resolve()

/**
 * `main(args)`, the environment cleaned (CLEAN_ENV, and NO_COLOR as runCli sets them) and `env`
 * added, console and stdout captured: one call at a time, since the capture is this process's
 * console (and the environment stubs are undone after each). `tooFar` is a line the command
 * prints only once past its checks (serve's "listening on", contract's "contract suite
 * against"): printing it throws, so a check that lets the run through fails here, before a
 * server listens or a vitest starts inside this one.
 */
export function runInProcess(args: string[], tooFar: RegExp | undefined, env: Record<string, string> = {}): Promise<CliRun> {
  const run = async (): Promise<CliRun> => {
    let stdout = ''
    let stderr = ''
    const print = (to: 'out' | 'err') => (...a: unknown[]) => {
      const line = a.join(' ')
      if (tooFar?.test(line)) throw new Error(`the command got past its checks: ${line}`)
      if (to === 'out') stdout += `${line}\n`
      else stderr += `${line}\n`
    }
    for (const [name, value] of Object.entries({ ...CLEAN_ENV, NO_COLOR: '1', ...env })) vi.stubEnv(name, value)
    const log = vi.spyOn(console, 'log').mockImplementation(print('out'))
    const error = vi.spyOn(console, 'error').mockImplementation(print('err'))
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true))
    try {
      return { code: await main(args), stdout, stderr }
    } finally {
      log.mockRestore()
      error.mockRestore()
      write.mockRestore()
      vi.unstubAllEnvs()
    }
  }
  const result = queue.then(run, run)
  queue = result.catch(() => {})
  return result
}
