// Fault and latency injection, as WireMock offers it: the next N requests that match a rule are
// delayed, answered with an error status in the vendor's own error shape, or have their
// connection dropped, so an integration's retries and timeouts can be tested. Rules are
// matched in the order they were added; each match uses up one of the rule's `times`. They
// are sandbox state that no restart keeps (not in snapshots) and `reset` clears.
import type { SandboxResponse } from './types.ts'

/** What a caller asks for (admin API `POST /__sandbox/faults`, or `sandbox.faults.add`). */
export interface FaultRule {
  /** Only this vendor's requests (a registered vendor's name, checked when the rule is added); default any vendor. */
  vendor?: string
  /** Only this environment (as the journal names it: the vendor's environment or tenant). */
  environment?: string
  /** Only this method. */
  method?: string
  /** Only requests whose path contains this (`/v1/tokens`, `/bff/`), as the journal's filter. */
  path?: string
  /** How many matching requests it applies to (default 1). */
  times?: number
  /** Answer with this status (400–599), in the vendor's error shape for it. */
  status?: number
  /** Wait this long (real milliseconds) before answering: with a status, before the error. */
  delayMs?: number
  /** Close the connection without an answer (after the delay, if any). */
  drop?: boolean
}

export interface Fault {
  id: string
  vendor: string | null
  environment: string | null
  method: string | null
  path: string | null
  /** Matching requests it still applies to. */
  remaining: number
  /** Requests it has applied to so far. */
  hits: number
  status: number | null
  delayMs: number
  drop: boolean
}

export interface Faults {
  /** Adds a rule; throws FaultError when it is not valid. */
  add(rule: FaultRule): Fault
  /** The rules still in force, oldest first. */
  list(): Fault[]
  /** Removes one rule; false when there was none by that id. */
  remove(id: string): boolean
  clear(): void
  /** How many rules are in force. */
  size(): number
  /** The first rule in force that matches, with one use taken; null when none (and cheap when there are none). */
  take(request: { vendor: string; environment: string | null; method: string; path: string }): Fault | null
  /** A fault's delay: resolves true after `ms`, or false as soon as `cancelDelays` ends it. */
  wait(ms: number): Promise<boolean>
  /**
   * Ends every delay in progress now: those requests get no answer (a dropped connection) and
   * their handlers never run. Closing the sandbox or a server over it does this, so no delay
   * outlives them (and no timer keeps the process alive).
   */
  cancelDelays(): void
}

export class FaultError extends Error {
  override name = 'FaultError'
}

export const FAULT_LIMITS = { rules: 100, times: 10_000, delayMs: 60_000, path: 1_000, name: 100 } as const

const KEYS = new Set(['vendor', 'environment', 'method', 'path', 'times', 'status', 'delayMs', 'drop'])

function text(rule: Record<string, unknown>, key: string, max: number): string | null {
  const v = rule[key]
  if (v === undefined || v === null) return null
  if (typeof v !== 'string' || v === '' || v.length > max) throw new FaultError(`'${key}' must be a string of 1 to ${max} characters`)
  return v
}

function integer(rule: Record<string, unknown>, key: string, min: number, max: number): number | null {
  const v = rule[key]
  if (v === undefined || v === null) return null
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new FaultError(`'${key}' must be an integer from ${min} to ${max}`)
  return v
}

/** Checks a rule as it came in (JSON from the admin API, or code) and makes it a Fault. */
export function parseFaultRule(input: unknown, vendors: readonly string[], id: string): Fault {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new FaultError('A fault must be a JSON object')
  const rule = input as Record<string, unknown>
  for (const key of Object.keys(rule)) {
    if (!KEYS.has(key)) throw new FaultError(`Unknown field '${key.slice(0, FAULT_LIMITS.name)}'; a fault takes ${[...KEYS].join(', ')}`)
  }
  const vendor = text(rule, 'vendor', FAULT_LIMITS.name)
  if (vendor !== null && !vendors.includes(vendor)) throw new FaultError(`'vendor' must be one of ${vendors.join(', ')}`)
  const method = text(rule, 'method', 16)
  if (method !== null && !/^[A-Za-z]+$/.test(method)) throw new FaultError("'method' must be an HTTP method such as POST")
  const status = integer(rule, 'status', 400, 599)
  const delayMs = integer(rule, 'delayMs', 0, FAULT_LIMITS.delayMs) ?? 0
  if (rule.drop !== undefined && typeof rule.drop !== 'boolean') throw new FaultError("'drop' must be true or false")
  const drop = rule.drop === true
  if (drop && status !== null) throw new FaultError("A fault either answers a 'status' or drops the connection, not both")
  if (status === null && !drop && delayMs === 0) throw new FaultError("A fault needs a 'status', a 'delayMs' or 'drop': true")
  return {
    id,
    vendor,
    environment: text(rule, 'environment', FAULT_LIMITS.name),
    method: method === null ? null : method.toUpperCase(),
    path: text(rule, 'path', FAULT_LIMITS.path),
    remaining: integer(rule, 'times', 1, FAULT_LIMITS.times) ?? 1,
    hits: 0,
    status,
    delayMs,
    drop,
  }
}

export function createFaults(vendors: readonly string[]): Faults {
  let rules: Fault[] = []
  let counter = 0
  // The delays in progress, each ended by its timer or by cancelDelays.
  const delays = new Set<(elapsed: boolean) => void>()
  const copy = (f: Fault): Fault => ({ ...f })
  return {
    add(rule) {
      if (rules.length >= FAULT_LIMITS.rules) throw new FaultError(`At most ${FAULT_LIMITS.rules} faults at once; clear some first`)
      const fault = parseFaultRule(rule, vendors, `fault_${++counter}`)
      rules.push(fault)
      return copy(fault)
    },
    list: () => rules.map(copy),
    remove(id) {
      const before = rules.length
      rules = rules.filter((f) => f.id !== id)
      return rules.length !== before
    },
    clear() {
      rules = []
    },
    size: () => rules.length,
    take(request) {
      if (rules.length === 0) return null
      const f = rules.find(
        (r) =>
          (r.vendor === null || r.vendor === request.vendor) &&
          (r.environment === null || r.environment === request.environment) &&
          (r.method === null || r.method === request.method) &&
          (r.path === null || request.path.includes(r.path)),
      )
      if (!f) return null
      f.hits++
      if (--f.remaining === 0) rules = rules.filter((r) => r !== f)
      return copy(f)
    },
    wait(ms) {
      return new Promise<boolean>((resolve) => {
        const end = (elapsed: boolean) => {
          clearTimeout(timer)
          delays.delete(end)
          resolve(elapsed)
        }
        const timer = setTimeout(end, ms, true)
        delays.add(end)
      })
    },
    cancelDelays() {
      for (const end of [...delays]) end(false)
    },
  }
}

/** What applying a fault needs of a request's context. */
interface FaultContext {
  service: { name: string; errors: { forStatus(status: number): SandboxResponse } }
  environment: string | null
  req: { method: string; url: URL }
  refuse(reason: string): void
  meta(facts: Record<string, unknown>): void
}

/**
 * Applies the first matching fault to a request the vendor was about to answer: its answer (an
 * error in the vendor's shape, or a dropped connection), or null to answer as usual (after the
 * delay, if the fault had one). Noted in the journal either way.
 */
export async function injectFault(faults: Faults, ctx: FaultContext): Promise<SandboxResponse | null> {
  const fault = faults.take({ vendor: ctx.service.name, environment: ctx.environment, method: ctx.req.method, path: ctx.req.url.pathname })
  if (!fault) return null
  ctx.meta({ fault: fault.id })
  if (fault.delayMs > 0 && !(await faults.wait(fault.delayMs))) {
    ctx.refuse(`fault ${fault.id}: delay cancelled (the sandbox closed); connection dropped`)
    return { status: 0, headers: {}, drop: true }
  }
  if (fault.drop) {
    ctx.refuse(`fault ${fault.id}: connection dropped`)
    return { status: 0, headers: {}, drop: true }
  }
  if (fault.status !== null) {
    ctx.refuse(`fault ${fault.id}: status ${fault.status}`)
    return ctx.service.errors.forStatus(fault.status)
  }
  return null
}
