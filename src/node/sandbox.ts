// createSandbox for Node (the `token-sandbox` and `token-sandbox/mocks/node` entries, the
// server): the registry's vendors, their tokens' HMAC computed by node:crypto (./hmac.ts).
import { createSandboxWith, type Sandbox, type SandboxOptions } from '../sandbox.ts'
import { vendorDefinitions } from '../vendors/registry.ts'
import { nodeHmac } from './hmac.ts'

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  return createSandboxWith(vendorDefinitions, options.hmac ? options : { ...options, hmac: nodeHmac })
}
