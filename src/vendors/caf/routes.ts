// CAF's routes, with what each needs: which API serves it (a Mobile API path is not found on the
// BFF host, and the other way round), how the token is checked, and the products that may call it.
import type { Route } from '../../core/service.ts'
import { createSession, sessionTokens } from './bff.ts'
import { trackAnalytics } from './bff-analytics.ts'
import { createTransaction, TRANSACTION_MAX_BYTES } from './bff-transactions.ts'
import { authenticateFace, getAttempt, liveness, register } from './faces.ts'
import type { Api } from './hosts.ts'
import type { Product } from './products.ts'
import type { CafLocals, CafState, Environment } from './state.ts'
import { verifyTokenRoute } from './token-check.ts'
import { getCoreAttempt, registerCoreFace } from './core-faces.ts'
import { createAttestation } from './sdk-attestations.ts'
import { documentQuality } from './sdk-quality.ts'
import { createUpload, receiveUpload, UPLOAD_MAX_BYTES } from './sdk-uploads.ts'

/**
 * - `mobile-token`: the self-signed HS256 JWT, refused with 400/401 before the body is read.
 * - `token-check`: the same JWT, judged by the handler (GET /tokens/verify answers 200 either way).
 * - `session-token`: a session token from GET /bff/session-tokens.
 * - `attestation`: an attestation from the SDK API's POST /attestations (./sdk-auth.ts).
 * - `upload-url`: the PUT target's URL carries its own signature, checked before the body is read (./sdk-uploads.ts).
 * - `core-token`: a Core API token created in Trust (./core-auth.ts).
 * - `any-token`: the self-signed token or a session token (analytics, and BFF paths the sandbox does not simulate).
 */
export type AuthMode = 'mobile-token' | 'token-check' | 'session-token' | 'attestation' | 'upload-url' | 'core-token' | 'any-token'

export interface CafRoute extends Route<CafState, Environment, CafLocals> {
  api: Api
  auth: AuthMode
  /** Any one of these must be linked to the key. */
  products?: readonly Product[]
}

/** The SDKs that use the BFF session-token flow. */
export const BFF_PRODUCTS: readonly Product[] = ['CafSDK', 'FaceLiveness']

export const routes: CafRoute[] = [
  { api: 'mobile', auth: 'mobile-token', products: ['FaceAuthenticator'], method: 'POST', path: '/faces/register', handler: register },
  { api: 'mobile', auth: 'mobile-token', products: ['FaceAuthenticator'], method: 'POST', path: '/faces/authenticate', handler: authenticateFace },
  { api: 'mobile', auth: 'mobile-token', products: ['FaceAuthenticator'], method: 'GET', path: '/faces/authenticate/:attemptId', body: 'none', handler: getAttempt },
  { api: 'mobile', auth: 'mobile-token', products: ['PassiveFaceLiveness'], method: 'POST', path: '/faces/liveness', handler: liveness },
  { api: 'mobile', auth: 'token-check', method: 'GET', path: '/tokens/verify', body: 'none', handler: verifyTokenRoute },
  { api: 'bff', auth: 'mobile-token', products: BFF_PRODUCTS, method: 'GET', path: '/session-tokens', body: 'none', handler: sessionTokens },
  { api: 'bff', auth: 'session-token', method: 'POST', path: '/sessions', handler: createSession },
  // The web liveness SDK (CafFaces2dSdk): a captured frame as base64, several MB.
  { api: 'bff', auth: 'session-token', method: 'POST', path: '/transactions', bodyLimit: TRANSACTION_MAX_BYTES, handler: createTransaction },
  // Fire and forget, sent from the SDK's first event on: either token is taken.
  { api: 'bff', auth: 'any-token', method: 'POST', path: '/track-analytics', handler: trackAnalytics },
  { api: 'sdk', auth: 'mobile-token', products: ['DocumentDetector'], method: 'POST', path: '/attestations', handler: createAttestation },
  { api: 'sdk', auth: 'attestation', method: 'POST', path: '/uploads', handler: createUpload },
  // An image, larger than the sandbox's JSON bodies: the PUT takes up to 16 MiB whatever `bodyLimit` is.
  { api: 'sdk', auth: 'upload-url', method: 'PUT', path: '/uploads/:uploadId', body: 'none', bodyLimit: UPLOAD_MAX_BYTES, handler: receiveUpload },
  { api: 'sdk', auth: 'attestation', method: 'POST', path: '/documents/quality', handler: documentQuality },
  { api: 'core', auth: 'core-token', method: 'POST', path: '/v1/faces', handler: registerCoreFace },
  { api: 'core', auth: 'core-token', method: 'GET', path: '/v1/faces/attempts/:attemptId', body: 'none', handler: getCoreAttempt },
  // CAF documents 400 "attemptId not provided".
  { api: 'core', auth: 'core-token', method: 'GET', path: '/v1/faces/attempts', body: 'none', handler: getCoreAttempt },
]

/** How a path the sandbox does not simulate is judged before its 404: by the credential its API takes. */
const UNSIMULATED_AUTH: Record<Api, AuthMode> = { mobile: 'mobile-token', bff: 'any-token', sdk: 'attestation', core: 'core-token' }

export function unsimulatedRoute(api: string | null): Pick<CafRoute, 'auth'> & { api?: Api } {
  // An extra base URL serves every API: judged as the Mobile API.
  const known = api !== null && api in UNSIMULATED_AUTH ? (api as Api) : 'mobile'
  return { api: known, auth: UNSIMULATED_AUTH[known] }
}
