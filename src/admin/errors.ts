// The sandbox's own error shape (not a vendor's): `{ error: { code, message } }`.
import { quote } from '../core/clip.ts'
import { json } from '../core/http.ts'
import { tooLargeReason } from '../core/body.ts'
import type { ErrorBuilders } from '../core/service.ts'
import type { SandboxResponse } from '../core/types.ts'
import type { AdminBody } from './bodies.ts'
import { bracketPath } from '../core/well-formed.ts'

/** The codes contracts/sandbox.yaml lists. */
export type AdminErrorCode = AdminBody['Error']['error']['code']

export function adminError(status: number, code: AdminErrorCode, message: string): SandboxResponse {
  return json(status, { error: { code, message } } satisfies AdminBody['Error'])
}

export const badRequest = (message: string) => adminError(400, 'bad_request', message)

export const adminErrors: ErrorBuilders = {
  malformedJson: (detail) => adminError(400, 'malformed_json', `The request body is not valid JSON: ${detail}`),
  unsupportedContentType: (ct) => adminError(415, 'unsupported_media_type', `Expected application/json, got ${ct === undefined ? 'nothing' : quote(ct)}`),
  bodyTooLarge: (limit, budget) => adminError(413, 'body_too_large', `The request body is too large (${tooLargeReason(limit, budget)})`),
  illFormedString: (path) => adminError(400, 'bad_request', `${bracketPath(path)} must be a well-formed Unicode string (it holds a lone UTF-16 surrogate)`),
  notFound: (method, path) => adminError(404, 'not_found', `No sandbox route for ${method} ${path}`),
  methodNotAllowed: (method, path, allowed) =>
    adminError(405, 'method_not_allowed', `${method} is not allowed on ${path}; use ${allowed.join(', ')}`),
  internal: () => adminError(500, 'internal', 'The sandbox failed to answer; see its log'),
  // The admin API is never faulted; kept for the interface.
  forStatus: (status) => (status >= 500 ? adminError(status, 'internal', `HTTP ${status}`) : adminError(status, 'bad_request', `HTTP ${status}`)),
  // Nor rate-limited.
  rateLimited: () => adminError(429, 'bad_request', 'HTTP 429'),
  parserRefusal: (status, message) => adminError(status, 'bad_request', message),
}
