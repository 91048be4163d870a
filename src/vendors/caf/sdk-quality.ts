// POST /v1/sdks/documents/quality: DocumentDetector's check of an uploaded capture (national
// mode). It reads `documentType`, `isDocTypeOk`, `isDocSideOk`, `isQualityOk` and `imageUrl`.
// The sandbox answers from the expected document, steered by a marker in the uploaded bytes
// (`caf-sandbox:low-quality` …, see docs/vendors/caf.md), since it keeps no image to look at.
import { isRecord, own } from '../../core/http.ts'
import type { SandboxResponse } from '../../core/types.ts'
import type { components } from '../../generated/caf.ts'
import { normalisePersonId } from './cpf.ts'
import { MESSAGES } from './errors.ts'
import { fail, newRequestId, ok, presented, refuseToken, type Ctx } from './respond.ts'
import { uploadIdOf } from './sdk-uploads.ts'
import { checkPerson } from './verify.ts'

type Schemas = components['schemas']

/** DocumentDetector's `ExpectedDocumentsEnum`. */
export const EXPECTED_DOCUMENTS = [
  'rg_front', 'rg_back', 'rg_full', 'cnh_front', 'cnh_back', 'cnh_full', 'crlv', 'rne_front', 'rne_back',
  'passport', 'ctps_front', 'ctps_back', 'any_front', 'any_back', 'any_full', 'any',
] as const

/** The message the SDK itself knows (it turns it into a generic error): the image cannot be had. */
export const NO_IMAGE = 'Failed to download image from URL'

const STRING_FIELDS = ['bucket', 'key', 'expectedDocument', 'issuedCountry', 'peopleId'] as const

/** What the sandbox "detects" for an expected document: `any` reads as a CNH, `passport` as `passport_full`. */
export function detectedFor(expected: string | undefined): string {
  if (expected === undefined || expected === 'any') return 'cnh_front'
  if (expected === 'passport') return 'passport_full'
  if (expected.startsWith('any_')) return `cnh_${expected.slice(4)}`
  return expected
}

/** Another document of the same side (for `caf-sandbox:wrong-document`). */
const otherDocument = (type: string) => (type.startsWith('rg_') ? type.replace(/^rg_/, 'cnh_') : type.includes('_') ? `rg_${type.split('_').pop()}` : 'rg_front')
/** The same document, the other side (for `caf-sandbox:wrong-side`). */
const otherSide = (type: string) =>
  type.endsWith('_front') ? type.replace(/_front$/, '_back') : type.endsWith('_back') ? type.replace(/_back$/, '_front') : type.replace(/_full$/, '_front')

function outcome(expected: string | undefined, marker: string) {
  const type = detectedFor(expected)
  switch (marker) {
    case 'blank':
      return { documentType: 'blank', isDocTypeOk: false, isDocSideOk: false, isQualityOk: false }
    case 'generic':
      return { documentType: 'generic', isDocTypeOk: false, isDocSideOk: false, isQualityOk: false }
    case 'wrong-document':
      return { documentType: otherDocument(type), isDocTypeOk: false, isDocSideOk: true, isQualityOk: true }
    case 'wrong-side':
      return { documentType: otherSide(type), isDocTypeOk: true, isDocSideOk: false, isQualityOk: true }
    case 'low-quality':
      return { documentType: type, isDocTypeOk: true, isDocSideOk: true, isQualityOk: false }
    default:
      return { documentType: type, isDocTypeOk: true, isDocSideOk: true, isQualityOk: true }
  }
}

const badRequest = (ctx: Ctx, message: string) => fail(ctx, 400, message, `invalid body: ${message}`)

export async function documentQuality(ctx: Ctx): Promise<SandboxResponse> {
  const body = ctx.body === undefined ? {} : ctx.body
  if (!isRecord(body)) return badRequest(ctx, 'The request body must be a JSON object')
  for (const field of STRING_FIELDS) {
    const v = own(body, field)
    if (v === undefined || v === null) {
      if (field === 'bucket' || field === 'key') return badRequest(ctx, `'${field}' is required`)
      continue
    }
    if (typeof v !== 'string') return badRequest(ctx, `'${field}' must be a string`)
    if (v.length > 2048) return badRequest(ctx, `'${field}' must be at most 2048 characters long`)
  }
  const expected = own(body, 'expectedDocument') as string | undefined
  if (expected !== undefined && expected !== null && !(EXPECTED_DOCUMENTS as readonly string[]).includes(expected)) {
    return badRequest(ctx, `'expectedDocument' must be one of ${EXPECTED_DOCUMENTS.join(', ')}`)
  }
  const token = presented(ctx)
  const peopleId = own(body, 'peopleId') as string | undefined | null
  if (typeof peopleId === 'string') {
    const mismatch = checkPerson(token, normalisePersonId(peopleId))
    if (mismatch) return refuseToken(ctx, mismatch, 401, MESSAGES.invalidToken)
  }

  const { bucket, key } = body as { bucket: string; key: string }
  const id = uploadIdOf(key)
  const row = id ? ctx.state.store.in(token.key.environment).upload.get(id) : null
  // Another key, another bucket, another environment's or client's upload: none is here to fetch.
  if (!row || row.key !== key || row.bucket !== bucket || row.clientId !== token.key.clientId) {
    return fail(ctx, 400, NO_IMAGE, `no upload ${key.slice(0, 100)} in ${bucket.slice(0, 100)} for this key`)
  }
  if (row.size < 0) return fail(ctx, 400, NO_IMAGE, `upload ${row.id}: nothing was PUT to its putUrl`)

  const result = outcome(expected ?? undefined, row.marker)
  ctx.meta({ clientId: token.key.clientId, uploadId: row.id, documentType: result.documentType, ...(row.marker ? { marker: row.marker } : {}) })
  // The object's URL (the putUrl without its signature); the sandbox keeps no bytes to serve there.
  const imageUrl = `${ctx.req.url.origin}${ctx.req.url.pathname.replace(/\/documents\/quality\/*$/, '')}/uploads/${row.id}`
  const answer: Schemas['DocumentQuality'] = { requestId: newRequestId(ctx), ...result, imageUrl }
  return ok(ctx, answer)
}
