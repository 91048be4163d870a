// The request journal: what the sandbox answered, newest last, bounded so that a long load
// test cannot grow memory: by count (`capacity`) and by bytes (`byteBudget`, the oldest entries
// go first), and each entry keeps bounded copies of its strings (./journal-entry.ts). Bodies and
// credentials are never stored; handlers add a short `reason` (why a request was refused) and
// `meta` (what was issued) instead.
import { bound, measure } from './journal-entry.ts'
import { escapeControls, hasControls } from './shown.ts'

/** What the journal keeps in all (estimated): 1000 ordinary entries take about 0.4 MB. */
export const JOURNAL_BYTE_BUDGET = 4 * 1024 * 1024

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
  /** The id of the fault rule that applied to the request (a stub's answer, a status, a delay, a drop). */
  fault?: string
}

export interface JournalFilter {
  vendor?: string
  environment?: string
  /** Substring of the path. */
  path?: string
  /** Only entries a fault rule applied to: this rule's id. */
  fault?: string
  status?: number
  method?: string
  /** Only entries with seq greater than this. */
  since?: number
  /** Only entries with seq less than this (to page back from the oldest of an answer). */
  before?: number
  /** The newest `limit` entries (default 100). */
  limit?: number
  /** Stop once the entries listed add up to this many (estimated) bytes; at least one is listed. */
  maxBytes?: number
}

export interface JournalPage {
  entries: JournalEntry[]
  /** True when `maxBytes` cut the list short: older matching entries were left out. */
  truncated: boolean
}

/** What the dispatcher records: the time as epoch ms, turned into ISO text only when listed. */
export type JournalRecord = Omit<JournalEntry, 'seq' | 'at'> & { atMs: number }

export interface Journal {
  /**
   * Keeps the entry, with its strings bounded (see ./journal-entry.ts); `copy` (default true)
   * also copies the strings that fit, for entries from a large request (`isLargeRequest`).
   */
  record(entry: JournalRecord, copy?: boolean): void
  list(filter?: JournalFilter): JournalEntry[]
  page(filter?: JournalFilter): JournalPage
  /** Calls `fn` with each entry as stored, oldest first, without formatting it (for `serve --state`). */
  forEachRecord(fn: (entry: Readonly<JournalRecord & { seq: number }>) => void): void
  size(): number
  /** Estimated bytes the entries kept hold, at most `byteBudget` (or one entry's). */
  bytes(): number
  capacity: number
  byteBudget: number
  clear(): void
}

type Stored = JournalRecord & { seq: number }

export function createJournal(capacity = 1000, byteBudget = JOURNAL_BYTE_BUDGET): Journal {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('journal capacity must be a positive integer')
  if (!(byteBudget > 0)) throw new RangeError('journal byte budget must be positive')
  const ring: (Stored | undefined)[] = new Array(capacity)
  const sizes = new Float64Array(capacity)
  let next = 0
  let count = 0
  let seq = 0
  let total = 0

  const dropOldest = () => {
    const i = (next - count + capacity) % capacity
    total -= sizes[i]!
    ring[i] = undefined
    count--
  }

  const keep = (stored: Stored, bytes: number) => {
    if (count === capacity) dropOldest()
    ring[next] = stored
    sizes[next] = bytes
    total += bytes
    next = (next + 1) % capacity
    count++
    while (total > byteBudget && count > 1) dropOldest()
  }

  const page = (filter: JournalFilter = {}): JournalPage => {
    const limit = filter.limit ?? 100
    const maxBytes = filter.maxBytes ?? Infinity
    const out: JournalEntry[] = []
    let bytes = 0
    let truncated = false
    // Walk newest to oldest, then reverse, so `limit` keeps the newest.
    for (let i = 0; i < count && out.length < limit; i++) {
      const slot = (next - 1 - i + capacity) % capacity
      const e = ring[slot]!
      if (filter.since !== undefined && e.seq <= filter.since) break
      if (filter.before !== undefined && e.seq >= filter.before) continue
      if (filter.vendor && e.vendor !== filter.vendor) continue
      if (filter.environment && e.environment !== filter.environment) continue
      if (filter.method && e.method !== filter.method.toUpperCase()) continue
      if (filter.status !== undefined && e.status !== filter.status) continue
      if (filter.path && !e.path.includes(filter.path)) continue
      if (filter.fault && e.fault !== filter.fault) continue
      if (out.length > 0 && bytes + sizes[slot]! > maxBytes) {
        truncated = true
        break
      }
      bytes += sizes[slot]!
      const { atMs, ...rest } = e
      out.push({ ...rest, at: new Date(atMs).toISOString() })
    }
    return { entries: out.reverse(), truncated }
  }

  return {
    capacity,
    byteBudget,
    record(entry, copy = true) {
      // Kept as shown (./shown.ts), on the record itself: the request log prints this object too.
      if (entry.reason !== undefined && hasControls(entry.reason)) entry.reason = escapeControls(entry.reason)
      // An ordinary entry within every limit is kept as it is (the object is stored, not copied).
      const size = copy ? -1 : measure(entry)
      if (size >= 0) {
        ;(entry as Stored).seq = ++seq
        return keep(entry as Stored, size)
      }
      const kept = bound(entry, copy)
      const stored: Stored = {
        seq: ++seq,
        atMs: entry.atMs,
        vendor: kept.vendor,
        environment: kept.environment,
        method: kept.method,
        path: kept.path,
        status: entry.status,
        durationMs: entry.durationMs,
      }
      if (kept.reason !== undefined) stored.reason = kept.reason
      if (kept.meta !== undefined) stored.meta = kept.meta
      // A rule's id is the sandbox's own short string (`fault_12`): kept as it is.
      if (entry.fault !== undefined) stored.fault = entry.fault
      keep(stored, kept.bytes)
    },
    list: (filter) => page(filter).entries,
    page,
    forEachRecord(fn) {
      for (let i = count; i > 0; i--) fn(ring[(next - i + capacity) % capacity]!)
    },
    size: () => count,
    bytes: () => total,
    clear() {
      ring.fill(undefined)
      sizes.fill(0)
      next = 0
      count = 0
      total = 0
    },
  }
}
