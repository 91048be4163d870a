// The sandbox surface under /__sandbox: health, reset, clock, the request journal. Every
// handler calls the same in-process methods `createSandbox` returns, so HTTP and in-process
// callers see one behaviour.
import { MAX_CLOCK_MS, parseDuration } from '../core/clock.ts'
import { json, isRecord, own, text } from '../core/http.ts'
import type { JournalFilter } from '../core/journal.ts'
import { FaultError, type FaultRule } from '../core/faults.ts'
import { RateLimitError, type RateLimitChange } from '../core/rate-limits.ts'
import type { Route, RouteContext } from '../core/service.ts'
import type { AdminBody } from './bodies.ts'
import { dashboard } from './dashboard.ts'
import { loadContract } from './contracts.ts'
import { adminError, badRequest } from './errors.ts'
import type { SandboxAdmin } from './methods.ts'

type Ctx = RouteContext<SandboxAdmin>

const bodyObject = (ctx: Ctx): Record<string, unknown> | null =>
  ctx.body === undefined ? {} : isRecord(ctx.body) ? ctx.body : null

const faultList = (ctx: Ctx) => json(200, { faults: ctx.state.faults.list() } satisfies { faults: AdminBody['Fault'][] })

const DURATION = 'a duration such as "61m", "90s", "2h" or a number of seconds'

/** Every clock route answers the clock as it now is: the contract's `ClockState`. */
const clockState = (ctx: Ctx) => json(200, ctx.state.clock.state() satisfies AdminBody['ClockState'])

// An ISO 8601 date, with an optional time and offset. Fixed-width parts between literals: linear.
// Without it Date.parse reads "0" as 2000-01-01 and "123" as the year 123, in local time.
const ISO_DATE = /^[+-]?\d{4,6}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/i

/** Epoch ms from a number or an ISO 8601 string, within the clock's range; null otherwise. */
function parseInstant(value: unknown): number | null {
  let ms = Number.NaN
  if (typeof value === 'number') ms = value
  else if (typeof value === 'string' && value.length <= 64 && ISO_DATE.test(value.trim())) ms = Date.parse(value.trim())
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_CLOCK_MS ? ms : null
}

/** What one `GET /__sandbox/requests` answer holds at most (estimated); see `truncated`. */
export const MAX_REQUESTS_ANSWER_BYTES = 1024 * 1024

function parseFilter(q: URLSearchParams, capacity: number): JournalFilter | string {
  const filter: JournalFilter = {}
  for (const key of ['vendor', 'environment', 'path', 'method', 'fault'] as const) {
    const v = q.get(key)
    if (v) filter[key] = v
  }
  for (const key of ['status', 'since', 'before', 'limit'] as const) {
    const v = q.get(key)
    if (v === null || v === '') continue
    // Digits only, and few of them: Number() of a long digit string is still exact enough.
    if (v.length > 16 || !/^\d+$/.test(v)) return `'${key}' must be a non-negative integer`
    filter[key] = Number(v)
  }
  // The journal holds no more than its capacity: a larger limit asks for everything.
  if (filter.limit !== undefined) filter.limit = Math.min(filter.limit, capacity)
  filter.maxBytes = MAX_REQUESTS_ANSWER_BYTES
  return filter
}

export const adminRoutes: Route<SandboxAdmin>[] = [
  { method: 'GET', path: '/', handler: () => dashboard() },
  { method: 'GET', path: '/health', handler: (ctx) => json(200, ctx.state.health() satisfies AdminBody['Health']) },
  { method: 'GET', path: '/vendors', handler: (ctx) => json(200, { vendors: ctx.state.vendors() } satisfies AdminBody['VendorList']) },
  { method: 'GET', path: '/tokens', handler: (ctx) => json(200, { tokens: ctx.state.tokens() } satisfies AdminBody['TokenList']) },
  {
    method: 'POST',
    path: '/reset',
    body: 'none',
    handler: (ctx) => {
      ctx.state.reset()
      return json(200, ctx.state.health() satisfies AdminBody['Health'])
    },
  },
  { method: 'GET', path: '/clock', handler: (ctx) => clockState(ctx) },
  {
    method: 'POST',
    path: '/clock/freeze',
    handler: (ctx) => {
      const body = bodyObject(ctx)
      if (!body) return badRequest('The body must be a JSON object')
      const at = own(body, 'at')
      if (at === undefined) ctx.state.clock.freeze()
      else {
        const ms = parseInstant(at)
        if (typeof at === 'number' && (!Number.isFinite(at) || Math.abs(at) > MAX_CLOCK_MS)) {
          return badRequest(`'at' is out of range: at most ${MAX_CLOCK_MS} ms from the epoch`)
        }
        if (ms === null) return badRequest(`'at' must be an ISO 8601 date or epoch milliseconds, within ±${MAX_CLOCK_MS} ms of the epoch`)
        ctx.state.clock.freeze(ms)
      }
      return clockState(ctx)
    },
  },
  {
    method: 'POST',
    path: '/clock/unfreeze',
    body: 'none',
    handler: (ctx) => {
      ctx.state.clock.unfreeze()
      return clockState(ctx)
    },
  },
  {
    method: 'POST',
    path: '/clock/advance',
    handler: (ctx) => {
      const body = bodyObject(ctx)
      if (!body) return badRequest('The body must be a JSON object')
      const by = own(body, 'by')
      if (by === undefined || by === null) return badRequest(`'by' is required: ${DURATION}`)
      const ms = typeof by === 'string' || typeof by === 'number' ? parseDuration(by) : null
      // JSON.parse reads 1e999 as Infinity, which parseDuration refuses: a number, but out of range.
      if (typeof by === 'number' && !Number.isFinite(by)) return badRequest("'by' is out of range: the number is too large")
      if (ms === null) return badRequest(`'by' must be ${DURATION} (out of range beyond ±${MAX_CLOCK_MS} ms)`)
      try {
        ctx.state.clock.advance(ms)
      } catch (err) {
        if (err instanceof RangeError) return badRequest(`'by' moves the clock out of range: ${err.message}`)
        throw err
      }
      return clockState(ctx)
    },
  },
  {
    method: 'POST',
    path: '/clock/reset',
    body: 'none',
    handler: (ctx) => {
      ctx.state.clock.reset()
      return clockState(ctx)
    },
  },
  // The rate-limit setting: read it; turn enforcement on or off, or replace the limits.
  { method: 'GET', path: '/rate-limits', handler: (ctx) => json(200, ctx.state.rateLimits.get() satisfies AdminBody['RateLimitSetting']) },
  {
    method: 'POST',
    path: '/rate-limits',
    unsaved: true,
    handler: (ctx) => {
      const body = bodyObject(ctx)
      if (!body) return badRequest('The body must be a JSON object { enabled?, limits? }')
      try {
        return json(200, ctx.state.rateLimits.set(body as RateLimitChange) satisfies AdminBody['RateLimitSetting'])
      } catch (err) {
        if (err instanceof RateLimitError) return badRequest(err.message)
        throw err
      }
    },
  },
  {
    method: 'GET',
    path: '/requests',
    handler: (ctx) => {
      const filter = parseFilter(ctx.query, ctx.state.health().journal.capacity)
      if (typeof filter === 'string') return badRequest(filter)
      const { entries, truncated } = ctx.state.requestPage(filter)
      const body: AdminBody['RequestList'] = truncated ? { requests: entries, truncated } : { requests: entries }
      return json(200, body)
    },
  },
  { method: 'GET', path: '/faults', handler: (ctx) => faultList(ctx) },
  {
    method: 'POST',
    path: '/faults',
    unsaved: true,
    handler: (ctx) => {
      try {
        return json(201, ctx.state.faults.add(ctx.body as FaultRule) satisfies AdminBody['Fault'])
      } catch (err) {
        if (err instanceof FaultError) return badRequest(err.message)
        throw err
      }
    },
  },
  {
    method: 'POST',
    path: '/faults/clear',
    unsaved: true,
    body: 'none',
    handler: (ctx) => {
      ctx.state.faults.clear()
      return faultList(ctx)
    },
  },
  {
    method: 'POST',
    path: '/faults/:id/remove',
    unsaved: true,
    body: 'none',
    handler: (ctx) => {
      if (!ctx.state.faults.remove(ctx.params.id!)) return adminError(404, 'not_found', 'No such fault')
      return faultList(ctx)
    },
  },
  {
    // The contracts the sandbox is built from (contracts/<name>.yaml); see ./contracts.ts.
    method: 'GET',
    path: '/contracts/:file',
    handler: async (ctx) => {
      const file = ctx.params.file!
      const yaml = file.endsWith('.yaml') ? await loadContract(file.slice(0, -'.yaml'.length)) : null
      if (yaml === null) return adminError(404, 'not_found', `No contract '${file}'; try sandbox.yaml, or a vendor's (GET /__sandbox/vendors)`)
      return text(200, yaml, 'application/yaml; charset=utf-8')
    },
  },
]
