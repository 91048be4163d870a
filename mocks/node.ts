// In-process in Node: msw's setupServer over a sandbox. Any fetch, axios or http call to a
// vendor's real host is answered by the sandbox.
import { setupServer, type SetupServer } from 'msw/node'
import { createSandbox, type Sandbox, type SandboxOptions } from '../src/sandbox.ts'
import { createHandlers, type HandlerOptions } from './handlers.ts'
import { installWebCryptoHmac } from '../src/server/webcrypto-hmac.ts'

export interface NodeOptions {
  /**
   * Compute HMAC for the sandbox's own token keys on this thread instead of libuv's thread pool
   * (default true; see src/server/webcrypto-hmac.ts). Signatures are byte-identical and a
   * sequential token request takes about a quarter less time (`npm run bench`). It wraps the global
   * `crypto.subtle.sign`/`verify`; calls with any other key go to Node's own methods unchanged.
   * `false` leaves `crypto.subtle` alone.
   */
  inlineHmac?: boolean
}

export interface SandboxServer {
  server: SetupServer
  sandbox: Sandbox
}

/** Creates (or wraps) a sandbox and an msw server for it; call `server.listen()` to start intercepting. */
export function setupSandboxServer(options: SandboxOptions & HandlerOptions & NodeOptions & { sandbox?: Sandbox } = {}): SandboxServer {
  if (options.inlineHmac !== false) installWebCryptoHmac()
  const sandbox = options.sandbox ?? createSandbox(options)
  const server = setupServer(...createHandlers(sandbox, options))
  return { server, sandbox }
}
