// Rate limits, opt-in: a vendor that documents per-environment limits (ComplyCube: requests per
// second per account) declares them, and when the sandbox is asked to enforce them, a request
// over the limit of its window gets the vendor's 429. Windows are fixed, aligned on the sandbox
// clock (second N holds [N·perMs, (N+1)·perMs)), so a test with a frozen clock fills a window
// and steps past it by advancing the clock instead of waiting.
//
// The setting (enforced or not, and the limits enforcement applies) starts as the `rateLimits`
// option gave it and may be changed while the sandbox runs (`sandbox.rateLimits.set`,
// `POST /__sandbox/rate-limits`); reset puts the start-up setting back.

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

/** One vendor environment's limit, as `GET /__sandbox/rate-limits` lists it. */
export interface RateLimitEntry extends RateLimit {
  vendor: string
  /** As the journal names it: ComplyCube `sandbox`/`live`, CAF `prod`/…, a CA tenant. */
  environment: string
}

/** Whether limits are enforced, and the limits enforcement applies (whether or not it is on). */
export interface RateLimitSetting {
  enabled: boolean
  limits: RateLimitEntry[]
}

/** A change: `enabled` turns enforcement on or off; `limits`, when given, replaces the whole list. */
export interface RateLimitChange {
  enabled?: boolean
  limits?: RateLimitEntry[]
}

/** The setting, in process: `sandbox.rateLimits`. */
export interface RateLimits {
  get(): RateLimitSetting
  /**
   * Applies a change and answers the new setting; throws RateLimitError (changing nothing) when
   * it is not valid. Turning enforcement on or off starts every window afresh; otherwise only the
   * windows whose limit changed (or went) do, and a change that changes nothing keeps them all.
   */
  set(change: RateLimitChange): RateLimitSetting
}

export interface RateLimiter extends RateLimits {
  /** Whether limits are enforced (false: `take` is never needed). */
  readonly enabled: boolean
  /** Counts one request; false when it is over the limit of its window. */
  take(vendor: string, environment: string | null, nowMs: number): boolean
  /** Milliseconds from `nowMs` until the window of this vendor environment ends (0 when it has no limit). */
  waitMs(vendor: string, environment: string | null, nowMs: number): number
  /** Forgets every window's count. */
  clear(): void
  /** Back to the start-up setting, every window forgotten (reset). */
  restore(): void
}

export class RateLimitError extends Error {
  override name = 'RateLimitError'
}

export const RATE_LIMIT_BOUNDS = { requests: 1_000_000, perMs: 86_400_000, entries: 100, environment: 100 } as const

const LIMIT_RULE = `{ requests: 1–${RATE_LIMIT_BOUNDS.requests}, perMs: 1–${RATE_LIMIT_BOUNDS.perMs} }`

const inRange = (v: unknown, max: number): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= max

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

const checkLimit = (where: string, l: unknown): RateLimit | false => {
  if (l === false) return false
  const r = l as Partial<RateLimit> | null
  if (typeof r !== 'object' || r === null || !inRange(r.requests, RATE_LIMIT_BOUNDS.requests) || !inRange(r.perMs, RATE_LIMIT_BOUNDS.perMs)) {
    throw new RateLimitError(`${where} must be false or ${LIMIT_RULE}`)
  }
  return { requests: r.requests, perMs: r.perMs }
}


/** What the limiter knows of one vendor: the environments its requests run in, and its documented limits. */
export interface VendorLimits {
  /** As the journal names them (the vendor's store scopes: ComplyCube `sandbox`/`live`, CA's tenants). */
  environments: readonly string[]
  documented: Record<string, RateLimit>
}

/** Per vendor, per environment: nested maps, so no vendor and environment pair can pass for another. */
type Limits = Map<string, Map<string, RateLimit>>

const ENTRY_KEYS = new Set(['vendor', 'environment', 'requests', 'perMs'])

// C0, DEL and C1: an environment is a name, and the journal and dashboard print it.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/** The one-line reason `environment` is not one of `vendor`'s, or null when it is. */
function environmentProblem(vendors: Record<string, VendorLimits>, vendor: string, environment: unknown): string | null {
  if (typeof environment !== 'string' || environment === '' || environment.length > RATE_LIMIT_BOUNDS.environment) {
    return `must be a string of 1 to ${RATE_LIMIT_BOUNDS.environment} characters`
  }
  if (CONTROL.test(environment)) return 'must not hold control characters'
  const known = vendors[vendor]!.environments
  if (!known.includes(environment)) return `must be one of ${vendor}'s environments (${known.join(', ')}), not ${JSON.stringify(environment)}`
  return null
}

const setLimit = (limits: Limits, vendor: string, environment: string, limit: RateLimit) => {
  let envs = limits.get(vendor)
  if (!envs) limits.set(vendor, (envs = new Map()))
  envs.set(environment, limit)
}

const copyLimits = (limits: Limits): Limits => new Map([...limits].map(([vendor, envs]) => [vendor, new Map(envs)]))

const sameLimit = (a: RateLimit | undefined, b: RateLimit | undefined) => a !== undefined && b !== undefined && a.requests === b.requests && a.perMs === b.perMs

/** A `limits` list as a caller gave it, checked whole: the limits it stands for. */
function checkEntries(vendors: Record<string, VendorLimits>, list: unknown): Limits {
  if (!Array.isArray(list)) throw new RateLimitError("'limits' must be a list of { vendor, environment, requests, perMs }")
  if (list.length > RATE_LIMIT_BOUNDS.entries) throw new RateLimitError(`'limits' holds at most ${RATE_LIMIT_BOUNDS.entries} entries`)
  const names = Object.keys(vendors)
  const out: Limits = new Map()
  list.forEach((e: unknown, i) => {
    const at = `limits[${i}]`
    if (!isObject(e)) throw new RateLimitError(`${at} must be an object { vendor, environment, requests, perMs }`)
    const unknown = Object.keys(e).find((k) => !ENTRY_KEYS.has(k))
    if (unknown !== undefined) throw new RateLimitError(`${at} has an unknown field '${unknown.slice(0, 100)}'; it takes vendor, environment, requests, perMs`)
    if (typeof e.vendor !== 'string' || !names.includes(e.vendor)) {
      throw new RateLimitError(`${at}.vendor must be one of the vendors served: ${names.join(', ')}`)
    }
    const problem = environmentProblem(vendors, e.vendor, e.environment)
    if (problem !== null) throw new RateLimitError(`${at}.environment ${problem}`)
    const environment = e.environment as string
    if (!inRange(e.requests, RATE_LIMIT_BOUNDS.requests)) throw new RateLimitError(`${at}.requests must be an integer from 1 to ${RATE_LIMIT_BOUNDS.requests}`)
    if (!inRange(e.perMs, RATE_LIMIT_BOUNDS.perMs)) throw new RateLimitError(`${at}.perMs must be an integer from 1 to ${RATE_LIMIT_BOUNDS.perMs}`)
    if (out.get(e.vendor)?.has(environment)) throw new RateLimitError(`${at} repeats ${e.vendor} ${environment}; give each vendor and environment once`)
    setLimit(out, e.vendor, environment, { requests: e.requests, perMs: e.perMs })
  })
  return out
}

/**
 * The start-up setting: enforced when `option` is true or an object; the limits are the vendors'
 * documented ones with `option`'s overrides on top (an override may name an environment of the
 * vendor's it declares none for, or turn one off with false). Not enforced, the same documented
 * limits are what turning enforcement on applies.
 */
export function createRateLimiter(vendors: Record<string, VendorLimits>, option: RateLimitOption | undefined): RateLimiter {
  const initial: Limits = new Map()
  for (const [vendor, v] of Object.entries(vendors)) for (const [env, l] of Object.entries(v.documented)) setLimit(initial, vendor, env, l)
  if (typeof option === 'object' && option !== null) {
    for (const [vendor, envs] of Object.entries(option)) {
      if (!Object.prototype.hasOwnProperty.call(vendors, vendor)) throw new RateLimitError(`rateLimits: unknown vendor '${vendor}'`)
      if (typeof envs !== 'object' || envs === null) throw new RateLimitError(`rateLimits.${vendor} must map environments to limits`)
      for (const [env, l] of Object.entries(envs)) {
        const problem = environmentProblem(vendors, vendor, env)
        if (problem !== null) throw new RateLimitError(`rateLimits.${vendor}: each environment ${problem}`)
        const limit = checkLimit(`rateLimits.${vendor}.${env}`, l)
        if (limit) setLimit(initial, vendor, env, limit)
        else initial.get(vendor)?.delete(env)
      }
    }
  }
  const initiallyEnabled = Boolean(option)
  let enabled = initiallyEnabled
  let limits = copyLimits(initial)
  // Per vendor, per environment (null: a request no environment was known for): [window number, requests counted in it].
  const windows = new Map<string, Map<string | null, [number, number]>>()
  const limitOf = (vendor: string, environment: string | null) => (environment === null ? undefined : limits.get(vendor)?.get(environment))
  const get = (): RateLimitSetting => ({
    enabled,
    limits: [...limits].flatMap(([vendor, envs]) => [...envs].map(([environment, l]) => ({ vendor, environment, requests: l.requests, perMs: l.perMs }))),
  })
  return {
    get enabled() {
      return enabled
    },
    take(vendor, environment, nowMs) {
      const limit = limitOf(vendor, environment)
      if (!limit) return true
      const window = Math.floor(nowMs / limit.perMs)
      let counts = windows.get(vendor)
      if (!counts) windows.set(vendor, (counts = new Map()))
      const current = counts.get(environment)
      if (!current || current[0] !== window) {
        counts.set(environment, [window, 1])
        return true
      }
      if (current[1] >= limit.requests) return false
      current[1]++
      return true
    },
    waitMs(vendor, environment, nowMs) {
      const limit = limitOf(vendor, environment)
      return limit ? (Math.floor(nowMs / limit.perMs) + 1) * limit.perMs - nowMs : 0
    },
    get,
    set(change) {
      if (!isObject(change)) throw new RateLimitError('The change must be an object { enabled?, limits? }')
      const unknown = Object.keys(change).find((k) => k !== 'enabled' && k !== 'limits')
      if (unknown !== undefined) throw new RateLimitError(`Unknown field '${unknown.slice(0, 100)}'; a change takes enabled and limits`)
      if (change.enabled !== undefined && typeof change.enabled !== 'boolean') throw new RateLimitError("'enabled' must be true or false")
      // Checked whole before anything changes.
      const next = change.limits === undefined ? limits : checkEntries(vendors, change.limits)
      if (change.enabled !== undefined && change.enabled !== enabled) {
        // Enforcement turned on or off: what was counted before says nothing about the new span.
        windows.clear()
      } else {
        for (const [vendor, counts] of windows) {
          for (const environment of counts.keys()) {
            if (environment !== null && !sameLimit(limits.get(vendor)?.get(environment), next.get(vendor)?.get(environment))) counts.delete(environment)
          }
        }
      }
      if (change.enabled !== undefined) enabled = change.enabled
      limits = next
      return get()
    },
    clear: () => windows.clear(),
    restore() {
      enabled = initiallyEnabled
      limits = copyLimits(initial)
      windows.clear()
    },
  }
}
