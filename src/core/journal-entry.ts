// What one journal entry may keep of a request: every string it holds is a detached copy with a
// length cap, meta is walked with a character budget, and the entry's size is estimated so the
// journal can keep a byte budget. Inputs are the attacker's: a 200 KB id in the path, a 200 KB
// `iss` quoted in a refusal reason, a huge header echoed into meta.
import { clip } from './clip.ts'

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
    const kept = clip(value, Math.min(MAX_META_STRING_CHARS, budget.left))
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
  let n = 0
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue
    if (n++ === MAX_META_KEYS || budget.left <= 0) {
      out['…'] = CUT
      break
    }
    const k = clip(key, Math.min(SHORT_CHARS, budget.left))
    budget.left -= Math.min(key.length, SHORT_CHARS)
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

/** The entry's strings bounded and detached, and its estimated size. */
export function bound(entry: { path: string; method: string; vendor: string; environment: string | null; reason?: string; meta?: Record<string, unknown> }): Bounded {
  const path = clip(entry.path, MAX_PATH_CHARS)
  const method = clip(entry.method, SHORT_CHARS)
  const environment = entry.environment === null ? null : clip(entry.environment, SHORT_CHARS)
  let bytes = ENTRY_OVERHEAD_BYTES + 2 * (path.length + method.length + entry.vendor.length + (environment?.length ?? 0))
  const out: Bounded = { path, method, vendor: entry.vendor, environment, bytes: 0 }
  if (entry.reason !== undefined) {
    out.reason = clip(entry.reason, MAX_REASON_CHARS)
    bytes += 2 * out.reason.length
  }
  if (entry.meta !== undefined) {
    const budget: Budget = { left: MAX_META_CHARS, values: MAX_META_VALUES, bytes: 0 }
    out.meta = boundValue(entry.meta, 0, budget) as Record<string, unknown>
    bytes += budget.bytes
  }
  out.bytes = bytes
  return out
}
