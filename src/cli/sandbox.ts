// `--sandbox URL` (or TOKEN_SANDBOX_URL): "the token-sandbox at URL". `token` and `contract` read
// the seeded credentials they need from its admin API (GET /__sandbox/<vendor>/credentials, a
// read-only route each vendor declares in its folder), keyed by the flags they stand in for.
import { trimTrailingSlashes } from '../core/paths.ts'
import { UsageError } from './usage.ts'

export const SANDBOX_URL_ENV = 'TOKEN_SANDBOX_URL'

/** The server cannot be reached: its own exit code (3), one line, no usage hint. */
export class UnreachableError extends Error {
  readonly exitCode = 3
}

/**
 * `--sandbox` or TOKEN_SANDBOX_URL, checked; undefined when neither is given. The admin URL
 * `serve` prints (…/__sandbox) is accepted as the server's root: no vendor lives under it.
 */
export function sandboxUrl(flag: string | undefined): string | undefined {
  const url = flag || process.env[SANDBOX_URL_ENV] || undefined
  if (url === undefined) return undefined
  if (!/^https?:\/\/[^/]/.test(url)) throw new UsageError(`--sandbox must be an http(s) URL, got '${url.slice(0, 200)}'`)
  const root = trimTrailingSlashes(url)
  return root.endsWith('/__sandbox') ? root.slice(0, -'/__sandbox'.length) : root
}

/**
 * A cheap check that something answers at `url` before a long run: any HTTP answer (whatever
 * its status) is reachable; a refused connection, an unknown host or silence is exit 3.
 */
export async function probe(url: string, timeoutMs = 5_000): Promise<void> {
  try {
    const res = await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) })
    await res.body?.cancel()
  } catch (err) {
    throw new UnreachableError(`cannot reach ${url}: ${unreachableReason(err, timeoutMs)}`)
  }
}

/** Why a fetch got no answer, in a few words (ECONNREFUSED, ENOTFOUND …, or the timeout). */
export function unreachableReason(err: unknown, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string } }
  if (e.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`
  return e.cause?.code ?? e.cause?.message ?? e.message
}

/** A vendor's seeded credentials by flag name, from the sandbox's admin API (admin token from TOKEN_SANDBOX_ADMIN_TOKEN). */
export async function sandboxCredentials(sandbox: string, vendor: string): Promise<Record<string, string>> {
  const token = process.env.TOKEN_SANDBOX_ADMIN_TOKEN
  let res: Response
  try {
    res = await fetch(`${sandbox}/__sandbox/${encodeURIComponent(vendor)}/credentials`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(10_000),
    })
  } catch (err) {
    throw new UnreachableError(`cannot reach ${sandbox}: ${unreachableReason(err, 10_000)}`)
  }
  const text = await res.text()
  // The admin guard's 401 names its realm; any other 401 is some API that is not the admin API.
  if (res.status === 401 && /token-sandbox admin/.test(res.headers.get('www-authenticate') ?? '')) {
    throw new UsageError(`${sandbox}'s admin API is guarded: set TOKEN_SANDBOX_ADMIN_TOKEN to its admin token${token ? ' (the one set was refused)' : ''}`, false)
  }
  // It answered, so it is reachable: a wrong URL is the command line's problem (exit 2), in one line.
  const notSandbox = (why: string) =>
    new UsageError(`${sandbox} is not a token-sandbox with ${vendor} (${why}); --sandbox is the root 'serve' prints, e.g. http://127.0.0.1:4545`, false)
  if (res.status === 403) throw new UsageError(`${sandbox}'s admin API refused the request (403): ${text.slice(0, 200)}`, false)
  if (!res.ok) throw notSandbox(`GET /__sandbox/${vendor}/credentials answered ${res.status}`)
  let credentials: unknown
  try {
    credentials = (JSON.parse(text) as { credentials?: unknown }).credentials
  } catch {
    credentials = undefined
  }
  if (typeof credentials !== 'object' || credentials === null) throw notSandbox(`GET /__sandbox/${vendor}/credentials answered no credentials`)
  return credentials as Record<string, string>
}

/**
 * Whether `contract --sandbox URL` runs the write cases without --allow-writes: yes for a vendor's
 * suite aimed at the sandbox's own paths (what it creates there harms nobody), no when --base-url
 * points elsewhere (a real vendor still needs --allow-writes) and no for the sandbox's own suite,
 * whose writes reset the server.
 */
export function sandboxWrites(suite: { realBaseUrl?: string }, sandbox: string | undefined, baseUrl: unknown): boolean {
  return sandbox !== undefined && baseUrl === undefined && suite.realBaseUrl !== undefined
}
