// The browser bundle's entry (`token-sandbox/browser`, built to dist/browser/token-sandbox.js by
// `npm run build:browser`): the same core as in Node, behind msw's setupWorker. Nothing here
// (or below it) may import a Node built-in; the build fails if something does.
import { decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose'

export { setupSandboxWorker, type SandboxWorker } from '../../mocks/browser.ts'
export { createSandbox } from './sandbox.ts'
export type { Sandbox, SandboxOptions } from '../sandbox.ts'
export { FixtureError } from '../core/fixtures.ts'
export { createHandlers, type HandlerOptions } from '../../mocks/handlers.ts'
export { parseDuration } from '../core/clock.ts'
export { FaultError, type Fault, type FaultRule } from '../core/faults.ts'
// What an integrator's backend does for CAF (sign the mobile token with the Mobile Key), for demos.
export { mintCafToken, type MintCafTokenInput } from '../vendors/caf/mint.ts'

/** Reads a JWT's header and claims without verifying anything (for showing a token); null if it is not one. */
export function decodeToken(token: string): { header: ProtectedHeaderParameters; payload: JWTPayload } | null {
  try {
    return { header: decodeProtectedHeader(token), payload: decodeJwt(token) }
  } catch {
    return null
  }
}
