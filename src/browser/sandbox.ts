// createSandbox in the browser (the `token-sandbox/browser` and `token-sandbox/mocks/browser`
// entries): the registry's vendors, their tokens' HMAC computed by WebCrypto (../core/hmac.ts).
import { createSandboxWith, type Sandbox, type SandboxOptions } from '../sandbox.ts'
import { vendorDefinitions } from '../vendors/registry.ts'

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  return createSandboxWith(vendorDefinitions, options)
}
