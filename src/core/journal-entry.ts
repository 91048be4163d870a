// What one journal entry may keep of a request: strings with a length cap (cut with a visible
// marker), meta walked with a character, value and depth budget, and the entry's size estimated
// so the journal can keep a byte budget. Inputs are the attacker's: a 200 KB id in the path, a
// 200 KB `iss` quoted in a refusal reason, a huge header echoed into meta. An entry within every
// limit from an ordinary request is kept as it is (`measure`); otherwise `bound` copies it, and
// for a large request copies every string, so that no slice keeps the request's text alive.
// Strings are kept as they are shown (the dashboard, the admin API, the request log): control and
// bidi characters written as `\uXXXX` (./shown.ts); an entry holding any goes the copying way.
import { clip, detach } from './clip.ts'
import { escapeControls, hasControls as needsEscape } from './shown.ts'
import type { SandboxRequest } from './types.ts'

export const MAX_PATH_CHARS = 2048
export const MAX_REASON_CHARS = 1024
/** All of an entry's meta strings (keys and values) together. */
export const MAX_META_CHARS = 2048
/** One meta string value. */
export const MAX_META_STRING_CHARS = 512
const MAX_META_KEYS = 16
const MAX_META_DEPTH = 3
/** Values (at any depth) past which meta is cut. */
const MAX_META_VALUES = 64
const CUT = '…[truncated]'
const SHORT_CHARS = 128

/** A fixed cost per entry (the object, its numbers, the ring slot), and per meta value. */
const ENTRY_OVERHEAD_BYTES = 160
const VALUE_OVERHEAD_BYTES = 16

interface Budget {
  /** Copies a string that fits (detach) or keeps it as is. */
  keep: (s: string) => string
  /** Characters still allowed. */
  left: number
  values: number
  bytes: number
}

/** A bounded copy of a meta value: strings clipped, objects and arrays cut by size and depth. */
function boundValue(value: unknown, depth: number, budget: Budget): unknown {
  budget.bytes += VALUE_OVERHEAD_BYTES
  if (--budget.values < 0 || budget.left <= 0) return CUT
  if (typeof value === 'string') {
    const max = Math.min(MAX_META_STRING_CHARS, budget.left)
    const kept = escapeControls(value.length > max ? clip(value, max) : budget.keep(value))
    budget.left -= Math.min(value.length, MAX_META_STRING_CHARS)
    budget.bytes += 2 * kept.length
    return kept
  }
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol' ? String(value).slice(0, 64) : value
  if (depth >= MAX_META_DEPTH) return CUT
  if (Array.isArray(value)) {
    const out = value.slice(0, MAX_META_KEYS).map((v) => boundValue(v, depth + 1, budget))
    if (value.length > MAX_META_KEYS) out.push(`…[truncated ${value.length - MAX_META_KEYS} items]`)
    return out
  }
  const out: Record<string, unknown> = {}
  const keys = Object.keys(value)
  for (let i = 0; i < keys.length; i++) {
    if (i === MAX_META_KEYS || budget.left <= 0) {
      out['…'] = CUT
      break
    }
    const key = keys[i]!
    // A property name is an internalized copy already: only a long one needs clipping.
    const k = escapeControls(key.length > SHORT_CHARS ? clip(key, SHORT_CHARS) : key)
    budget.left -= k.length
    budget.bytes += 2 * k.length
    out[k] = boundValue((value as Record<string, unknown>)[key], depth + 1, budget)
  }
  return out
}

export interface Bounded {
  path: string
  method: string
  vendor: string
  environment: string | null
  reason?: string
  meta?: Record<string, unknown>
  /** Estimated bytes the entry keeps. */
  bytes: number
}

const asIs = (s: string) => s

/**
 * The estimated size of a meta value that is within every limit `boundValue` applies, or -1:
 * the fast path, which walks without copying (an ordinary entry is kept as it is).
 */
function measureValue(value: unknown, depth: number, budget: Budget): number {
  if (--budget.values < 0) return -1
  if (typeof value === 'string') {
    if (value.length > MAX_META_STRING_CHARS || (budget.left -= value.length) < 0 || needsEscape(value)) return -1
    return VALUE_OVERHEAD_BYTES + 2 * value.length
  }
  if (value === null || (typeof value !== 'object' && typeof value !== 'bigint' && typeof value !== 'function' && typeof value !== 'symbol')) return VALUE_OVERHEAD_BYTES
  if (typeof value !== 'object' || depth >= MAX_META_DEPTH) return -1
  const items = Array.isArray(value) ? value : null
  const keys = items ? null : Object.keys(value)
  const n = items ? items.length : keys!.length
  if (n > MAX_META_KEYS) return -1
  let bytes = VALUE_OVERHEAD_BYTES
  for (let i = 0; i < n; i++) {
    let v: unknown
    if (keys) {
      const key = keys[i]!
      if (key.length > SHORT_CHARS || (budget.left -= key.length) < 0 || needsEscape(key)) return -1
      bytes += 2 * key.length
      v = (value as Record<string, unknown>)[key]
    } else v = items![i]
    const size = measureValue(v, depth + 1, budget)
    if (size < 0) return -1
    bytes += size
  }
  return bytes
}

/** The estimated size of an entry within every limit (kept as it is), or -1 (`bound` it). */
export function measure(entry: { path: string; method: string; vendor: string; environment: string | null; reason?: string; meta?: Record<string, unknown>; fault?: string }): number {
  if (entry.path.length > MAX_PATH_CHARS || entry.method.length > SHORT_CHARS) return -1
  if (entry.environment !== null && entry.environment.length > SHORT_CHARS) return -1
  if (entry.reason !== undefined && (entry.reason.length > MAX_REASON_CHARS || needsEscape(entry.reason))) return -1
  if (needsEscape(entry.path) || needsEscape(entry.method) || (entry.environment !== null && needsEscape(entry.environment))) return -1
  let bytes = ENTRY_OVERHEAD_BYTES + 2 * (entry.path.length + entry.method.length + entry.vendor.length + (entry.environment?.length ?? 0) + (entry.reason?.length ?? 0) + (entry.fault?.length ?? 0))
  if (entry.meta !== undefined) {
    const size = measureValue(entry.meta, 0, { keep: asIs, left: MAX_META_CHARS, values: MAX_META_VALUES, bytes: 0 })
    if (size < 0) return -1
    bytes += size
  }
  return bytes
}


/**
 * Whether a request is large enough that a short string cut from it (a path param, a header
 * slice) would keep a large parent alive: then `bound` copies every string it keeps. Ordinary
 * requests are not, and their strings are kept as they are (copying costs ~1 µs an entry).
 */
export function isLargeRequest(req: SandboxRequest): boolean {
  if (req.url.href.length > LARGE_INPUT_CHARS || (req.body !== null && req.body.length > LARGE_INPUT_CHARS)) return true
  for (const name in req.headers) if (req.headers[name]!.length > LARGE_INPUT_CHARS) return true
  return false
}
const LARGE_INPUT_CHARS = 2048

/** The entry's strings bounded (and, with `copy`, detached from their parents), and its estimated size. */
export function bound(
  entry: { path: string; method: string; vendor: string; environment: string | null; reason?: string; meta?: Record<string, unknown>; fault?: string },
  copy = true,
): Bounded {
  const keep = copy ? detach : asIs
  const fit = (s: string, max: number) => escapeControls(s.length > max ? clip(s, max) : keep(s))
  const path = fit(entry.path, MAX_PATH_CHARS)
  const method = fit(entry.method, SHORT_CHARS)
  const environment = entry.environment === null ? null : fit(entry.environment, SHORT_CHARS)
  let bytes = ENTRY_OVERHEAD_BYTES + 2 * (path.length + method.length + entry.vendor.length + (environment?.length ?? 0) + (entry.fault?.length ?? 0))
  const out: Bounded = { path, method, vendor: entry.vendor, environment, bytes: 0 }
  if (entry.reason !== undefined) {
    out.reason = fit(entry.reason, MAX_REASON_CHARS)
    bytes += 2 * out.reason.length
  }
  if (entry.meta !== undefined) {
    const budget: Budget = { keep, left: MAX_META_CHARS, values: MAX_META_VALUES, bytes: 0 }
    out.meta = boundValue(entry.meta, 0, budget) as Record<string, unknown>
    bytes += budget.bytes
  }
  out.bytes = bytes
  return out
}
