// The web liveness SDK's capture (CafFaces2dSdk 1.0.0, `POST /bff/transactions`): a session from
// `POST /bff/sessions`, the person, and the captured frame as bare base64; `executeFaceAuth`
// turns liveness into face authentication against the person's registered face. The answer's
// `signedResponse` is a JWT the integrator's backend verifies; the SDK only tests that it is
// there. CAF documents its claims for liveness only and names no key: our choices are in
// docs/vendors/caf.md ("The web liveness SDK").
import { isRecord, own } from '../../core/http.ts'
import type { SandboxResponse } from '../../core/types.ts'
import type { components } from '../../generated/caf.ts'
import { normalisePersonId } from './cpf.ts'
import { MESSAGES } from './errors.ts'
import { sourceIp } from './faces.ts'
import { firstProblem, IMAGE_FORMAT, objectBody, personIdField, stringField, type Problem } from './input.ts'
import { faceMatchOf, livenessOf } from './outcomes.ts'
import { fail, newRequestId, ok, presented, refuseToken, type Ctx } from './respond.ts'
import { findFace } from './state.ts'
import { checkPerson } from './verify.ts'

type Schemas = components['schemas']

/** A camera frame as base64 runs to a few MB: the route takes up to 16 MiB whatever `bodyLimit` is. */
export const TRANSACTION_MAX_BYTES = 16 * 1024 * 1024

export const TRANSACTION_MESSAGES = {
  sessionNotFound: 'Session not found',
  sessionPerson: "'personId' is not the person the session was opened for",
} as const

/** The claims of `signedResponse`: CAF's documented liveness set, plus ours (docs/vendors/caf.md). */
export interface SignedTransactionClaims {
  sessionId: string
  personId: string
  isAlive: boolean
  /** Face authentication only. */
  isMatch?: boolean
  imageUrl: string
  attemptId: string
  createdAt: string
  iat: number
  [claim: string]: unknown
}

type Format = 'jpeg' | 'png' | 'bmp'
const EXTENSION: Record<Format, string> = { jpeg: 'jpg', png: 'png', bmp: 'bmp' }

/** The decoded frame (one char a byte), or the 400 message. Linear in the image's size. */
function decodeImage(image: string): { bytes: string; format: Format } | string {
  if (image.startsWith('data:')) return "'data.image' must be bare base64, without a 'data:' prefix"
  let bytes: string
  try {
    bytes = atob(image)
  } catch {
    return "'data.image' must be base64"
  }
  if (bytes.startsWith('\xff\xd8\xff')) return { bytes, format: 'jpeg' }
  if (bytes.startsWith('\x89PNG\r\n\x1a\n')) return { bytes, format: 'png' }
  if (bytes.startsWith('BM')) return { bytes, format: 'bmp' }
  return IMAGE_FORMAT
}

function dataProblem(body: Record<string, unknown>): Problem {
  const data = own(body, 'data')
  if (data === undefined || data === null) return "'data' is required"
  if (!isRecord(data)) return "'data' must be an object"
  const fields = objectBody(data, ['image', 'executeFaceAuth'])
  if (typeof fields === 'string') return fields.replace(/^'/, "'data.")
  const image = own(data, 'image')
  if (image === undefined || image === null || image === '') return "'data.image' is required"
  if (typeof image !== 'string') return "'data.image' must be a string"
  const faceAuth = own(data, 'executeFaceAuth')
  if (faceAuth !== undefined && faceAuth !== null && typeof faceAuth !== 'boolean') return "'data.executeFaceAuth' must be a boolean"
  return null
}

const badRequest = (ctx: Ctx, message: string) => fail(ctx, 400, message, `invalid body: ${message}`)

export async function createTransaction(ctx: Ctx): Promise<SandboxResponse> {
  const body = objectBody(ctx.body, ['sessionId', 'personId', 'data'])
  if (typeof body === 'string') return badRequest(ctx, body)
  // The SDK omits `sessionId` when its own POST /sessions failed: then there is no session to bind to.
  const problem = firstProblem(
    () => stringField(body, 'sessionId', true),
    () => personIdField(body, 'personId', ctx.state.settings),
    () => dataProblem(body),
  )
  if (problem) return badRequest(ctx, problem)
  const data = body.data as { image: string; executeFaceAuth?: boolean | null }
  const image = decodeImage(data.image)
  if (typeof image === 'string') return badRequest(ctx, image)

  const token = presented(ctx)
  const personId = normalisePersonId(body.personId as string)
  const mismatch = checkPerson(token, personId)
  if (mismatch) return refuseToken(ctx, mismatch, 401, MESSAGES.bffInvalidToken)

  // The session and the capture belong together: same key, same environment, same person.
  const { state } = ctx
  const environment = token.key.environment
  const sessionId = body.sessionId as string
  const session = state.store.in(environment).session.get(sessionId)
  if (!session || session.clientId !== token.key.clientId) {
    const why = session ? `session ${sessionId} was opened by ${session.clientId}` : `no session ${sessionId.slice(0, 64)} in ${environment}`
    return fail(ctx, 404, TRANSACTION_MESSAGES.sessionNotFound, why)
  }
  if (session.personId !== personId) {
    return fail(ctx, 400, TRANSACTION_MESSAGES.sessionPerson, `session ${sessionId} is for ${session.personId}, the capture for ${personId}`)
  }

  const faceAuth = data.executeFaceAuth === true
  const face = faceAuth ? findFace(state, environment, personId) : null
  if (faceAuth && !face) return fail(ctx, 404, MESSAGES.noFace, `no face registered for ${personId} in ${environment}`)

  const attemptId = state.core.ids.hex(24)
  const createdAt = new Date(state.core.clock.now()).toISOString()
  // Beside this route on the mount it came through; the sandbox keeps no image to serve there.
  const mount = ctx.req.url.pathname.replace(/\/transactions\/*$/, '')
  const imageUrl = `${ctx.req.url.origin}${mount}/transactions/${attemptId}/image.${EXTENSION[image.format]}`
  const liveness = livenessOf(image.bytes)
  const claims: SignedTransactionClaims = { sessionId, personId, isAlive: liveness.isAlive, imageUrl, attemptId, createdAt, iat: state.core.clock.nowSeconds() }
  const attempts = state.store.in(environment).attempt
  if (face) {
    const match = faceMatchOf(image.bytes)
    const isMatch = liveness.isAlive && match.isFaceMatch
    claims.isMatch = isMatch
    // The same attempt as the Mobile API's POST /faces/authenticate: readable by GET
    // /faces/authenticate/{attemptId} and the Core API's GET /v1/faces/attempts/{attemptId}.
    const document: Schemas['FaceAttempt'] = {
      id: attemptId,
      createdAt,
      peopleId: personId,
      sourceIp: sourceIp(ctx),
      executionOriginId: token.key.originId,
      registeredImageUrl: face.imageUrl,
      receivedImageUrl: imageUrl,
      faceMatch: { similarity: match.similarity, isFaceMatch: match.isFaceMatch },
      liveness: { probability: liveness.probability, isAlive: liveness.isAlive },
      isMatch,
    }
    attempts.insert({ id: attemptId, kind: 'authenticate', peopleId: personId, document: JSON.stringify(document) })
  } else {
    const document = { id: attemptId, isAlive: liveness.isAlive, probability: liveness.probability }
    attempts.insert({ id: attemptId, kind: 'liveness', peopleId: personId, document: JSON.stringify(document) })
  }
  state.retention[environment].attempt.keep(attemptId)

  const signedResponse = await state.core.jwt.signHmac(claims, token.key.clientSecret)
  ctx.meta({
    clientId: token.key.clientId,
    sessionId,
    personId,
    attemptId,
    resource: faceAuth ? 'face-authentication' : 'liveness',
    isAlive: liveness.isAlive,
    ...(claims.isMatch !== undefined ? { isMatch: claims.isMatch } : {}),
    imageBytes: image.bytes.length,
  })
  const answer: Schemas['Transaction'] = { requestId: newRequestId(ctx), signedResponse }
  return ok(ctx, answer)
}
