// ComplyCube's error payload: `{type, message, param?}` with the status its "Errors" page lists.
// Types documented there: invalid_request (400), unauthorized (401, 403), resource_not_found
// (404), rate_limit_exceeded (429), internal_server_error (500). For 413 and a wrong
// content-type ComplyCube documents no type; we use invalid_request (see README).
// Bodies are typed from contracts/complycube.yaml (src/generated), so a contract change the
// code does not follow fails `tsc`.
import { quote } from '../../core/clip.ts'
import { json } from '../../core/http.ts'
import { tooLargeReason } from '../../core/body.ts'
import type { ErrorBuilders } from '../../core/service.ts'
import type { SandboxResponse } from '../../core/types.ts'
import type { components } from '../../generated/complycube.ts'
import { dottedPath } from '../../core/well-formed.ts'

type Schemas = components['schemas']
export type ComplyCubeErrorType = Schemas['ErrorType']
export type ComplyCubeError = Schemas['Error']

export function ccError(status: number, type: ComplyCubeErrorType, message: string, param?: string): SandboxResponse {
  const body: ComplyCubeError = param === undefined ? { type, message } : { type, message, param }
  return json(status, body)
}

/** 400 for a field that failed validation; `param` names the field (dotted for nested ones). */
export function invalidField(param: string, message: string): SandboxResponse {
  const body: Schemas['InvalidRequestError'] = { type: 'invalid_request', message, param }
  return json(400, body)
}

export function unauthorized(): SandboxResponse {
  const body: Schemas['UnauthorizedError'] = { type: 'unauthorized', message: "The 'Authorization' header is invalid" }
  return json(401, body)
}

export function clientNotFound(id: string): SandboxResponse {
  const body: Schemas['NotFoundError'] = { type: 'resource_not_found', message: `Invalid client id '${quote(id)}'` }
  return json(404, body)
}

export const errors: ErrorBuilders = {
  malformedJson: () => ccError(400, 'invalid_request', 'The request body is not valid JSON'),
  unsupportedContentType: () => ccError(400, 'invalid_request', "The 'Content-Type' header must be 'application/json'"),
  bodyTooLarge: (limit, budget) => ccError(413, 'invalid_request', `The request is too large (${tooLargeReason(limit, budget)})`),
  illFormedString: (path) => invalidField(dottedPath(path), `'${dottedPath(path)}' must be a well-formed Unicode string`),
  // ComplyCube documents no 405: an unknown method on a known path is a resource that does not exist.
  // The path as ComplyCube names it: below its base URL's `/v1`.
  notFound: (method, path, note) => ccError(404, 'resource_not_found', `Cannot ${method} /v1${path}${note ? `: ${note}` : ''}`),
  methodNotAllowed: (method, path) => ccError(404, 'resource_not_found', `Cannot ${method} /v1${path}`),
  internal: () => ccError(500, 'internal_server_error', INTERNAL_MESSAGE),
  forStatus,
  // ComplyCube's documented 429, and no Retry-After: its pages document no rate-limit headers.
  rateLimited: () => forStatus(429),
  parserRefusal: (status, message) => ccError(status, 'invalid_request', message),
}

const INTERNAL_MESSAGE = 'An error has occurred, try your request again. If you still keep getting this error, please get in touch with Support.'

/**
 * ComplyCube's answer for a status (an injected fault): the documented bodies for 401, 403, 429
 * and 500; 402 has none documented, so its `payment_required` type is ours (docs/vendors/complycube.md).
 */
function forStatus(status: number): SandboxResponse {
  switch (status) {
    case 401:
      return unauthorized()
    case 402:
      return ccError(402, 'payment_required', 'Payment is due on your account')
    case 403:
      return ccError(403, 'unauthorized', 'Your current plan does not include access to this service')
    case 404:
      return ccError(404, 'resource_not_found', 'The requested resource does not exist')
    case 429:
      return ccError(429, 'rate_limit_exceeded', 'You have exceeded the rate limit prescribed to your plan')
  }
  if (status >= 500) return ccError(status, 'internal_server_error', INTERNAL_MESSAGE)
  return ccError(status, 'invalid_request', `The request could not be processed (HTTP ${status})`)
}
