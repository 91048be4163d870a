// CAF's error payload: `{requestId, message}`. CAF says every response carries a `requestId`;
// its SDKs read errors as `{message}`. Statuses and messages for the token failures are the ones
// CAF documents; those for malformed bodies, 413 and 415 are ours (see README). The body is
// typed from contracts/caf.yaml (src/generated), so a contract change the code does not follow
// fails tsc.
import { json } from '../../core/http.ts'
import { tooLargeReason } from '../../core/body.ts'
import type { components } from '../../generated/caf.ts'
import type { ErrorBuilders } from '../../core/service.ts'
import type { SandboxResponse } from '../../core/types.ts'
import { bracketPath } from '../../core/well-formed.ts'
import { reasonPhrase } from '../../core/error-builders.ts'

export const MESSAGES = {
  missingToken: 'The access token has not been entered',
  invalidToken: 'The token used is not valid for this product',
  bffInvalidToken: 'Invalid or missing token',
  noFace: 'No face registered for the entered CPF',
  attemptNotFound: 'Authentication attempt not found',
  methodNotAllowed: 'HTTP method not allowed',
  internal: 'Internal server error',
} as const

export type CafErrorBody = components['schemas']['Error']

export function cafError(status: number, message: string, requestId: string = globalThis.crypto.randomUUID(), headers?: Record<string, string>): SandboxResponse {
  const body: CafErrorBody = { requestId, message }
  return json(status, body, headers)
}

// The core calls these before a handler runs, where the seeded id source is not at hand.
export const errors: ErrorBuilders = {
  malformedJson: () => cafError(400, 'The request body is not valid JSON'),
  unsupportedContentType: () => cafError(415, "The request body must be sent as 'Content-Type: application/json'"),
  bodyTooLarge: (limit, budget) => cafError(413, `The request body is too large (${tooLargeReason(limit, budget)})`),
  illFormedString: (path) => cafError(400, `'${bracketPath(path)}' must be a well-formed Unicode string`),
  notFound: (method, path, note) => cafError(404, `Cannot ${method} ${path}${note ? `: ${note}` : ''}`),
  methodNotAllowed: (_method, _path, allowed) => ({ ...cafError(405, MESSAGES.methodNotAllowed), headers: { 'content-type': 'application/json', allow: allowed.join(', ') } }),
  internal: () => cafError(500, MESSAGES.internal),
  // CAF documents no messages for these statuses: the HTTP reason phrase, in CAF's shape.
  forStatus: (status) => cafError(status, status === 500 ? MESSAGES.internal : (reasonPhrase(status) ?? `HTTP error ${status}`)),
  // A rate limit the user set (CAF documents none): CAF is reported to send Retry-After with its 429s.
  rateLimited: (seconds) => cafError(429, reasonPhrase(429)!, undefined, { 'retry-after': String(seconds) }),
  parserRefusal: (status, message) => cafError(status, message),
}
