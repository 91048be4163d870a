// What `npm run bench` loads ComplyCube with (src/vendors/kit.ts): a fresh signed SDK token per call.
import type { BenchScenario, StateBench } from '../kit.ts'

const KEY = 'test_tokensandbox_default_0001'
const headers = { authorization: KEY, 'content-type': 'application/json' }

export const scenario: BenchScenario = {
  method: 'POST',
  path: '/complycube/v1/tokens',
  headers,
  body: JSON.stringify({ clientId: '5eb04fcd0f3e360008035eb1', referrer: 'https://www.example.com/*' }),
  does: 'POST /v1/tokens: a new SDK token, signed (HS256)',
  goal: 0.35,
  // The bench's peers (WireMock, oauth2-mock-server, Prism) answer ComplyCube's canned token.
  reference: true,
}

/** `serve --state` over seeds of `n` clients (the default key kept): a client created, a page listed. */
export const state: StateBench = {
  rows: 'clients',
  model: 'client',
  fixtures(n) {
    const base = Date.UTC(2025, 0, 1)
    const clients = Array.from({ length: n }, (_, i) => ({
      environment: 'sandbox',
      id: i.toString(16).padStart(24, '0'),
      type: 'person',
      email: `bench-${i}@example.com`,
      personDetails: { firstName: 'Bench', lastName: `Client${i}` },
      createdAt: new Date(base + i * 1000).toISOString(),
    }))
    return { apiKeys: [{ key: KEY, name: 'Default test key', environment: 'sandbox' }], clients }
  },
  write: (i) => ({ method: 'POST', path: '/complycube/v1/clients', headers, body: JSON.stringify({ type: 'person', email: `w${i}@example.com`, personDetails: { firstName: 'W', lastName: 'R' } }) }),
  list: { method: 'GET', path: '/complycube/v1/clients?pageSize=10', headers },
}
