// Fault and latency injection, and stubs, as WireMock offers them: the next N requests that
// match a rule are delayed, answered with an error status in the vendor's own error shape, have
// their connection dropped, or are answered with the rule's own body and headers (./stub-answer.ts).
// Rules are matched in the order they were added; each match uses up one of the rule's `times`.
// They are sandbox state that no restart keeps (not in snapshots) and `reset` clears.
import type { SandboxResponse } from './types.ts'
import { parseJsonBody } from './body.ts'
import { parseStubAnswer, StubError, stubResponse, stubStatus, type StubAnswer } from './stub-answer.ts'

export { STUB_LIMITS } from './stub-answer.ts'

/** How a rule's `path` is compared. */
export type PathMatch = 'contains' | 'exact' | 'prefix'
/** What `bodyEquals` may be: a JSON scalar. */
export type BodyScalar = string | number | boolean | null

/** What a caller asks for (admin API `POST /__sandbox/faults`, or `sandbox.faults.add`). */
export interface FaultRule {
  /** Only this vendor's requests (a registered vendor's name, checked when the rule is added); default any vendor. */
  vendor?: string
  /** Only this environment (as the journal names it: the vendor's environment or tenant; one the vendor has, checked when the rule is added). */
  environment?: string
  /** Only this method (one the sandbox serves: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS). `GET` matches HEAD requests too (HEAD is answered as its GET); `HEAD` only them. */
  method?: string
  /**
   * Only requests with this path. With `pathMatch` `contains` (the default) the request's whole
   * path contains it, as the journal's filter (`/v1/tokens`, `/bff/`); with `exact` or `prefix`
   * it is compared with the path below the vendor's base URL, as the vendor's contract names it
   * (`/tokens` for ComplyCube's `…/v1/tokens`), the same on both transports. Never the query string.
   */
  path?: string
  /** How `path` is compared (default `contains`). */
  pathMatch?: PathMatch
  /** Only requests whose JSON body has this field (`clientId`, or a dotted path `address.country`, `items.0.id`: into an array only by index)... */
  bodyField?: string
  /** ...equal to this (a string, number, boolean or null). */
  bodyEquals?: BodyScalar
  /** Only requests with this header (name case-insensitive)... */
  header?: string
  /** ...whose value is exactly this. */
  headerEquals?: string
  /** How many matching requests it applies to (default 1). */
  times?: number
  /**
   * Without a body: answer this status (400–599) in the vendor's error shape for it. With a
   * body: the stub's status (200–599 but 204, 205, 304; default 200).
   */
  status?: number
  /** Wait this long (real milliseconds) before answering: with a status or a body, before the answer. */
  delayMs?: number
  /** Close the connection without an answer (after the delay, if any). */
  drop?: boolean
  /** Headers to answer with: on a stub's answer, or on the vendor's error for `status`. */
  headers?: Record<string, string>
  /** A stub's body: any JSON value (content type `application/json` unless `contentType`). */
  json?: unknown
  /** A stub's body: text, sent as UTF-8 (content type `text/plain; charset=utf-8` unless `contentType`). */
  text?: string
  /** A stub's body: bytes, in standard base64 (content type `application/octet-stream` unless `contentType`). */
  base64?: string
  /** The content type of a stub's body. */
  contentType?: string
}

export interface Fault {
  id: string
  vendor: string | null
  environment: string | null
  method: string | null
  path: string | null
  pathMatch: PathMatch
  bodyField: string | null
  /** The value `bodyField` must equal; null too when there is no `bodyField`. */
  bodyEquals: BodyScalar
  /** Lower case. */
  header: string | null
  headerEquals: string | null
  /** Matching requests it still applies to. */
  remaining: number
  /** Requests it has applied to so far. */
  hits: number
  /** The status it answers (a stub's default 200 filled in); null when it only delays or drops. */
  status: number | null
  delayMs: number
  drop: boolean
  /** Headers it answers with (lower-case names); empty when none. */
  headers: Record<string, string>
  /** A stub's body, as given: at most one of `json`, `text`, `base64`. */
  json?: unknown
  text?: string
  base64?: string
  /** A stub's content type; null when the rule gives no body. */
  contentType: string | null
}

/** A request as rules see it. */
export interface FaultRequest {
  vendor: string
  environment: string | null
  /** As the client sent it (`HEAD`, though the sandbox answers it as its GET). */
  method: string
  /** The whole path, as the journal shows it. */
  path: string
  /** The path below the vendor's base URL (default: `path`). */
  subPath?: string
  /** Lower-case names (default: none). */
  headers?: Readonly<Record<string, string>>
  /** The parsed JSON body, undefined when none or not JSON: asked only when a rule compares a body field, so it may parse lazily (default: none). */
  body?: () => unknown
}

/** A rule as `take` hands it over: its fields as they were then (shared with the rule: read only), and the stub's prepared answer (null when it has none). */
export type TakenFault = Readonly<Fault> & { readonly answer: StubAnswer | null }

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
  take(request: FaultRequest): TakenFault | null
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

export const FAULT_LIMITS = { rules: 100, times: 10_000, delayMs: 60_000, path: 1_000, name: 100, value: 1_000 } as const

/** The methods a vendor request can have by the time rules are asked: a route's, HEAD (run as GET) and OPTIONS (a path the sandbox does not simulate). */
export const FAULT_METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']

/** What rules may name: the vendors, and each one's environments as the journal names them (null: any name). */
export type FaultTargets = Readonly<Record<string, readonly string[] | null>>

const KEYS = new Set([
  'vendor',
  'environment',
  'method',
  'path',
  'pathMatch',
  'bodyField',
  'bodyEquals',
  'header',
  'headerEquals',
  'times',
  'status',
  'delayMs',
  'drop',
  'headers',
  'json',
  'text',
  'base64',
  'contentType',
])
const PATH_MATCHES: readonly PathMatch[] = ['contains', 'exact', 'prefix']
/** RFC 9110 §5.6.2 `token`: a header name. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

function text(rule: Record<string, unknown>, key: string, max: number): string | null {
  const v = rule[key]
  if (v === undefined || v === null) return null
  if (typeof v !== 'string' || v === '' || v.length > max) throw new FaultError(`'${key}' must be a string of 1 to ${max} characters`)
  return v
}

function integer(rule: Record<string, unknown>, key: string, min: number, max: number, hint = ''): number | null {
  const v = rule[key]
  if (v === undefined || v === null) return null
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new FaultError(`'${key}' must be an integer from ${min} to ${max}${hint}`)
  return v
}

/** `bodyField`'s steps (`a.b.0` → a, b, 0), or null without one. */
function fieldPath(rule: Record<string, unknown>): string[] | null {
  const field = text(rule, 'bodyField', FAULT_LIMITS.path)
  const given = rule.bodyEquals !== undefined
  if (field === null) {
    if (given) throw new FaultError("'bodyEquals' needs 'bodyField', the field it compares")
    return null
  }
  const steps = field.split('.')
  if (steps.some((s) => s === '')) throw new FaultError("'bodyField' must be a field name or a dotted path such as address.country")
  if (!given) throw new FaultError("'bodyField' needs 'bodyEquals', the value the field must equal")
  const v = rule.bodyEquals
  const scalar = v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= FAULT_LIMITS.value)
  if (!scalar) throw new FaultError(`'bodyEquals' must be a string (at most ${FAULT_LIMITS.value} characters), a number, true, false or null`)
  return steps
}

/** `header` and `headerEquals`, checked together. */
function headerMatch(rule: Record<string, unknown>): [string, string] | null {
  const name = text(rule, 'header', FAULT_LIMITS.name)
  const given = rule.headerEquals !== undefined && rule.headerEquals !== null
  if (name === null) {
    if (given) throw new FaultError("'headerEquals' needs 'header', the header it compares")
    return null
  }
  if (!TOKEN.test(name)) throw new FaultError("'header' must be a header name (RFC 9110 token characters)")
  if (!given) throw new FaultError("'header' needs 'headerEquals', the value the header must equal")
  if (typeof rule.headerEquals !== 'string' || rule.headerEquals.length > FAULT_LIMITS.value) throw new FaultError(`'headerEquals' must be a string of at most ${FAULT_LIMITS.value} characters`)
  return [name.toLowerCase(), rule.headerEquals]
}

/** A rule as kept: its listing, and what matching and answering need prepared. */
interface Kept {
  fault: Fault
  steps: string[] | null
  answer: StubAnswer | null
}

/** Checks a rule as it came in (JSON from the admin API, or code) and makes it a Fault. */
export function parseFaultRule(input: unknown, targets: FaultTargets, id: string): Fault {
  return parseRule(input, targets, id).fault
}

/** At most this many names in a message listing the values a field may take. */
const listed = (names: readonly string[]) => (names.length > 20 ? `${names.slice(0, 20).join(', ')}, … (${names.length - 20} more)` : names.join(', '))

/** `environment`: one the vendor has (any vendor's, for a rule without one). */
function environmentOf(rule: Record<string, unknown>, vendor: string | null, targets: FaultTargets): string | null {
  const environment = text(rule, 'environment', FAULT_LIMITS.name)
  if (environment === null) return null
  const lists = vendor !== null ? [targets[vendor]!] : Object.values(targets)
  if (lists.includes(null)) return environment
  const known = [...new Set((lists as (readonly string[])[]).flat())]
  if (!known.includes(environment)) {
    throw new FaultError(`'environment' must be one of ${vendor === null ? "the vendors' environments" : `${vendor}'s environments`}: ${listed(known)}`)
  }
  return environment
}

function parseRule(input: unknown, targets: FaultTargets, id: string): Kept {
  const vendors = Object.keys(targets)
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new FaultError('A fault must be a JSON object')
  const rule = input as Record<string, unknown>
  for (const key of Object.keys(rule)) {
    if (!KEYS.has(key)) throw new FaultError(`Unknown field '${key.slice(0, FAULT_LIMITS.name)}'; a fault takes ${[...KEYS].join(', ')}`)
  }
  const vendor = text(rule, 'vendor', FAULT_LIMITS.name)
  if (vendor !== null && !vendors.includes(vendor)) throw new FaultError(`'vendor' must be one of ${vendors.join(', ')}`)
  const environment = environmentOf(rule, vendor, targets)
  const method = text(rule, 'method', 16)?.toUpperCase() ?? null
  if (method !== null && !FAULT_METHODS.includes(method)) throw new FaultError(`'method' must be one of ${FAULT_METHODS.join(', ')}`)
  const path = text(rule, 'path', FAULT_LIMITS.path)
  const pathMatch = rule.pathMatch ?? 'contains'
  if (!PATH_MATCHES.includes(pathMatch as PathMatch)) throw new FaultError(`'pathMatch' must be one of ${PATH_MATCHES.join(', ')}`)
  if (rule.pathMatch !== undefined && path === null) throw new FaultError("'pathMatch' needs 'path'")
  if (pathMatch !== 'contains' && !path!.startsWith('/')) throw new FaultError(`'path' must start with / to match '${pathMatch as string}' (the path below the vendor's base URL, such as /tokens)`)
  const steps = fieldPath(rule)
  const header = headerMatch(rule)
  let answer: StubAnswer | null
  let status: number | null = null
  try {
    answer = parseStubAnswer(rule)
    if (answer?.payload !== undefined) status = stubStatus(rule.status)
  } catch (err) {
    if (err instanceof StubError) throw new FaultError(err.message)
    throw err
  }
  const body = answer?.payload !== undefined
  if (!body) status = integer(rule, 'status', 400, 599, " (a status without a body answers in the vendor's error shape; with 'json', 'text' or 'base64' it may be 200–599)")
  const delayMs = integer(rule, 'delayMs', 0, FAULT_LIMITS.delayMs) ?? 0
  if (rule.drop !== undefined && typeof rule.drop !== 'boolean') throw new FaultError("'drop' must be true or false")
  const drop = rule.drop === true
  if (drop && body) throw new FaultError('A fault either answers a body or drops the connection, not both')
  if (drop && status !== null) throw new FaultError("A fault either answers a 'status' or drops the connection, not both")
  if (answer !== null && !body && status === null) throw new FaultError("'headers' need a 'status' (the vendor's error for it) or a body ('json', 'text' or 'base64')")
  if (status === null && !drop && delayMs === 0) throw new FaultError("A fault needs a 'status', a 'delayMs' or 'drop': true, or a body ('json', 'text' or 'base64')")
  const fault: Fault = {
    id,
    vendor,
    environment,
    method,
    path,
    pathMatch: pathMatch as PathMatch,
    bodyField: steps === null ? null : (rule.bodyField as string),
    bodyEquals: steps === null ? null : (rule.bodyEquals as BodyScalar),
    header: header === null ? null : header[0],
    headerEquals: header === null ? null : header[1],
    remaining: integer(rule, 'times', 1, FAULT_LIMITS.times) ?? 1,
    hits: 0,
    status,
    delayMs,
    drop,
    headers: answer?.headers ?? {},
    ...(answer !== null && 'json' in answer ? { json: answer.json } : {}),
    ...(answer?.text !== undefined ? { text: answer.text } : {}),
    ...(answer?.base64 !== undefined ? { base64: answer.base64 } : {}),
    contentType: answer?.contentType ?? null,
  }
  return { fault, steps, answer }
}

/** An array index as a dotted path spells it: `0`, `12`, not `01`, `-1` or `length`. */
const INDEX = /^(?:0|[1-9][0-9]*)$/

/** The value at `steps` in a parsed JSON body (an object's own properties; an array's items by index only), or undefined. */
function fieldAt(body: unknown, steps: readonly string[]): unknown {
  let at = body
  for (const step of steps) {
    if (typeof at !== 'object' || at === null) return undefined
    if (Array.isArray(at)) {
      if (!INDEX.test(step) || Number(step) >= at.length) return undefined
    } else if (!Object.prototype.hasOwnProperty.call(at, step)) return undefined
    at = (at as Record<string, unknown>)[step]
  }
  return at
}

/** Whether a kept rule applies to a request. */
function matches(k: Kept, request: FaultRequest): boolean {
  const r = k.fault
  if (r.vendor !== null && r.vendor !== request.vendor) return false
  if (r.environment !== null && r.environment !== request.environment) return false
  // HEAD is answered as its GET, so a GET rule applies to it too; a HEAD rule only to HEAD.
  if (r.method !== null && r.method !== request.method && !(r.method === 'GET' && request.method === 'HEAD')) return false
  if (r.path !== null) {
    if (r.pathMatch === 'contains') {
      if (!request.path.includes(r.path)) return false
    } else {
      const sub = request.subPath ?? request.path
      if (r.pathMatch === 'exact' ? sub !== r.path : !sub.startsWith(r.path)) return false
    }
  }
  if (r.header !== null && request.headers?.[r.header] !== r.headerEquals) return false
  if (k.steps !== null) {
    const body = request.body?.()
    if (body === undefined || fieldAt(body, k.steps) !== r.bodyEquals) return false
  }
  return true
}

/**
 * The sandbox's rules. `targets` names the vendors and their environments (a function, for a
 * sandbox whose mounts are built after its faults: asked when a rule is added); a bare list of
 * vendors takes any environment name.
 */
export function createFaults(targets: readonly string[] | (() => FaultTargets)): Faults {
  const known: () => FaultTargets = typeof targets === 'function' ? targets : () => Object.fromEntries(targets.map((v) => [v, null]))
  let rules: Kept[] = []
  let counter = 0
  // The delays in progress, each ended by its timer or by cancelDelays.
  const delays = new Set<(elapsed: boolean) => void>()
  // A copy a caller may change without changing the rule (`json` is copied only when there is one).
  // (Its depth is bounded when the rule is added: stub-answer.ts.)
  const copy = (f: Fault): Fault => ({ ...f, headers: { ...f.headers }, ...('json' in f ? { json: structuredClone(f.json) } : {}) })
  return {
    add(rule) {
      if (rules.length >= FAULT_LIMITS.rules) throw new FaultError(`At most ${FAULT_LIMITS.rules} faults at once; clear some first`)
      const kept = parseRule(rule, known(), `fault_${counter + 1}`)
      // Copied before it is kept: a rule whose copy fails is not in force. Only an accepted rule takes an id.
      const added = copy(kept.fault)
      counter++
      rules.push(kept)
      return added
    },
    list: () => rules.map((k) => copy(k.fault)),
    remove(id) {
      const before = rules.length
      rules = rules.filter((k) => k.fault.id !== id)
      return rules.length !== before
    },
    clear() {
      rules = []
    },
    size: () => rules.length,
    take(request) {
      if (rules.length === 0) return null
      const k = rules.find((r) => matches(r, request))
      if (!k) return null
      const f = k.fault
      f.hits++
      if (--f.remaining === 0) rules = rules.filter((r) => r !== k)
      // A shallow copy: no deep clone of a stub's JSON on the request path (TakenFault is read-only).
      return { ...f, answer: k.answer }
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
  req: { method: string; url: URL; headers: Readonly<Record<string, string>>; joinedHeaders?: Readonly<Record<string, string>>; body: Uint8Array | null }
  /** The method as the client sent it (`req.method` is GET for a HEAD request). */
  requestMethod: string
  /** The path below the vendor's base URL. */
  subPath: string
  /** The parsed JSON body when the route takes JSON (the core parsed it), undefined otherwise. */
  body: unknown
  /** Set to the id of the rule that applied: the journal entry's `fault`. */
  fault: string | undefined
  refuse(reason: string): void
  meta(facts: Record<string, unknown>): void
}

/**
 * The request's JSON body for rules that compare a field, parsed at most once and only when one
 * asks: the core's parse when the route takes JSON; otherwise (a route that reads its own body,
 * as CA's) the bytes the core read and size-checked, through the core's parser (well-formedness
 * included), as JSON unless the request declares another content type. Not JSON: undefined.
 */
function jsonBody(ctx: FaultContext): () => unknown {
  let parsed = ctx.body
  let done = parsed !== undefined || ctx.req.body === null
  return () => {
    if (!done) {
      done = true
      // The body passed the route's size limit before any fault was taken (dispatch's checkBody).
      const read = parseJsonBody(ctx.req.body, ctx.req.headers['content-type'] ?? 'application/json', Number.MAX_SAFE_INTEGER)
      parsed = read.ok ? read.value : undefined
    }
    return parsed
  }
}

/**
 * Applies the first matching fault to a request the vendor was about to answer (routed,
 * authenticated, its body read and parsed): its answer (a stub's, an error in the vendor's shape,
 * or a dropped connection), or null to answer as usual (after the delay, if the fault had one).
 * Noted in the journal either way.
 */
export async function injectFault(faults: Faults, ctx: FaultContext): Promise<SandboxResponse | null> {
  const req = ctx.req
  const fault = faults.take({
    vendor: ctx.service.name,
    environment: ctx.environment,
    method: ctx.requestMethod,
    path: req.url.pathname,
    subPath: ctx.subPath,
    headers: req.joinedHeaders ?? req.headers,
    body: jsonBody(ctx),
  })
  if (!fault) return null
  ctx.fault = fault.id
  ctx.meta({ fault: fault.id })
  if (fault.delayMs > 0 && !(await faults.wait(fault.delayMs))) {
    ctx.refuse(`fault ${fault.id}: delay cancelled (the sandbox closed); connection dropped`)
    return { status: 0, headers: {}, drop: true }
  }
  if (fault.drop) {
    ctx.refuse(`fault ${fault.id}: connection dropped`)
    return { status: 0, headers: {}, drop: true }
  }
  if (fault.status === null) return null
  const stub = fault.answer !== null && fault.answer.payload !== undefined
  // The reason header says who answered: a stub's body is the rule's, not the vendor's.
  ctx.refuse(stub ? `fault ${fault.id}: stub answer, status ${fault.status}` : `fault ${fault.id}: status ${fault.status}`)
  if (fault.answer === null) return ctx.service.errors.forStatus(fault.status)
  return stubResponse(fault.answer, fault.status, stub ? null : ctx.service.errors.forStatus(fault.status))
}
