// setupSandboxServer computes HMAC for the sandbox's own keys in-line by default, and leaves
// crypto.subtle alone when told `inlineHmac: false`. Each case runs in a fresh Node process:
// what is installed on crypto.subtle is process-wide.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const NODE_ENTRY = fileURLToPath(new URL('../../mocks/node.ts', import.meta.url))

function inChild(options: string): { ownMethods: string[]; status: number; verifies: boolean } {
  const script = `
    const { setupSandboxServer } = await import(${JSON.stringify(NODE_ENTRY)})
    const { server, sandbox } = setupSandboxServer({ seed: 'inline', ...${options} })
    server.listen({ onUnhandledFrame: 'error', onUnhandledRequest: 'error' })
    const res = await fetch('https://api.complycube.com/v1/tokens', {
      method: 'POST',
      headers: { authorization: 'test_tokensandbox_default_0001', 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: '5eb04fcd0f3e360008035eb1', referrer: 'https://www.example.com/*' }),
    })
    const { token } = await res.json()
    const verdict = await sandbox.complycube.verifyToken({ token, referrer: 'https://www.example.com/a' })
    server.close()
    console.log(JSON.stringify({ ownMethods: Object.getOwnPropertyNames(crypto.subtle), status: res.status, verifies: verdict.accepted }))
  `
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 })
  return JSON.parse(out.trim().split('\n').pop()!)
}

describe('setupSandboxServer and crypto.subtle', () => {
  it('signs in-line by default: sign/verify wrapped, tokens verify', () => {
    expect(inChild('{}')).toEqual({ ownMethods: expect.arrayContaining(['sign', 'verify']), status: 200, verifies: true })
  })

  it('leaves crypto.subtle untouched with inlineHmac: false, and tokens still verify', () => {
    expect(inChild('{ inlineHmac: false }')).toEqual({ ownMethods: [], status: 200, verifies: true })
  })
})
