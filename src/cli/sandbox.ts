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

/** `--sandbox` or TOKEN_SANDBOX_URL, checked; undefined when neither is given. */
export function sandboxUrl(flag: string | undefined): string | undefined {
  const url = flag || process.env[SANDBOX_URL_ENV] || undefined
  if (url === undefined) return undefined
  if (!/^https?:\/\/[^/]/.test(url)) throw new UsageError(`--sandbox must be an http(s) URL, got '${url}'`)
  return trimTrailingSlashes(url)
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
    throw new UnreachableError(`cannot reach ${sandbox}: ${String((err as Error).cause ?? (err as Error).message)}`)
  }
  const text = await res.text()
  if (res.status === 401) {
    throw new UsageError(`${sandbox}'s admin API is guarded: set TOKEN_SANDBOX_ADMIN_TOKEN to its admin token${token ? ' (the one set was refused)' : ''}`, false)
  }
  if (!res.ok) throw new UnreachableError(`${sandbox}/__sandbox/${vendor}/credentials answered ${res.status}: ${text.slice(0, 300)}`)
  let credentials: unknown
  try {
    credentials = (JSON.parse(text) as { credentials?: unknown }).credentials
  } catch {
    credentials = undefined
  }
  if (typeof credentials !== 'object' || credentials === null) throw new UnreachableError(`${sandbox} is not a token-sandbox with ${vendor}`)
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
