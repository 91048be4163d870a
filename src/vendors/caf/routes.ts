// CAF's routes, with what each needs: which API serves it (a Mobile API path is not found on the
// BFF host, and the other way round), how the token is checked, and the products that may call it.
import type { Route } from '../../core/service.ts'
import { createSession, sessionTokens } from './bff.ts'
import { authenticateFace, getAttempt, liveness, register } from './faces.ts'
import type { Api } from './hosts.ts'
import type { Product } from './products.ts'
import type { CafLocals, CafState } from './state.ts'
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
 */
export type AuthMode = 'mobile-token' | 'token-check' | 'session-token' | 'attestation' | 'upload-url' | 'core-token'

export interface CafRoute extends Route<CafState, CafLocals> {
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
