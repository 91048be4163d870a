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
  /** Stop time at `atMs` (default: the current sandbox time). Throws RangeError outside a Date's range. */
  freeze(atMs?: number): void
  /** Let time run again from the current sandbox time. */
  unfreeze(): void
  /** Move sandbox time forward (or back, with a negative value) by `ms`. Throws RangeError outside a Date's range. */
  advance(ms: number): void
  /** Back to real time: not frozen, no offset. */
  reset(): void
  state(): ClockState
}

/** The range a JavaScript Date can hold; sandbox time never leaves it. */
export const MAX_EPOCH_MS = 8.64e15

function checkInstant(ms: number): number {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_EPOCH_MS) {
    throw new RangeError(`sandbox time must stay within ±${MAX_EPOCH_MS} ms of the epoch`)
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

/** Parses a duration such as `90`, `90s`, `5m`, `1h`, `250ms` (a bare number is seconds). */
export function parseDuration(input: string | number): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input * 1000 : null
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(input)
  if (!match) return null
  return Number(match[1]) * UNIT_MS[match[2] ?? 's']!
}
