// Rate limits, opt-in: a vendor that documents per-environment limits (ComplyCube: requests per
// second per account) declares them, and when the sandbox is asked to enforce them, a request
// over the limit of its window gets the vendor's 429. Windows are fixed, aligned on the sandbox
// clock (second N holds [N·perMs, (N+1)·perMs)), so a test with a frozen clock fills a window
// and steps past it by advancing the clock instead of waiting.

export interface RateLimit {
  /** Requests allowed in each window. */
  requests: number
  /** The window, in milliseconds of sandbox time. */
  perMs: number
}

/** Per vendor, per environment: a limit, or false for none. */
export type RateLimitOverrides = Record<string, Record<string, RateLimit | false>>

/** `true` enforces every vendor's documented limits; an object does too, with its overrides. */
export type RateLimitOption = boolean | RateLimitOverrides

export interface RateLimiter {
  /** Whether any limit is enforced (false: `take` is never needed). */
  readonly enabled: boolean
  /** Counts one request; false when it is over the limit of its window. */
  take(vendor: string, environment: string | null, nowMs: number): boolean
  /** The limits in force, per vendor and environment. */
  limits(): RateLimitOverrides
  /** Forgets every window's count (reset). */
  clear(): void
}

export class RateLimitError extends Error {
  override name = 'RateLimitError'
}

const checkLimit = (where: string, l: unknown): RateLimit | false => {
  if (l === false) return false
  const r = l as Partial<RateLimit> | null
  if (
    typeof r !== 'object' ||
    r === null ||
    !Number.isInteger(r.requests) ||
    r.requests! < 1 ||
    r.requests! > 1_000_000 ||
    !Number.isInteger(r.perMs) ||
    r.perMs! < 1 ||
    r.perMs! > 86_400_000
  ) {
    throw new RateLimitError(`${where} must be false or { requests: 1–1000000, perMs: 1–86400000 }`)
  }
  return { requests: r.requests!, perMs: r.perMs! }
}

/**
 * The limits in force: none when `option` is false or absent; the vendors' documented ones when
 * true; those with `option`'s overrides on top (an override may name an environment the vendor
 * declares none for, or turn one off with false).
 */
export function createRateLimiter(documented: RateLimitOverrides, option: RateLimitOption | undefined): RateLimiter {
  const limits = new Map<string, RateLimit>()
  if (option) {
    for (const [vendor, envs] of Object.entries(documented)) for (const [env, l] of Object.entries(envs)) if (l) limits.set(`${vendor}\0${env}`, l)
    if (typeof option === 'object') {
      for (const [vendor, envs] of Object.entries(option)) {
        if (!Object.prototype.hasOwnProperty.call(documented, vendor)) throw new RateLimitError(`rateLimits: unknown vendor '${vendor}'`)
        if (typeof envs !== 'object' || envs === null) throw new RateLimitError(`rateLimits.${vendor} must map environments to limits`)
        for (const [env, l] of Object.entries(envs)) {
          const limit = checkLimit(`rateLimits.${vendor}.${env}`, l)
          if (limit) limits.set(`${vendor}\0${env}`, limit)
          else limits.delete(`${vendor}\0${env}`)
        }
      }
    }
  }
  // key → [window number, requests counted in it]
  const windows = new Map<string, [number, number]>()
  return {
    enabled: limits.size > 0,
    take(vendor, environment, nowMs) {
      const key = `${vendor}\0${environment}`
      const limit = limits.get(key)
      if (!limit) return true
      const window = Math.floor(nowMs / limit.perMs)
      const current = windows.get(key)
      if (!current || current[0] !== window) {
        windows.set(key, [window, 1])
        return true
      }
      if (current[1] >= limit.requests) return false
      current[1]++
      return true
    },
    limits() {
      const out: RateLimitOverrides = {}
      for (const [key, l] of limits) {
        const [vendor, env] = key.split('\0') as [string, string]
        ;(out[vendor] ??= {})[env] = { ...l }
      }
      return out
    },
    clear: () => windows.clear(),
  }
}
