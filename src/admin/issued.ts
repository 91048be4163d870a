// The tokens the sandbox has signed, for `GET /__sandbox/tokens` and the dashboard: decoded
// header and claims only — never the token string or a signing secret. Bounded (newest kept),
// emptied by reset. Filled by wrapping the JWT service's `sign*` methods, so every vendor that
// signs through `core.jwt` shows up without knowing about it.
import type { Clock } from '../core/clock.ts'
import type { JournalEntry } from '../core/journal.ts'
import type { JWTPayload } from '../core/jwt.ts'

export const ISSUED_CAPACITY = 200

export type TokenStatus = 'active' | 'expired' | 'not_yet_valid'

export interface IssuedToken {
  header: Record<string, unknown>
  claims: JWTPayload
  /** Sandbox-clock time it was signed, ISO 8601. */
  signedAt: string
}

export interface IssuedTokenView extends IssuedToken {
  /** From the journal entry that issued it (matched on `jti`), when there is one. */
  vendor: string | null
  environment: string | null
  /** The journal entry's `seq` and path, when there is one. */
  seq: number | null
  path: string | null
  status: TokenStatus
  expiresAt: string | null
  /** Seconds until `exp` by the sandbox clock (0 once expired); null without `exp`. */
  secondsLeft: number | null
}

export interface IssuedTokens {
  capacity: number
  record(token: string): void
  list(journal: JournalEntry[]): IssuedTokenView[]
  clear(): void
}

/** Base64url JSON segment → object, or null. Plain code (no Buffer) so it runs in the browser too. */
function segment(part: string | undefined): Record<string, unknown> | null {
  if (!part || !/^[A-Za-z0-9_-]+$/.test(part)) return null
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((part.length + 3) % 4)
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

export function createIssuedTokens(clock: Clock, capacity = ISSUED_CAPACITY): IssuedTokens {
  let items: IssuedToken[] = []
  return {
    capacity,
    record(token) {
      const [h, p] = token.split('.')
      const header = segment(h)
      const claims = segment(p)
      if (!header || !claims) return
      items.push({ header, claims, signedAt: new Date(clock.now()).toISOString() })
      if (items.length > capacity) items = items.slice(items.length - capacity)
    },
    list(journal) {
      const byJti = new Map<string, JournalEntry>()
      for (const e of journal) {
        const t = e.meta?.token
        if (t && typeof t === 'object' && typeof (t as { jti?: unknown }).jti === 'string') byJti.set((t as { jti: string }).jti, e)
      }
      const nowSeconds = clock.nowSeconds()
      return items.map((item) => {
        const { exp, nbf, jti } = item.claims
        const entry = typeof jti === 'string' ? byJti.get(jti) : undefined
        const status: TokenStatus =
          typeof exp === 'number' && exp <= nowSeconds ? 'expired' : typeof nbf === 'number' && nbf > nowSeconds ? 'not_yet_valid' : 'active'
        return {
          ...item,
          vendor: entry?.vendor ?? null,
          environment: entry?.environment ?? (typeof item.claims.environment === 'string' ? item.claims.environment : null),
          seq: entry?.seq ?? null,
          path: entry?.path ?? null,
          status,
          expiresAt: typeof exp === 'number' ? new Date(exp * 1000).toISOString() : null,
          secondsLeft: typeof exp === 'number' ? Math.max(0, exp - nowSeconds) : null,
        }
      })
    },
    clear() {
      items = []
    },
  }
}

/**
 * Returns the JWT service with every `sign*` method reporting the token it made. Methods
 * added later (another algorithm, another vendor's need) are covered too.
 */
export function recordSigned<T extends object>(service: T, onToken: (token: string) => void): T {
  const wrapped: Record<string, unknown> = { ...(service as Record<string, unknown>) }
  for (const [name, fn] of Object.entries(service)) {
    if (!name.startsWith('sign') || typeof fn !== 'function') continue
    wrapped[name] = async (...args: unknown[]) => {
      const result: unknown = await (fn as (...a: unknown[]) => unknown).apply(service, args)
      if (typeof result === 'string') onToken(result)
      return result
    }
  }
  return wrapped as T
}
