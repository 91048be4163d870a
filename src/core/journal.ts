// The request journal: what the sandbox answered, newest last, bounded so that a long load
// test cannot grow memory. Bodies and credentials are never stored; handlers add a short
// `reason` (why a request was refused) and `meta` (what was issued) instead.

export interface JournalEntry {
  seq: number
  /** Sandbox-clock time the request arrived, ISO 8601. */
  at: string
  vendor: string
  environment: string | null
  method: string
  path: string
  status: number
  durationMs: number
  /** The precise reason for a refusal, even where the vendor answers with a generic message. */
  reason?: string
  /** Non-secret facts about the exchange (ids issued, token claims, request ids). */
  meta?: Record<string, unknown>
}

export interface JournalFilter {
  vendor?: string
  environment?: string
  /** Substring of the path. */
  path?: string
  status?: number
  method?: string
  /** Only entries with seq greater than this. */
  since?: number
  /** The newest `limit` entries (default 100). */
  limit?: number
}

/** What the dispatcher records: the time as epoch ms, turned into ISO text only when listed. */
export type JournalRecord = Omit<JournalEntry, 'seq' | 'at'> & { atMs: number }

export interface Journal {
  /** Keeps the entry (it takes ownership: the object is stored, not copied). */
  record(entry: JournalRecord): void
  list(filter?: JournalFilter): JournalEntry[]
  /** Calls `fn` with each entry as stored, oldest first, without formatting it (for `serve --state`). */
  forEachRecord(fn: (entry: Readonly<JournalRecord & { seq: number }>) => void): void
  size(): number
  capacity: number
  clear(): void
}

export function createJournal(capacity = 1000): Journal {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('journal capacity must be a positive integer')
  const ring: ((JournalRecord & { seq: number }) | undefined)[] = new Array(capacity)
  let next = 0
  let count = 0
  let seq = 0

  return {
    capacity,
    record(entry) {
      ;(entry as JournalRecord & { seq: number }).seq = ++seq
      ring[next] = entry as JournalRecord & { seq: number }
      next = (next + 1) % capacity
      if (count < capacity) count++
    },
    list(filter = {}) {
      const limit = filter.limit ?? 100
      const out: JournalEntry[] = []
      // Walk newest to oldest, then reverse, so `limit` keeps the newest.
      for (let i = 0; i < count && out.length < limit; i++) {
        const e = ring[(next - 1 - i + capacity) % capacity]!
        if (filter.since !== undefined && e.seq <= filter.since) break
        if (filter.vendor && e.vendor !== filter.vendor) continue
        if (filter.environment && e.environment !== filter.environment) continue
        if (filter.method && e.method !== filter.method.toUpperCase()) continue
        if (filter.status !== undefined && e.status !== filter.status) continue
        if (filter.path && !e.path.includes(filter.path)) continue
        const { atMs, ...rest } = e
        out.push({ ...rest, at: new Date(atMs).toISOString() })
      }
      return out.reverse()
    },
    forEachRecord(fn) {
      for (let i = count; i > 0; i--) fn(ring[(next - i + capacity) % capacity]!)
    },
    size: () => count,
    clear() {
      ring.fill(undefined)
      next = 0
      count = 0
    },
  }
}
