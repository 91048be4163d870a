// POST /v1/sdks/uploads and the PUT target it returns. DocumentDetector asks for an upload with
// the image's mime type, gets `{putUrl, bucket, key}`, PUTs the raw image to `putUrl` (no
// Authorization, no Content-Signature: a pre-signed object-store URL in CAF's case), then names
// `bucket` and `key` to POST /documents/quality. The sandbox's putUrl is its own (the SDK API's
// mount, so msw intercepts it in-process and the standalone server serves it), and it keeps
// only what it learns of the bytes: size, SHA-256 and an outcome marker, never the bytes.
import { empty, isRecord, own } from '../../core/http.ts'
import type { SandboxResponse } from '../../core/types.ts'
import type { components } from '../../generated/caf.ts'
import { fail, newRequestId, ok, presented, type AuthCtx, type Ctx } from './respond.ts'
import type { Environment } from './state.ts'

type Schemas = components['schemas']

/** The types DocumentDetector uploads: camera frames are PNG; upload mode passes the file's own. */
export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/jpg', 'image/png', 'application/pdf'] as const
/** How long a putUrl takes the PUT, like a pre-signed URL's expiry. */
export const UPLOAD_URL_LIFETIME_SECONDS = 15 * 60
/** The largest image the PUT takes, whatever the sandbox's body limit (which applies first). */
export const UPLOAD_MAX_BYTES = 16 * 1024 * 1024

export const UPLOAD_MESSAGES = {
  badUrl: 'The upload URL is not valid',
  expired: 'The upload URL has expired',
  contentType: "The Content-Type does not match the upload's contentType",
  empty: 'The upload body is empty',
} as const

/** Outcome markers for POST /documents/quality, found anywhere in the uploaded bytes (ASCII, any case). */
const MARKER = /caf-sandbox:(blank|generic|wrong-document|wrong-side|low-quality)/i

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpeg', 'image/jpg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' }

export const bucketFor = (environment: Environment) => `caf-sandbox-${environment}-sdk-uploads`
export const keyFor = (id: string, contentType: string) => `documents/${id}.${EXTENSIONS[contentType] ?? 'bin'}`
/** The upload id inside a key this sandbox made; null for any other key. */
export function uploadIdOf(key: string): string | null {
  const m = /^documents\/([0-9a-f]{24})\.[a-z]+$/.exec(key)
  return m ? m[1]! : null
}

const mediaType = (value: string | undefined) => (value ?? '').split(';', 1)[0]!.trim().toLowerCase()

export async function createUpload(ctx: Ctx): Promise<SandboxResponse> {
  const body = ctx.body === undefined ? {} : ctx.body
  if (!isRecord(body)) return fail(ctx, 400, 'The request body must be a JSON object', 'invalid body: not an object')
  const contentType = own(body, 'contentType')
  if (contentType === undefined || contentType === null) return fail(ctx, 400, "'contentType' is required", 'invalid body: no contentType')
  if (typeof contentType !== 'string') return fail(ctx, 400, "'contentType' must be a string", 'invalid body: contentType not a string')
  const type = mediaType(contentType)
  if (!(UPLOAD_CONTENT_TYPES as readonly string[]).includes(type)) {
    const message = `'contentType' must be one of ${UPLOAD_CONTENT_TYPES.join(', ')}`
    return fail(ctx, 400, message, `invalid body: ${message}`)
  }

  const { state } = ctx
  const token = presented(ctx)
  const environment = token.key.environment
  const id = state.core.ids.hex(24)
  const signature = state.core.ids.hex(32)
  const now = state.core.clock.now()
  const expires = Math.floor(now / 1000) + UPLOAD_URL_LIFETIME_SECONDS
  const bucket = bucketFor(environment)
  const key = keyFor(id, type)
  state.store.in(environment).upload.insert({
    id,
    clientId: token.key.clientId,
    contentType: type,
    bucket,
    key,
    signature,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(expires * 1000).toISOString(),
    size: -1,
    sha256: '',
    uploadedAt: '',
    marker: '',
  })
  state.retention[environment].upload.keep(id)
  ctx.meta({ clientId: token.key.clientId, uploadId: id, contentType: type })
  // Beside this route on whichever mount the request came through: CAF's host in-process, the
  // server's own origin and prefix on the standalone server.
  const mount = ctx.req.url.pathname.replace(/\/uploads\/*$/, '')
  const putUrl = `${ctx.req.url.origin}${mount}/uploads/${id}?expires=${expires}&signature=${signature}`
  const answer: Schemas['Upload'] = { requestId: newRequestId(ctx), putUrl, bucket, key }
  return ok(ctx, answer)
}

/**
 * The PUT's URL, checked from the request's head alone, as an object store checks a pre-signed
 * URL: an upload issued here in this environment, its signature, its expiry, the declared
 * Content-Type. Runs as the route's authentication (./sdk-auth.ts), so a refused PUT has none
 * of its body read.
 */
export function checkUploadUrl(ctx: AuthCtx, environment: Environment): SandboxResponse | null {
  const { state } = ctx
  const id = ctx.params.uploadId!
  const row = state.store.in(environment).upload.get(id)
  const signature = ctx.query.get('signature')
  if (!row || signature !== row.signature) {
    return fail(ctx, 403, UPLOAD_MESSAGES.badUrl, row ? 'upload URL: wrong signature or environment' : `upload URL: no upload ${id.slice(0, 64)}`)
  }
  if (Date.parse(row.expiresAt) <= state.core.clock.now()) return fail(ctx, 403, UPLOAD_MESSAGES.expired, `upload URL: expired at ${row.expiresAt}`)
  const sent = mediaType(ctx.req.headers['content-type'])
  // The SDK sends the type it declared; `image/jpg` and `image/jpeg` are the same image.
  const same = (a: string) => (a === 'image/jpg' ? 'image/jpeg' : a)
  if (same(sent) !== same(row.contentType)) {
    return fail(ctx, 403, UPLOAD_MESSAGES.contentType, `upload URL: Content-Type ${sent || '(none)'}, declared ${row.contentType}`)
  }
  return null
}

/** The PUT to a putUrl (checkUploadUrl passed): the image bytes. */
export async function receiveUpload(ctx: Ctx): Promise<SandboxResponse> {
  const { state } = ctx
  const id = ctx.params.uploadId!
  const uploads = state.store.in(ctx.environment).upload
  const now = state.core.clock.now()
  // Trimmed (the newest 1,000 are kept) or reset while the body arrived.
  if (!uploads.get(id)) return fail(ctx, 403, UPLOAD_MESSAGES.badUrl, `upload URL: upload ${id} removed while its body arrived`)
  const bytes = ctx.req.body
  if (!bytes || bytes.length === 0) return fail(ctx, 400, UPLOAD_MESSAGES.empty, 'upload: empty body')
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
  const sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('')
  const marker = MARKER.exec(latin1(bytes))?.[1]?.toLowerCase() ?? ''
  uploads.update(id, { size: bytes.length, sha256, uploadedAt: new Date(now).toISOString(), marker })
  ctx.meta({ uploadId: id, size: bytes.length, ...(marker ? { marker } : {}) })
  return { ...empty(200), headers: { etag: `"${sha256.slice(0, 32)}"` } }
}

/**
 * The bytes as one char each, so ASCII markers can be searched for in any binary. The WHATWG
 * `latin1` decoder is windows-1252: one char per byte, ASCII as is, natively (a 16 MiB image in
 * about 0.1 s; String.fromCharCode over chunks took seconds, the server's event loop held).
 */
const LATIN1 = new TextDecoder('latin1')
const latin1 = (bytes: Uint8Array): string => LATIN1.decode(bytes)
