// createSandbox for Node (the `token-sandbox` and `token-sandbox/mocks/node` entries, the
// server): the same sandbox, its own tokens' HMAC computed by node:crypto (./hmac.ts).
import { createSandbox as createCoreSandbox, type Sandbox, type SandboxOptions } from '../sandbox.ts'
import { nodeHmac } from './hmac.ts'

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  return createCoreSandbox(options.hmac ? options : { ...options, hmac: nodeHmac })
}
