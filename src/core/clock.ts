// The sandbox clock: every "now" in the sandbox comes from here, so expiry can be tested
// instantly by freezing and advancing it instead of waiting.

export interface ClockState {
  now: string
  epochMs: number
  frozen: boolean
  offsetMs: number
}

export interface Clock {
  /** Milliseconds since the epoch, as the sandbox sees it. */
  now(): number
  /** Seconds since the epoch (JWT `iat`/`exp` unit). */
  nowSeconds(): number
  /** Stop time at `atMs` (default: the current sandbox time). Throws RangeError beyond ±MAX_CLOCK_MS. */
  freeze(atMs?: number): void
  /** Let time run again from the current sandbox time. */
  unfreeze(): void
  /** Move sandbox time forward (or back, with a negative value) by `ms`. Throws RangeError beyond ±MAX_CLOCK_MS. */
  advance(ms: number): void
  /** Back to real time: not frozen, no offset. */
  reset(): void
  state(): ClockState
}

/** The range a JavaScript Date can hold (±100,000,000 days around the epoch). */
export const MAX_EPOCH_MS = 8.64e15

/**
 * The longest lifetime a token issued by the sandbox itself can have (CAF session tokens and CA
 * tenants' tokens are capped to it; ComplyCube's last an hour).
 */
export const MAX_TOKEN_LIFETIME_MS = 7 * 86_400_000

/**
 * How far from the epoch sandbox time may go: a token issued at either end still has an `exp` a
 * Date can hold, so no answer has to format a date that cannot exist.
 */
export const MAX_CLOCK_MS = MAX_EPOCH_MS - MAX_TOKEN_LIFETIME_MS

/** Longest duration `parseDuration` reads: from one end of the clock's range to the other. */
export const MAX_DURATION_MS = 2 * MAX_CLOCK_MS

function checkInstant(ms: number): number {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_CLOCK_MS) {
    throw new RangeError(`sandbox time must stay within ±${MAX_CLOCK_MS} ms of the epoch (${new Date(-MAX_CLOCK_MS).toISOString()} to ${new Date(MAX_CLOCK_MS).toISOString()})`)
  }
  return ms
}

export function createClock(realNow: () => number = Date.now): Clock {
  let frozenAt: number | null = null
  let offset = 0

  const now = () => (frozenAt ?? realNow() + offset)

  return {
    now,
    nowSeconds: () => Math.floor(now() / 1000),
    freeze(atMs) {
      frozenAt = checkInstant(atMs ?? now())
    },
    unfreeze() {
      if (frozenAt === null) return
      offset = frozenAt - realNow()
      frozenAt = null
    },
    advance(ms) {
      checkInstant(now() + ms)
      if (frozenAt !== null) frozenAt += ms
      else offset += ms
    },
    reset() {
      frozenAt = null
      offset = 0
    },
    state() {
      const epochMs = now()
      return { now: new Date(epochMs).toISOString(), epochMs, frozen: frozenAt !== null, offsetMs: epochMs - realNow() }
    },
  }
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/**
 * Parses a duration such as `90`, `90s`, `5m`, `1h`, `250ms`, `-2.5h` (a bare number is seconds;
 * spaces around the number and unit are allowed). Null when it is not one, or when it is longer
 * than MAX_DURATION_MS either way. One pass over the input, no regex: a regex with `\s*` on both
 * sides of an optional unit backtracks quadratically over a run of spaces.
 */
export function parseDuration(input: string | number): number | null {
  const ms = typeof input === 'number' ? (Number.isFinite(input) ? input * 1000 : Number.NaN) : parseDurationText(input)
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DURATION_MS ? ms : null
}

const isDigit = (c: number) => c >= 48 && c <= 57

function parseDurationText(input: string): number {
  const text = input.trim()
  let i = text.charCodeAt(0) === 45 ? 1 : 0 // '-'
  const digitsFrom = i
  while (isDigit(text.charCodeAt(i))) i++
  if (i === digitsFrom) return Number.NaN
  if (text.charCodeAt(i) === 46) { // '.' needs digits after it
    const fractionFrom = ++i
    while (isDigit(text.charCodeAt(i))) i++
    if (i === fractionFrom) return Number.NaN
  }
  const unit = text.slice(i).trimStart() || 's'
  return Object.hasOwn(UNIT_MS, unit) ? Number(text.slice(0, i)) * UNIT_MS[unit]! : Number.NaN
}
