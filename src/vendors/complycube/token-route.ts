// POST /v1/tokens: `clientId` required and existing in the key's environment; `referrer` a
// Chrome match pattern (Web SDK); `appId` a bundle / application id (Mobile SDKs).
import { unknownFields } from '../../core/fields.ts'
import { quote } from '../../core/clip.ts'
import { json, isRecord, own } from '../../core/http.ts'
import type { RouteContext } from '../../core/service.ts'
import type { SandboxResponse } from '../../core/types.ts'
import { invalidField } from './errors.ts'
import { isAppId, parseMatchPattern } from '../../core/match-pattern.ts'
import { hasClient, type ComplyCubeState, type Environment } from './state.ts'
import { sdkTokenClaims, signSdkToken } from './tokens.ts'
import type { components } from '../../generated/complycube.ts'

// The request and response shapes come from contracts/complycube.yaml: a renamed field there
// fails `tsc` here until the handler follows.
type TokenRequest = components['schemas']['TokenRequest']
type TokenResponse = components['schemas']['TokenResponse']

const ALLOWED = new Set<keyof TokenRequest>(['clientId', 'referrer', 'appId'])
const CLIENT_ID = /^[a-f0-9]{24}$/

export async function generateToken(ctx: RouteContext<ComplyCubeState, Environment>): Promise<SandboxResponse> {
  const body = ctx.body
  const fail = (param: string, message: string) => {
    ctx.refuse(`invalid ${param}`)
    return invalidField(param, message)
  }
  if (!isRecord(body) || own(body, 'clientId') === undefined || body.clientId === null || body.clientId === '') {
    return fail('clientId', "'clientId' is required")
  }
  const [unknown] = unknownFields(body, ALLOWED as ReadonlySet<string>)
  if (unknown !== undefined) return fail(quote(unknown), `'${quote(unknown)}' is not allowed`)

  const { clientId, referrer, appId } = body as { [K in keyof TokenRequest]?: unknown }
  if (typeof clientId !== 'string') return fail('clientId', "'clientId' must be a string")
  if (referrer !== undefined && typeof referrer !== 'string') return fail('referrer', "'referrer' must be a string")
  if (appId !== undefined && typeof appId !== 'string') return fail('appId', "'appId' must be a string")
  if (referrer !== undefined && !parseMatchPattern(referrer)) {
    return fail('referrer', "'referrer' must be a valid URI match pattern, e.g. https://www.example.com/*")
  }
  if (appId !== undefined && !isAppId(appId)) return fail('appId', "'appId' must be a valid application or bundle id")

  const environment = ctx.environment
  // ComplyCube documents a 400 "'clientId' is invalid" for an unknown client on this endpoint.
  if (!CLIENT_ID.test(clientId) || !hasClient(ctx.state, environment, clientId)) {
    ctx.refuse(CLIENT_ID.test(clientId) ? 'client not found in this environment' : 'clientId is not a client id')
    return invalidField('clientId', "'clientId' is invalid")
  }
  const claims = sdkTokenClaims(ctx.state, {
    environment,
    clientId,
    ...(referrer !== undefined ? { referrer } : {}),
    ...(appId !== undefined ? { appId } : {}),
  })
  const token = await signSdkToken(ctx.state, claims)
  ctx.meta({ token: { jti: claims.jti, clientId, iat: claims.iat, exp: claims.exp, referrer, appId } })
  const answer: TokenResponse = { token }
  return json(200, answer)
}
