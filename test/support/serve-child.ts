// `token-sandbox serve` as a child process on 127.0.0.1 (the built CLI of the current sources):
// started, waited on until it prints its URL, its output kept, stopped or killed.
import { spawn, type ChildProcess } from 'node:child_process'
import { SOURCE_CLI } from './cli.ts'


export interface ServeChild {
  url: string
  child: ChildProcess
  /** Everything written to stdout and stderr so far. */
  stdout(): string
  stderr(): string
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** `command`: the node binary and the CLI's entry (default: this node and the built bin, test/support/cli.ts). */
export async function startServe(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 30_000,
  command: [string, ...string[]] = [process.execPath, ...SOURCE_CLI],
): Promise<ServeChild> {
  const [node, ...entry] = command
  const child = spawn(node, [...entry, 'serve', '--host', '127.0.0.1', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
  let out = ''
  let err = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (err += d))
  // 'close', not 'exit': by then its output has all been read, so stdout() and stderr() are whole.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  )
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`serve printed no URL in time:\n${out}\n${err}`))
    }, timeoutMs)
    const check = () => {
      const m = /listening on (https?:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    }
    child.stdout!.on('data', check)
    void exited.then(({ code }) => {
      clearTimeout(timer)
      reject(new Error(`serve exited (${code}) before listening:\n${out}\n${err}`))
    })
  })
  return {
    url,
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
}
