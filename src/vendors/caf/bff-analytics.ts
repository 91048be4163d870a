// The web liveness SDK's analytics (`POST /bff/track-analytics`): one event a call, fire and
// forget (the SDK ignores the answer). The sandbox answers 200 and keeps each event's summary
// in the journal entry's `meta.analytics` (GET /__sandbox/requests?path=/track-analytics).
import { isRecord, own } from '../../core/http.ts'
import type { SandboxResponse } from '../../core/types.ts'
import type { components } from '../../generated/caf.ts'
import { firstProblem, stringField, type Problem } from './input.ts'
import { fail, newRequestId, ok, presented, type Ctx } from './respond.ts'

type Schemas = components['schemas']

export const EVENT_TYPES = ['Debug', 'Info', 'Warning', 'Error'] as const

function eventTypeProblem(body: Record<string, unknown>): Problem {
  const v = own(body, 'eventType')
  if (v === undefined || v === null) return null
  return typeof v === 'string' && (EVENT_TYPES as readonly string[]).includes(v) ? null : `'eventType' must be one of ${EVENT_TYPES.join(', ')}`
}

function propertiesProblem(body: Record<string, unknown>): Problem {
  const v = own(body, 'properties')
  return v === undefined || v === null || isRecord(v) ? null : "'properties' must be an object"
}

/** A short string from `properties` (or its `otherInfo`), for the journal; undefined otherwise. */
function short(obj: unknown, key: string): string | undefined {
  const v = isRecord(obj) ? own(obj, key) : undefined
  return typeof v === 'string' ? v.slice(0, 128) : undefined
}

export async function trackAnalytics(ctx: Ctx): Promise<SandboxResponse> {
  const body = ctx.body === undefined ? {} : ctx.body
  if (!isRecord(body)) return fail(ctx, 400, 'The request body must be a JSON object', 'invalid body: not an object')
  // Fields a later SDK adds are let through, as on the SDK API.
  const problem = firstProblem(
    () => stringField(body, 'event', true),
    () => stringField(body, 'userId', false),
    () => stringField(body, 'sourceSdk', false),
    () => eventTypeProblem(body),
    () => propertiesProblem(body),
  )
  if (problem) return fail(ctx, 400, problem, `invalid body: ${problem}`)
  const properties = own(body, 'properties')
  const otherInfo = isRecord(properties) ? own(properties, 'otherInfo') : undefined
  const summary: Record<string, string> = { event: (body.event as string).slice(0, 128) }
  for (const [name, value] of [
    ['eventType', short(body, 'eventType')],
    ['userId', short(body, 'userId')],
    ['sourceSdk', short(body, 'sourceSdk')],
    ['trackingId', short(properties, 'trackingId')],
    ['resource', short(otherInfo, 'resource')],
  ] as const) {
    if (value !== undefined) summary[name] = value
  }
  ctx.meta({ clientId: presented(ctx).key.clientId, analytics: summary })
  const answer: Schemas['AnalyticsAccepted'] = { requestId: newRequestId(ctx) }
  return ok(ctx, answer)
}
