// What `npm run bench` loads CAF with (src/vendors/kit.ts): a face authentication with a freshly
// minted mobile token on every call. The bench plays the integrator here, so it mints the token
// itself (node:crypto, outside the sandbox). `npm run soak` loads the BFF instead: it takes a
// freshly minted integrator token and signs a session token.
import { createHmac, randomUUID } from 'node:crypto'
import type { BenchScenario } from '../kit.ts'

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url')

/** An integrator's CAF mobile token: HS256 over {iss, exp, peopleId} with the key's secret. */
function cafToken(clientId: string, secret: string, peopleId: string): string {
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iss: clientId, exp: Math.floor(Date.now() / 1000) + 300, peopleId, jti: randomUUID() })}`
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`
}

export const scenario: BenchScenario = {
  method: 'POST',
  path: '/caf/prod/mobile/faces/authenticate',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ peopleId: '12345678909', imageUrl: 'https://images.example.com/selfie.jpg' }),
  does: 'POST /faces/authenticate: a freshly minted integrator token verified, the attempt recorded',
  goal: 0.25,
  fresh: () => ({ headers: { authorization: cafToken('tokensandbox-prod-0001', 'sandbox-prod-secret-0001-5c1e7a93d04b28f6e1a7c3d9', '12345678909') } }),
}

export const soak = async (): Promise<BenchScenario[]> => [
  { method: 'GET', path: '/caf/prod/bff/session-tokens', fresh: () => ({ headers: { authorization: `Bearer ${scenario.fresh!().headers!.authorization}` } }) },
]
