// What `npm run bench` loads ComplyCube with (src/vendors/kit.ts): a fresh signed SDK token per call.
import type { BenchScenario } from '../kit.ts'

export const scenario: BenchScenario = {
  method: 'POST',
  path: '/complycube/v1/tokens',
  headers: { authorization: 'test_tokensandbox_default_0001', 'content-type': 'application/json' },
  body: JSON.stringify({ clientId: '5eb04fcd0f3e360008035eb1', referrer: 'https://www.example.com/*' }),
  does: 'POST /v1/tokens: a new SDK token, signed (HS256)',
  goal: 0.35,
  // The bench's peers (WireMock, oauth2-mock-server, Prism) answer ComplyCube's canned token.
  reference: true,
}
