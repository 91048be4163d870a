// Child processes under test: started, waited on until they answer, measured (RSS), stopped.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'

export interface Child {
  url: string
  pid: number
  /** Resident set size in bytes, read from /proc. */
  rss(): number
  stop(): Promise<void>
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)
  return kb ? Number(kb[1]) * 1024 : 0
}

/** Starts a process and resolves once `ready(url)` answers; `url` comes from its stdout or is given. */
export async function startChild(
  command: string,
  args: string[],
  options: { url?: string; urlPattern?: RegExp; probe: (url: string) => Promise<boolean>; timeoutMs?: number },
): Promise<Child & { startMs: number }> {
  const started = performance.now()
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const deadline = started + (options.timeoutMs ?? 30_000)
  let url = options.url
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited early (${child.exitCode}):\n${out}`)
    if (performance.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${command} did not answer in time:\n${out}`)
    }
    if (!url && options.urlPattern) url = options.urlPattern.exec(out)?.[1]
    if (url && (await options.probe(url).catch(() => false))) break
    await new Promise((r) => setTimeout(r, 2))
  }
  const startMs = performance.now() - started
  return {
    url,
    pid: child.pid!,
    startMs,
    rss: () => rssOf(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 3_000).unref()
      }),
  }
}
