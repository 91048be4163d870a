// What each vendor's load test sends: a request that makes the sandbox do its real work on
// every call — issue a fresh signed token, or verify a freshly minted one. The bench plays the
// integrator here, so it mints CAF tokens itself (node:crypto, outside the sandbox).
import { createHmac, randomUUID } from 'node:crypto'
import type { LoadRequest } from './load.ts'

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url')

/** An integrator's CAF mobile token: HS256 over {iss, exp, peopleId} with the key's secret. */
function cafToken(clientId: string, secret: string, peopleId: string): string {
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iss: clientId, exp: Math.floor(Date.now() / 1000) + 300, peopleId, jti: randomUUID() })}`
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`
}

export const scenarios = {
  complycube: {
    method: 'POST',
    path: '/complycube/v1/tokens',
    headers: { authorization: 'test_tokensandbox_default_0001', 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: '5eb04fcd0f3e360008035eb1', referrer: 'https://www.example.com/*' }),
  },
  caf: {
    method: 'POST',
    path: '/caf/prod/mobile/faces/authenticate',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ peopleId: '12345678909', imageUrl: 'https://images.example.com/selfie.jpg' }),
    fresh: () => ({ headers: { authorization: cafToken('tokensandbox-prod-0001', 'sandbox-prod-secret-0001-5c1e7a93d04b28f6e1a7c3d9', '12345678909') } }),
  },
  ca: {
    method: 'POST',
    path: '/ca/hedmoral/token',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    fresh: () => ({
      body: JSON.stringify({ client_txn_id: randomUUID(), client_app_id: 'BENCH_OPS', username: 'hedmoral_admin', password: 'Hedmoral-Sandbox-1' }),
    }),
  },
} satisfies Record<string, LoadRequest>
