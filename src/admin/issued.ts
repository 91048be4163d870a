// The tokens the sandbox has signed, for `GET /__sandbox/tokens` and the dashboard: decoded
// header and claims only — never the token string or a signing secret. Bounded (newest kept),
// emptied by reset. Filled by the JWT service's `onSigned` hook, so every vendor that signs
// through `core.jwt` shows up without knowing about it.
import type { Clock } from '../core/clock.ts'
import type { JournalEntry } from '../core/journal.ts'
import type { JWTPayload } from '../core/jwt.ts'
import { isoOrNull } from '../core/instants.ts'

export const ISSUED_CAPACITY = 200
/**
 * What the kept tokens may add up to, in characters (tokens are ASCII): the oldest go first past
 * it, the newest is always kept. 200 ordinary tokens take about 100 KB; a token with a 1 MB
 * claim (a body at the limit echoed into one) would otherwise keep 200 MB.
 */
export const ISSUED_BYTE_BUDGET = 2 * 1024 * 1024

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
  /**
   * The tokens kept, oldest first, with when they were signed (epoch ms): what `serve --state`
   * saves. `originOf` (by `jti`, from the journal) adds which request issued each, so the list
   * still says so after a restart has emptied the journal.
   */
  snapshot(originOf?: (jti: string) => IssuedOrigin | undefined): IssuedRecord[]
  /** Replaces the list with a `snapshot()` (the newest `capacity` kept). */
  restore(records: IssuedRecord[]): void
}

/** The request that issued a token, as the journal had it. */
export interface IssuedOrigin {
  vendor: string
  environment: string | null
  path: string
}

export interface IssuedRecord {
  token: string
  signedAt: number
  origin?: IssuedOrigin
}

interface Slot extends IssuedRecord {
  /** The token's `jti`, once looked for (null: it has none). */
  jti?: string | null
}

/** The `jti` a handler tagged its journal entry with (`meta.token.jti`) when it issued a token. */
export function issuedJti(entry: { meta?: Record<string, unknown> }): string | undefined {
  const jti = (entry.meta?.token as { jti?: unknown } | undefined)?.jti
  return typeof jti === 'string' ? jti : undefined
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

export function createIssuedTokens(clock: Clock, capacity = ISSUED_CAPACITY, byteBudget = ISSUED_BYTE_BUDGET): IssuedTokens {
  // A ring of raw tokens, decoded only when listed: recording sits on every signing path, so it
  // must cost next to nothing; listing is for people and can afford the decoding.
  let ring: (Slot | undefined)[] = new Array(capacity)
  let next = 0
  let count = 0
  let bytes = 0
  const push = (slot: Slot) => {
    if (count === capacity) dropOldest()
    ring[next] = slot
    bytes += slot.token.length
    next = (next + 1) % capacity
    count++
    while (bytes > byteBudget && count > 1) dropOldest()
  }
  const dropOldest = () => {
    const i = (next - count + capacity) % capacity
    bytes -= ring[i]!.token.length
    ring[i] = undefined
    count--
  }
  const decoded = (): (IssuedToken & { origin: IssuedOrigin | undefined })[] => {
    const out: (IssuedToken & { origin: IssuedOrigin | undefined })[] = []
    for (let i = count; i > 0; i--) {
      const raw = ring[(next - i + capacity) % capacity]!
      const [h, p] = raw.token.split('.')
      const header = segment(h)
      const claims = segment(p)
      const signedAt = isoOrNull(raw.signedAt)
      if (header && claims && signedAt !== null) out.push({ header, claims, signedAt, origin: raw.origin })
    }
    return out
  }
  const jtiOf = (slot: Slot): string | null => {
    if (slot.jti === undefined) {
      const jti = segment(slot.token.split('.')[1])?.jti
      slot.jti = typeof jti === 'string' ? jti : null
    }
    return slot.jti
  }
  return {
    capacity,
    record(token) {
      // Only compact JWS (three segments, a JSON header) take a slot.
      const dot = token.indexOf('.')
      if (!token.startsWith('eyJ') || dot < 0 || token.indexOf('.', dot + 1) < 0) return
      push({ token, signedAt: clock.now() })
    },
    list(journal) {
      const byJti = new Map<string, JournalEntry>()
      for (const e of journal) {
        const jti = issuedJti(e)
        if (jti !== undefined) byJti.set(jti, e)
      }
      const nowSeconds = clock.nowSeconds()
      return decoded().map(({ origin, ...item }) => {
        const { exp, nbf, jti } = item.claims
        // The journal entry while there is one; after a restart, what the state file kept.
        const entry = typeof jti === 'string' ? byJti.get(jti) : undefined
        const from = entry ?? origin
        const status: TokenStatus =
          typeof exp === 'number' && exp <= nowSeconds ? 'expired' : typeof nbf === 'number' && nbf > nowSeconds ? 'not_yet_valid' : 'active'
        return {
          ...item,
          vendor: from?.vendor ?? null,
          environment: from?.environment ?? (typeof item.claims.environment === 'string' ? item.claims.environment : null),
          seq: entry?.seq ?? null,
          path: from?.path ?? null,
          status,
          // A token signed with an `exp` no Date can hold (a state file from before that was refused) has none to show.
          expiresAt: typeof exp === 'number' ? isoOrNull(exp * 1000) : null,
          secondsLeft: typeof exp === 'number' ? Math.max(0, exp - nowSeconds) : null,
        }
      })
    },
    clear() {
      ring = new Array(capacity)
      next = 0
      count = 0
      bytes = 0
    },
    snapshot(originOf) {
      const out: IssuedRecord[] = []
      for (let i = count; i > 0; i--) {
        const slot = ring[(next - i + capacity) % capacity]!
        const jti = originOf ? jtiOf(slot) : null
        const origin = (jti !== null ? originOf?.(jti) : undefined) ?? slot.origin
        out.push(origin ? { token: slot.token, signedAt: slot.signedAt, origin } : { token: slot.token, signedAt: slot.signedAt })
      }
      return out
    },
    restore(records) {
      ring = new Array(capacity)
      next = 0
      count = 0
      bytes = 0
      for (const { token, signedAt, origin } of records.slice(-capacity)) push(origin ? { token, signedAt, origin } : { token, signedAt })
    },
  }
}
