// POST /v1/sdks/attestations: the web DocumentDetector's first call. It sends the integrator's
// mobile token (raw) and gets an attestation, which it sends as `Authorization` on every later
// call. CAF's attestation format is unknown and the SDK never reads it: the sandbox's is an
// opaque string stored with its key, environment and expiry (docs/vendors/caf.md).
import type { SandboxResponse } from '../../core/types.ts'
import type { components } from '../../generated/caf.ts'
import { isRecord, own } from '../../core/http.ts'
import { fail, newRequestId, ok, presented, type Ctx } from './respond.ts'
import { findAnywhere, findKeyAnywhere, type CafState, type Environment, type PresentedToken } from './state.ts'

type Schemas = components['schemas']

/** How long an attestation is good for. The SDK re-attests on any failure, so expiry is invisible to it. */
export const ATTESTATION_LIFETIME_SECONDS = 15 * 60

/** The body fields DocumentDetector 6.2.0 sends, with the JSON types it sends them as. */
const FIELDS: Record<string, (v: unknown) => boolean> = {
  previousAttestation: (v) => typeof v === 'string',
  platform: (v) => typeof v === 'string',
  version: (v) => typeof v === 'number' && Number.isFinite(v),
  fingerprint: (v) => v === null || typeof v === 'string',
  trackingId: (v) => v === null || typeof v === 'string',
  information: isRecord,
  settings: isRecord,
  sdkVersion: (v) => typeof v === 'string',
}
const TYPES: Record<string, string> = {
  previousAttestation: 'a string',
  platform: 'a string',
  version: 'a number',
  fingerprint: 'a string or null',
  trackingId: 'a string or null',
  information: 'an object',
  settings: 'an object',
  sdkVersion: 'a string',
}

/** The first field of a known name with the wrong type; fields the SDK may add later are let through. */
function bodyProblem(body: unknown): string | null {
  if (body === undefined) return null
  if (!isRecord(body)) return 'The request body must be a JSON object'
  for (const [field, valid] of Object.entries(FIELDS)) {
    const v = own(body, field)
    if (v !== undefined && !valid(v)) return `'${field}' must be ${TYPES[field]}`
  }
  return null
}

export async function createAttestation(ctx: Ctx): Promise<SandboxResponse> {
  const problem = bodyProblem(ctx.body)
  if (problem) return fail(ctx, 400, problem, `invalid body: ${problem}`)
  const token = presented(ctx)
  const { state } = ctx
  const previous = isRecord(ctx.body) ? (own(ctx.body, 'previousAttestation') as string | undefined) : undefined
  const now = state.core.clock.now()
  const attestation = state.core.ids.secret(64)
  state.store.in(token.key.environment).attestation.insert({
    id: attestation,
    clientId: token.key.clientId,
    peopleId: token.peopleId ?? '',
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + ATTESTATION_LIFETIME_SECONDS * 1000).toISOString(),
    previous: previous ?? '',
  })
  state.retention[token.key.environment].attestation.keep(attestation)
  const sdkVersion = isRecord(ctx.body) ? own(ctx.body, 'sdkVersion') : undefined
  ctx.meta({
    clientId: token.key.clientId,
    ...(typeof sdkVersion === 'string' ? { sdkVersion: sdkVersion.slice(0, 64) } : {}),
    // A re-attestation: whether the attestation it replaces is one this sandbox issued.
    ...(previous !== undefined ? { reattestation: findAnywhere(state, 'attestation', previous) ? 'known' : 'unknown' } : {}),
  })
  const answer: Schemas['Attestation'] = { requestId: newRequestId(ctx), attestation }
  return ok(ctx, answer)
}

/** The attestation as a presented token, or the reason it is refused (for the journal). */
export function checkAttestation(state: CafState, attestation: string, environment: Environment): PresentedToken | string {
  const found = findAnywhere(state, 'attestation', attestation)
  if (!found) {
    return attestation.split('.').length === 3
      ? 'unknown attestation: this looks like a mobile token; only POST /attestations takes it, later calls take the attestation it returns'
      : 'unknown attestation: not issued by POST /attestations here (or dropped: the sandbox keeps the newest 1,000)'
  }
  const { row } = found
  if (found.environment !== environment) return `wrong environment: the attestation was issued in ${found.environment}, this is ${environment}`
  const now = state.core.clock.now()
  if (Date.parse(row.expiresAt) <= now) return `expired attestation: it expired at ${row.expiresAt} (sandbox clock ${new Date(now).toISOString()})`
  const key = findKeyAnywhere(state, row.clientId)
  if (!key) return `unknown attestation: its Mobile Key ${row.clientId} is gone`
  if (key.revoked) return `revoked key: the Mobile Key ${key.clientId} was revoked`
  return { key, claims: { iss: key.clientId }, attestation, ...(row.peopleId !== '' ? { peopleId: row.peopleId } : {}) }
}
