// Authentication on the SDK API (the web DocumentDetector's `api.public…caf.io/v1/sdks`). The
// SDK sends `Authorization` raw: the mobile token on POST /attestations, the attestation on the
// calls after it; both with a `Content-Signature`. The PUT target of an upload takes neither:
// its URL carries its own signature, as a pre-signed object-store URL does.
import type { SandboxResponse } from '../../core/types.ts'
import { MESSAGES } from './errors.ts'
import { fail, refuseToken, type AuthCtx } from './respond.ts'
import type { CafRoute } from './routes.ts'
import { checkAttestation } from './sdk-attestations.ts'
import { checkUploadUrl } from './sdk-uploads.ts'
import { contentSignatureProblem, SIGNATURE_MESSAGE } from './sdk-signature.ts'
import type { Environment } from './state.ts'
import { refused, verifyMobileToken } from './verify.ts'

export async function authenticateSdk(ctx: AuthCtx, route: CafRoute, environment: Environment): Promise<SandboxResponse | null> {
  // The upload's PUT URL carries its own signature: checked before the body is read.
  if (route.auth === 'upload-url') return checkUploadUrl(ctx, environment)
  const header = ctx.req.headers['authorization']?.trim() ?? ''
  // As on the Mobile API: 400 without a token, 401 for any refused one (the SDK tells no status apart).
  if (header === '') return fail(ctx, 400, MESSAGES.missingToken, 'missing token')
  if (/^bearer\s+/i.test(header)) {
    return refuseToken(ctx, refused('malformed', "the SDK API takes the raw token, without 'Bearer '"), 401, MESSAGES.invalidToken)
  }
  if (route.auth === 'attestation') {
    const checked = checkAttestation(ctx.state, header, environment)
    if (typeof checked === 'string') return fail(ctx, 401, MESSAGES.invalidToken, checked)
    ctx.locals.token = checked
    ctx.meta({ clientId: checked.key.clientId })
  } else {
    const check = await verifyMobileToken(ctx.state, header, { environment, ...(route.products ? { products: route.products } : {}) })
    if (!check.ok) return refuseToken(ctx, check, 401, MESSAGES.invalidToken)
    ctx.locals.token = check.token
    ctx.meta({ clientId: check.token.key.clientId })
  }
  const signature = contentSignatureProblem(ctx.req.headers['content-signature'])
  if (signature) return fail(ctx, 401, SIGNATURE_MESSAGE, `bad content signature: ${signature}`)
  return null
}
