// The Core API's face resources (`api.combateafraude.com/v1/faces`): register a face for a
// person id (CPF, external id …), and read an authentication attempt back. The registered face
// is the one the Mobile API's /faces/authenticate compares against; attempts are the ones it
// (and the SDKs, in CAF's case) make. Source: docs.caf.io/caf-api/core-api/available-resources/face-authentication
import type { SandboxResponse } from '../../core/types.ts'
import type { components } from '../../generated/caf.ts'
import { normalisePersonId } from './cpf.ts'
import { IMAGE_FORMAT, imageUrlField, objectBody, personIdField } from './input.ts'
import { fail, newRequestId, ok, type Ctx } from './respond.ts'
import { registerFace } from './state.ts'

type Schemas = components['schemas']

export const CORE_MESSAGES = {
  registered: 'Face registration in progress',
  unsupportedImage: 'Unsupported image format',
  noAttemptId: 'attemptId not provided',
  attemptNotFound: 'Attempt not found',
} as const

/** CAF's Core page takes ".jpg or .png" URLs: a path ending in another image format is refused. */
const OTHER_IMAGE = /\.(gif|webp|tiff?|heic|heif|svg|avif|bmp)$/i


export async function registerCoreFace(ctx: Ctx): Promise<SandboxResponse> {
  const body = objectBody(ctx.body, ['personId', 'imageUrl'])
  if (typeof body === 'string') return fail(ctx, 400, body, `invalid body: ${body}`)
  const problem = personIdField(body, 'personId', ctx.state.settings) ?? imageUrlField(body, 'imageUrl', true)
  // A format CAF does not take is its own answer here (415), not the Mobile API's 400.
  const formatRefused = problem === IMAGE_FORMAT || (problem === null && OTHER_IMAGE.test(new URL(body.imageUrl as string).pathname))
  if (formatRefused) return fail(ctx, 415, CORE_MESSAGES.unsupportedImage, 'unsupported image format')
  if (problem) return fail(ctx, 400, problem, `invalid body: ${problem}`)
  const personId = normalisePersonId(body.personId as string)
  registerFace(ctx.state, ctx.environment, personId, body.imageUrl as string)
  ctx.meta({ personId })
  const answer: Schemas['CoreFaceRegistered'] = { requestId: newRequestId(ctx), message: CORE_MESSAGES.registered, personId }
  return ok(ctx, answer)
}

export async function getCoreAttempt(ctx: Ctx): Promise<SandboxResponse> {
  const id = ctx.params.attemptId
  if (!id) return fail(ctx, 400, CORE_MESSAGES.noAttemptId, 'no attemptId in the path')
  const found = ctx.state.store.in(ctx.environment).attempt.get(id)
  if (!found || found.kind !== 'authenticate') {
    return fail(ctx, 404, CORE_MESSAGES.attemptNotFound, `no authentication attempt ${id.slice(0, 64)} in ${ctx.environment}`)
  }
  const attempt = JSON.parse(found.document) as Schemas['FaceAttempt']
  const data: Schemas['CoreFaceAttempt'] = {
    id: attempt.id,
    createdAt: attempt.createdAt,
    personId: attempt.peopleId,
    isMatch: attempt.isMatch,
    registeredImageUrl: attempt.registeredImageUrl,
    receivedImageUrl: attempt.receivedImageUrl,
  }
  const answer: Schemas['CoreFaceAttemptResult'] = { requestId: newRequestId(ctx), data }
  return ok(ctx, answer)
}
