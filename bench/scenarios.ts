// What each vendor's load test sends: a request that makes the sandbox do its real work
// (issue a fresh, signed token, or verify one) on every call.
import type { LoadRequest } from './load.ts'

export const scenarios: Record<string, LoadRequest | Promise<LoadRequest>> & { complycube: LoadRequest } = {
  complycube: {
    method: 'POST',
    path: '/complycube/v1/tokens',
    headers: { authorization: 'test_tokensandbox_default_0001', 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: '5eb04fcd0f3e360008035eb1', referrer: 'https://www.example.com/*' }),
  },
}
