// The Mobile API's face resources: register a face for a CPF, authenticate against it (and read
// the attempt back), and liveness. Each runs after `authenticate` accepted the token for the
// route's product; here the token's `peopleId` is held against the CPF in the body.
import { own } from '../../core/http.ts'
import type { components } from '../../generated/caf.ts'
import type { SandboxResponse } from '../../core/types.ts'
import { normalisePersonId } from './cpf.ts'
import { MESSAGES } from './errors.ts'
import { cpfField, firstProblem, imageUrlField, objectBody, stringsObject } from './input.ts'
import { faceMatchOf, livenessOf, NO_IMAGE_MESSAGE, type LivenessOutcome } from './outcomes.ts'
import { fail, newRequestId, ok, presented, refuseToken, type Ctx } from './respond.ts'
import { findFace, registerFace } from './state.ts'
import { checkPerson } from './verify.ts'

// Answer bodies typed from contracts/caf.yaml: a renamed field there fails tsc here.
type Schemas = components['schemas']

const REGISTERED = 'Ação realizada com sucesso.'

/** 401 when the token is restricted to another person; null when it may act for `cpf`. */
function bindPerson(ctx: Ctx, cpf: string): SandboxResponse | null {
  const mismatch = checkPerson(presented(ctx), cpf)
  return mismatch ? refuseToken(ctx, mismatch, 401, MESSAGES.invalidToken) : null
}

const badRequest = (ctx: Ctx, message: string) => fail(ctx, 400, message, `invalid body: ${message}`)

export async function register(ctx: Ctx): Promise<SandboxResponse> {
  const body = objectBody(ctx.body, ['peopleId', 'imageUrl'])
  if (typeof body === 'string') return badRequest(ctx, body)
  const problem = firstProblem(
    () => cpfField(body, 'peopleId', true, ctx.state.settings),
    () => imageUrlField(body, 'imageUrl', true),
  )
  if (problem) return badRequest(ctx, problem)
  const peopleId = normalisePersonId(body.peopleId as string)
  const refusal = bindPerson(ctx, peopleId)
  if (refusal) return refusal
  registerFace(ctx.state, ctx.environment, peopleId, body.imageUrl as string)
  ctx.meta({ clientId: presented(ctx).key.clientId, peopleId })
  // CAF documents no response signature for registration: the query parameter is ignored.
  const answer: Schemas['FaceRegistered'] = { requestId: newRequestId(ctx), message: REGISTERED }
  return ok(ctx, answer)
}

export async function authenticateFace(ctx: Ctx): Promise<SandboxResponse> {
  const body = objectBody(ctx.body, ['peopleId', 'imageUrl', 'device'])
  if (typeof body === 'string') return badRequest(ctx, body)
  const problem = firstProblem(
    () => cpfField(body, 'peopleId', true, ctx.state.settings),
    () => imageUrlField(body, 'imageUrl', false),
    () => stringsObject(body, 'device', ['operatingSystem', 'fingerprint', 'manufacturer', 'model']),
  )
  if (problem) return badRequest(ctx, problem)
  const peopleId = normalisePersonId(body.peopleId as string)
  const refusal = bindPerson(ctx, peopleId)
  if (refusal) return refusal

  const { state } = ctx
  const face = findFace(state, ctx.environment, peopleId)
  if (!face) return fail(ctx, 404, MESSAGES.noFace, `no face registered for ${peopleId} in ${ctx.environment}`)

  const imageUrl = own(body, 'imageUrl') as string | undefined
  const liveness = livenessOf(imageUrl)
  const match = faceMatchOf(imageUrl)
  const isMatch = liveness.isAlive && match.isFaceMatch
  const key = presented(ctx).key
  const attemptId = state.core.ids.hex(24)
  const document: Schemas['FaceAttempt'] = {
    id: attemptId,
    createdAt: new Date(state.core.clock.now()).toISOString(),
    peopleId,
    sourceIp: sourceIp(ctx),
    executionOriginId: key.originId,
    registeredImageUrl: face.imageUrl,
    receivedImageUrl: imageUrl ?? null,
    faceMatch: { similarity: match.similarity, isFaceMatch: match.isFaceMatch },
    liveness: { probability: liveness.probability, isAlive: liveness.isAlive },
    isMatch,
  }
  state.store.in(ctx.environment).attempt.insert({ id: attemptId, kind: 'authenticate', peopleId, document: JSON.stringify(document) })
  state.retention[ctx.environment].attempt.keep(attemptId)
  ctx.meta({ clientId: key.clientId, peopleId, attemptId, isMatch })
  const answer: Schemas['FaceAuthentication'] = { requestId: newRequestId(ctx), isMatch, attemptId }
  return ok(ctx, answer, { signable: true })
}

export async function getAttempt(ctx: Ctx): Promise<SandboxResponse> {
  const id = ctx.params.attemptId!
  const found = ctx.state.store.in(ctx.environment).attempt.get(id)
  const row = found && found.kind === 'authenticate' ? found : null
  if (!row) return fail(ctx, 404, MESSAGES.attemptNotFound, `no authentication attempt ${id} in ${ctx.environment}`)
  const refusal = bindPerson(ctx, row.peopleId)
  if (refusal) return refusal
  const answer: Schemas['FaceAttemptResult'] = { requestId: newRequestId(ctx), data: JSON.parse(row.document) as Schemas['FaceAttempt'] }
  return ok(ctx, answer)
}

export async function liveness(ctx: Ctx): Promise<SandboxResponse> {
  const body = objectBody(ctx.body, ['imageUrl', 'person'])
  if (typeof body === 'string') return badRequest(ctx, body)
  const person = own(body, 'person')
  const problem = firstProblem(
    // Not required by CAF's liveness page: without an image, the check finds no one alive.
    () => imageUrlField(body, 'imageUrl', false),
    () => stringsObject(body, 'person', ['cpf', 'name']),
    () => (person && typeof person === 'object' ? cpfField(person as Record<string, unknown>, 'cpf', false, ctx.state.settings, 'person.cpf') : null),
  )
  if (problem) return badRequest(ctx, problem)
  const cpf = person ? (person as { cpf?: string }).cpf : undefined
  if (cpf !== undefined && cpf !== null) {
    const refusal = bindPerson(ctx, cpf)
    if (refusal) return refusal
  }
  const { state } = ctx
  const imageUrl = own(body, 'imageUrl') as string | null | undefined
  const outcome: LivenessOutcome = imageUrl == null ? { isAlive: false, probability: 0, message: NO_IMAGE_MESSAGE } : livenessOf(imageUrl)
  const attemptId = state.core.ids.hex(24)
  const peopleId = cpf ? normalisePersonId(cpf) : ''
  state.store.in(ctx.environment).attempt.insert({
    id: attemptId,
    kind: 'liveness',
    peopleId,
    document: JSON.stringify({ id: attemptId, isAlive: outcome.isAlive, probability: outcome.probability }),
  })
  state.retention[ctx.environment].attempt.keep(attemptId)
  ctx.meta({ clientId: presented(ctx).key.clientId, attemptId, isAlive: outcome.isAlive })
  const answer: Schemas['LivenessResult'] = {
    requestId: newRequestId(ctx),
    isAlive: outcome.isAlive,
    attemptId,
    ...(person !== undefined && person !== null ? { person: person as Schemas['LivenessEcho'] } : {}),
    message: outcome.message,
  }
  return ok(ctx, answer, { signable: true })
}

/** The caller's address as a proxy reports it; in-process requests have none, so loopback. */
export function sourceIp(ctx: Ctx): string {
  const forwarded = ctx.req.headers['x-forwarded-for']?.split(',')[0]?.trim()
  return forwarded || '127.0.0.1'
}
