// The CA solution's error payload: `{error_code, error_description}`. Its "Error Codes Returned by
// APIs for Managing Accounts and User Factors" page says every code there comes with HTTP 400,
// and that anything else means "send the request again after some time". The descriptions
// follow that table (including its placeholders). Codes marked [MOCK] are ours: CA names none
// for malformed input, unknown routes or server failures.
import { quote } from '../../core/clip.ts'
import { json } from '../../core/http.ts'
import { tooLargeReason } from '../../core/body.ts'
import type { ErrorBuilders } from '../../core/service.ts'
import type { SandboxResponse } from '../../core/types.ts'
import type { Schemas } from './bodies.ts'
import { bracketPath } from '../../core/well-formed.ts'

/**
 * Every code, documented then [MOCK], as contracts/ca.yaml lists them (`ErrorCode`); the body
 * is its `Error` schema, so a contract change the code does not follow fails `tsc`.
 */
export type CaErrorCode = Schemas['ErrorCode']

export function caError(code: CaErrorCode, description: string, status = 400, headers?: Record<string, string>): SandboxResponse {
  const body: Schemas['Error'] = { error_code: code, error_description: description }
  return json(status, body, headers)
}

export const missingInput = (element: string) => caError('missing_input', `Value for element {${element}} is required`)
/** [MOCK] A value of the wrong type or format. */
export const invalidInput = (element: string) => caError('invalid_input', `Value for element {${element}} is invalid`)

export const unauthorizedAccess = () => caError('unauthorized_access', 'Invalid credentials')
export const userNotAuthorized = () => caError('user_not_authorized', 'User is not authorized')
export const authTokenVerifyFailed = () => caError('auth_token_verify_failed', 'Authorization token verification has failed')
export const authTokenExpired = () => caError('auth_token_expired', 'Authorization token has expired')

export const accountNotFound = () => caError('account_not_found', 'account does not exist')
export const accountExists = () => caError('account_exists', 'account_id already exists')
export const tenantNotFound = () => caError('tenant_not_found', 'tenant_id does not exist')
export const multipleAccountsFound = () => caError('multiple_accounts_found', 'account_id found for more than one name')
export const cardNotFound = (cardNumber: string) => caError('card_not_found', `card_number [${quote(cardNumber)}] does not exist`)
export const linkAlreadyExists = (cardNumber: string) =>
  caError('link_already_exists', `Cardnumber (${quote(cardNumber)}) is linked with another account`)
export const contactNotFound = (contactId: string) => caError('contact_not_found', `contact_id [ ${quote(contactId)} ] does not exist`)
// CA's table words this one with "contact_id" too; kept as documented.
export const deviceNotFound = (deviceId: string) => caError('device_not_found', `contact_id ${quote(deviceId)} does not exist`)
export const defaultFactorCannotBeDeleted = () => caError('default_factor_cannot_be_deleted', 'Default factor cannot be deleted')
export const defaultForMoreThanOne = (factor: 'contact' | 'device') =>
  caError('is_default_enabled_for_more_than_one_factor', `is_default is set to true for more than one ${factor}`)

/** Failures the core finds before a handler runs; all but 404/405/500 keep CA's 400. */
export const errors: ErrorBuilders = {
  malformedJson: () => caError('invalid_input', 'Request body is not valid JSON'),
  unsupportedContentType: () => invalidInput('Content-Type'),
  bodyTooLarge: (limit, budget) =>
    caError('invalid_input', budget === undefined ? `Request body is larger than ${limit} bytes` : `Request body not read (${tooLargeReason(limit, budget)})`),
  illFormedString: (path) => invalidInput(bracketPath(path)),
  notFound: (method, path, note) => caError('resource_not_found', `No API at ${method} ${path}${note ? `: ${note}` : ''}`, 404),
  methodNotAllowed: (method, path, allowed) =>
    caError('method_not_allowed', `${method} is not supported on ${path}`, 405, { allow: allowed.join(', ') }),
  internal: () => caError('internal_error', 'The request could not be processed; send it again after some time', 500),
  // CA answers its documented errors with 400 and says anything else means "try again later".
  forStatus: (status) => {
    if (status >= 500) return caError('internal_error', 'The request could not be processed; send it again after some time', status)
    if (status === 401 || status === 403) return caError('unauthorized_access', 'Invalid credentials', status)
    if (status === 404) return caError('resource_not_found', 'The requested resource does not exist', 404)
    if (status === 429) return caError('rate_limit_exceeded', 'Too many requests; send the request again after some time', 429)
    return caError('invalid_input', `The request could not be processed (HTTP ${status})`, status)
  },
  // [MOCK] CA documents no 429: over a rate limit the user set, the seconds until its window ends.
  rateLimited: (seconds) =>
    caError('rate_limit_exceeded', `Too many requests; send the request again after ${seconds} seconds`, 429, { 'retry-after': String(seconds) }),
  parserRefusal: (status, message) => caError('invalid_input', message, status),
}
