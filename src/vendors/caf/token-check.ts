// GET /tokens/verify: the pre-check CAF's legacy native SDKs make before they start, with the
// product in a `product` header. It answers 200 whether or not the token is good; `status` says.
import { MESSAGES } from './errors.ts'
import { isProduct } from './products.ts'
import { fail, newRequestId, ok, type Ctx } from './respond.ts'
import { describeRefusal, verifyMobileToken } from './verify.ts'
import type { SandboxResponse } from '../../core/types.ts'
import type { components } from '../../generated/caf.ts'

// The answer typed from contracts/caf.yaml: a renamed field there fails tsc here.
type TokenVerification = components['schemas']['TokenVerification']

const VALID_MESSAGE = 'The token is valid for this product'

export async function verifyTokenRoute(ctx: Ctx): Promise<SandboxResponse> {
  const product = ctx.req.headers['product']?.trim()
  if (!product) return fail(ctx, 400, "The 'product' header is required", 'missing product header')
  const invalid = (reason: string) => {
    ctx.refuse(reason)
    const answer: TokenVerification = { requestId: newRequestId(ctx), status: 'INVALID', message: MESSAGES.invalidToken }
    return ok(ctx, answer)
  }
  if (!isProduct(product)) return invalid(`product not linked: ${product} is not a CAF product`)
  const check = await verifyMobileToken(ctx.state, ctx.req.headers['authorization'] ?? '', {
    environment: ctx.environment,
    products: [product],
  })
  if (!check.ok) {
    ctx.meta({ product, refusal: check.refusal })
    return invalid(describeRefusal(check))
  }
  ctx.meta({ product, clientId: check.token.key.clientId })
  const answer: TokenVerification = { requestId: newRequestId(ctx), status: 'VALID', message: VALID_MESSAGE }
  return ok(ctx, answer)
}
