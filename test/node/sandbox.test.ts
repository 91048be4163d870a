// The Node entry's createSandbox signs with node:crypto; its tokens are the very bytes the core's
// default (WebCrypto) signs for the same seed and clock.
import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../src/node/sandbox.ts'
import { createSandboxWith, type Sandbox } from '../../src/sandbox.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'

const issue = async (sandbox: Sandbox) => {
  const response = await sandbox.handle({
    method: 'POST',
    url: new URL('https://api.complycube.com/v1/tokens'),
    headers: { authorization: 'test_tokensandbox_default_0001', 'content-type': 'application/json' },
    body: new TextEncoder().encode(JSON.stringify({ clientId: '5eb04fcd0f3e360008035eb1', referrer: 'https://www.example.com/*' })),
  })
  expect(response.status).toBe(200)
  return (response.body as { token: string }).token
}

describe('createSandbox in Node', () => {
  it('issues the same token bytes as the WebCrypto default, and they verify', async () => {
    const options = { seed: 'node-hmac', now: Date.parse('2026-01-01T00:00:00Z') }
    const node = createSandbox(options)
    const token = await issue(node)
    expect(token).toBe(await issue(createSandboxWith(vendorDefinitions, options)))
    expect(await node.complycube.verifyToken({ token, referrer: 'https://www.example.com/a' })).toMatchObject({ accepted: true })
  })
})
