// token-sandbox wait [URL]: polls a server's /__sandbox/health until it answers, so CI (and a
// container's HEALTHCHECK) can wait for `serve` without curl loops or extra packages.
// Exit 0: ready; 1: not ready in time, or an answer that will not change (a wrong admin token,
// a Host the admin API refuses); 2: usage.
import { parseArgs } from 'node:util'
import { DEFAULT_PORT, readAdminToken, SERVE_ENV } from './serve-options.ts'
import { SANDBOX_URL_ENV } from './sandbox.ts'
import { UsageError } from './usage.ts'

export const waitHelp = `usage: token-sandbox wait [URL] [--timeout S] [--admin-token T]

Waits until a token-sandbox server answers GET <URL>/__sandbox/health, for CI steps and health
checks. URL is the server's root as 'serve' prints it (default: TOKEN_SANDBOX_URL, else
http://127.0.0.1:<port>, the port from TOKEN_SANDBOX_PORT or PORT, else ${DEFAULT_PORT}).
  --timeout S         give up after S seconds (default 30)
  --interval MS       time between attempts (default 250)
  --admin-token T     the admin token of a guarded server (or TOKEN_SANDBOX_ADMIN_TOKEN, or the
                      file TOKEN_SANDBOX_ADMIN_TOKEN_FILE names); without one, the guard's 401
                      counts as ready: the server answered
  --quiet             print nothing when ready
  -h, --help          this help

Exit codes: 0 ready; 1 not ready within the timeout, or refused for good (a wrong admin token,
a Host the admin API does not answer); 2 usage error.`

/** `<root>/__sandbox/health` from a root, an admin URL or the health URL itself. */
export function healthUrl(input: string): URL {
  let url: URL
  try {
    url = new URL(input)
  } catch {
    throw new UsageError(`'${input.slice(0, 200)}' is not a URL (e.g. http://127.0.0.1:${DEFAULT_PORT})`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`'${input.slice(0, 200)}' is not an http(s) URL`)
  const path = url.pathname.replace(/\/$/, '')
  url.pathname = path.endsWith('/__sandbox/health') ? path : path.endsWith('/__sandbox') ? `${path}/health` : `${path}/__sandbox/health`
  url.search = ''
  url.hash = ''
  return url
}

type Attempt = { ready: true; note?: string } | { ready: false; final: boolean; reason: string }

async function attempt(url: URL, token: string | undefined, timeoutMs: number): Promise<Attempt> {
  let res: Response
  try {
    res = await fetch(url, {
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    })
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause
    return { ready: false, final: false, reason: cause?.code ?? (err as Error).name ?? String(err) }
  }
  const text = await res.text().catch(() => '')
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  const sandboxError = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error
  if (res.status === 200 && (body as { status?: unknown } | undefined)?.status === 'ok') return { ready: true }
  // The admin guard answers before the routes: a server that can check tokens is listening.
  if (res.status === 401 && sandboxError?.code === 'unauthorized') {
    if (token === undefined) return { ready: true, note: 'the admin API is guarded, so health was not read (give the admin token to read it)' }
    return { ready: false, final: true, reason: 'the admin token is wrong (401)' }
  }
  if (res.status === 403 && sandboxError?.code === 'forbidden') {
    return { ready: false, final: true, reason: `refused (403): ${String(sandboxError.message).slice(0, 300)}` }
  }
  return { ready: false, final: false, reason: `HTTP ${res.status}${sandboxError ? '' : ' (not a token-sandbox answer)'}` }
}

function seconds(value: string, where: string): number {
  if (!/^\d{1,6}(\.\d{1,3})?$/.test(value) || Number(value) <= 0) throw new UsageError(`${where} must be a positive number of seconds, got '${value.slice(0, 40)}'`)
  return Number(value)
}

function milliseconds(value: string, where: string): number {
  if (!/^\d{1,7}$/.test(value) || Number(value) === 0) throw new UsageError(`${where} must be a positive number of milliseconds, got '${value.slice(0, 40)}'`)
  return Number(value)
}

export const waitOptions = {
  timeout: { type: 'string' },
  interval: { type: 'string' },
  'admin-token': { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

export async function waitCommand(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: waitOptions,
    allowPositionals: true,
    strict: true,
  })
  if (values.help) {
    console.log(waitHelp)
    return 0
  }
  if (positionals.length > 1) throw new UsageError('wait takes one URL')
  const port = env[SERVE_ENV.port] || env.PORT || String(DEFAULT_PORT)
  // The same "sandbox at URL" variable as token and contract (--sandbox), then the port's.
  const url = healthUrl(positionals[0] ?? (env[SANDBOX_URL_ENV] || `http://127.0.0.1:${port}`))
  const timeoutMs = seconds(values.timeout ?? '30', '--timeout') * 1000
  const intervalMs = values.interval === undefined ? 250 : milliseconds(values.interval, '--interval')
  const token = readAdminToken(values, env)?.value
  const started = Date.now()
  const deadline = started + timeoutMs
  let last = 'no attempt'
  for (;;) {
    const left = deadline - Date.now()
    const result = await attempt(url, token, Math.max(100, Math.min(2_000, left)))
    if (result.ready) {
      if (!values.quiet) console.log(`token-sandbox is ready at ${url.origin} (${((Date.now() - started) / 1000).toFixed(1)} s)${result.note ? `; ${result.note}` : ''}`)
      return 0
    }
    last = result.reason
    if (result.final) break
    const pause = Math.min(intervalMs, deadline - Date.now())
    if (pause <= 0) break
    await new Promise((resolve) => setTimeout(resolve, pause))
  }
  console.error(`token-sandbox wait: ${url.href} is not ready after ${((Date.now() - started) / 1000).toFixed(1)} s: ${last}`)
  return 1
}
