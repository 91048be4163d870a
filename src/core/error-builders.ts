// Default error builders: a vendor gives one function that makes its error body for a status and
// a message, and gets every builder the core needs (./service.ts's ErrorBuilders) with plain
// messages; it overrides the ones it words its own way. Vendors that document no 405 answer a
// method a path lacks as a 404 (`methodNotAllowed: 'as404'`).
import type { ErrorBuilders } from './service.ts'
import type { SandboxResponse } from './types.ts'
import { tooLargeReason } from './body.ts'
import { bracketPath } from './well-formed.ts'

const REASONS: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  402: 'Payment required',
  403: 'Forbidden',
  404: 'Not found',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable entity',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
}

/** The HTTP reason phrase of a status this table knows; undefined for another. */
export const reasonPhrase = (status: number): string | undefined => REASONS[status]

/** The HTTP reason phrase of a status, or `HTTP <status>`. */
export const reasonOf = (status: number): string => REASONS[status] ?? `HTTP ${status}`

export type ErrorMaker = (status: number, message: string) => SandboxResponse

export function defaultErrors(make: ErrorMaker, overrides: Partial<Omit<ErrorBuilders, 'methodNotAllowed'>> & { methodNotAllowed?: ErrorBuilders['methodNotAllowed'] | 'as404' } = {}): ErrorBuilders {
  const notFound = overrides.notFound ?? ((method: string, path: string, note?: string) => make(404, `No route ${method} ${path}${note ? `: ${note}` : ''}`))
  const { methodNotAllowed, ...rest } = overrides
  return {
    malformedJson: () => make(400, 'The request body is not valid JSON'),
    unsupportedContentType: () => make(415, 'The request body must be sent as application/json'),
    bodyTooLarge: (limit, budget) => make(413, `The request body is too large (${tooLargeReason(limit, budget)})`),
    illFormedString: (path) => make(400, `${bracketPath(path)} must be a well-formed Unicode string`),
    internal: () => make(500, reasonOf(500)),
    forStatus: (status) => make(status, reasonOf(status)),
    // A vendor documenting no rate-limit headers: the Retry-After most clients honour.
    rateLimited: (seconds) => {
      const res = make(429, reasonOf(429))
      return { ...res, headers: { ...res.headers, 'retry-after': String(seconds) } }
    },
    parserRefusal: make,
    ...rest,
    notFound,
    methodNotAllowed:
      methodNotAllowed === 'as404'
        ? (method, path) => notFound(method, path)
        : (methodNotAllowed ??
          ((method, path, allowed) => {
            const res = make(405, `${method} is not allowed on ${path}`)
            return { ...res, headers: { ...res.headers, allow: allowed.join(', ') } }
          })),
  }
}
