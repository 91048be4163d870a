// Child processes under test: started, waited on until they answer, measured (RSS), stopped.
// Every child started here is stopped when the bench exits, however it exits (its end, an
// error, ctrl-c, SIGTERM): a JVM or a Prism left behind would hold a port and a core.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer as createNetServer, type AddressInfo } from 'node:net'

export interface Child {
  url: string
  pid: number
  /** Milliseconds from spawn to the first answer of `probe`. */
  startMs: number
  /** Resident set size in bytes, read from /proc. */
  rss(): number
  /** CPU time it has used so far (user + system, all threads), in clock ticks, read from /proc. */
  cpuTicks(): number
  stop(): Promise<void>
}

export function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)
    return kb ? Number(kb[1]) * 1024 : 0
  } catch {
    return 0 // exited between two samples
  }
}

export function cpuTicksOf(pid: number): number {
  try {
    // Fields after the command's closing parenthesis: state is the 3rd, utime the 14th, stime the 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return 0
  }
}

const live = new Set<ChildProcess>()
const exitTasks = new Set<() => void>()
let handlersInstalled = false

/** Runs `task` (synchronous: removing a temp folder) when the bench exits, unless `cancel` is called. */
export function onBenchExit(task: () => void): () => void {
  installExitHandlers()
  exitTasks.add(task)
  return () => exitTasks.delete(task)
}

function installExitHandlers(): void {
  if (handlersInstalled) return
  handlersInstalled = true
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL')
    for (const task of exitTasks) {
      try {
        task()
      } catch {
        // best effort at exit
      }
    }
  })
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping ${live.size} child process(es)`)
      process.exit(code) // the 'exit' handler kills them
    })
  }
}

/** Registers a child started elsewhere (execFile), so that the bench's exit stops it too. */
export function trackChild(child: ChildProcess): ChildProcess {
  installExitHandlers()
  live.add(child)
  child.once('exit', () => live.delete(child))
  return child
}

/** Keeps the last `max` characters of a child's output: enough for an error message, bounded under load. */
function tail(max = 16_384) {
  let text = ''
  return {
    add: (d: Buffer | string) => {
      text += d
      if (text.length > 2 * max) text = text.slice(-max)
    },
    get text() {
      return text.slice(-max)
    },
  }
}

/** Starts a process and resolves once `probe(url)` answers; `url` comes from its output or is given. */
export async function startChild(
  command: string,
  args: string[],
  options: {
    url?: string
    urlPattern?: RegExp
    probe: (url: string) => Promise<boolean>
    timeoutMs?: number
    env?: Record<string, string>
    /** Called once the child has exited, however it was stopped. */
    cleanup?: () => void
  },
): Promise<Child> {
  installExitHandlers()
  const name = command.split('/').pop()
  const started = performance.now()
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production', ...options.env } })
  live.add(child)
  let spawnError: Error | null = null
  // 'exit', not 'close': a grandchild holding the pipes must not keep the stop waiting.
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.once('error', (e) => {
      spawnError = e
      resolve()
    })
  })
  void exited.then(() => {
    live.delete(child)
    options.cleanup?.()
  })
  let url = options.url
  const out = tail()
  let matchOut = '' // the start-up output the URL is read from, until found
  child.stdout!.on('data', (d) => {
    out.add(d)
    if (options.urlPattern && !url && matchOut.length < 65_536) matchOut += d
  })
  child.stderr!.on('data', (d) => out.add(d))
  const deadline = started + (options.timeoutMs ?? 30_000)
  const fail = async (why: string): Promise<never> => {
    child.kill('SIGKILL')
    await exited
    throw new Error(`${name} ${why}${out.text ? `; its output ends:\n${out.text.trimEnd()}` : ''}`)
  }
  for (;;) {
    if (spawnError) return fail(`could not start: ${(spawnError as Error).message}`)
    if (child.exitCode !== null || child.signalCode !== null) return fail(`exited before answering (${child.exitCode ?? child.signalCode})`)
    if (performance.now() > deadline) return fail(`did not answer within ${Math.round((options.timeoutMs ?? 30_000) / 1000)} s`)
    if (!url && options.urlPattern) url = options.urlPattern.exec(matchOut)?.[1]
    if (url && (await options.probe(url).catch(() => false))) break
    await new Promise((r) => setTimeout(r, 2))
  }
  const startMs = performance.now() - started
  return {
    url,
    pid: child.pid!,
    startMs,
    rss: () => rssOf(child.pid!),
    cpuTicks: () => cpuTicksOf(child.pid!),
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
      }
      return exited
    },
  }
}

/**
 * A port free right now, for servers that take their port as an argument and cannot be told
 * to pick one (Prism, WireMock). A fixed one can be held by a client socket of the load runs
 * before it (the ephemeral range covers it).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}
