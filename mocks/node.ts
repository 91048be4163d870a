// In-process in Node: msw's setupServer over a sandbox. Any fetch, axios or http call to a
// vendor's real host is answered by the sandbox.
import { setupServer, type SetupServer } from 'msw/node'
import type { Sandbox, SandboxOptions } from '../src/sandbox.ts'
import { createSandbox } from '../src/node/sandbox.ts'
import { createHandlers, type HandlerOptions } from './handlers.ts'
import { defaultUnhandled, type UnhandledOptions } from './unhandled.ts'

export interface SandboxServer {
  server: SetupServer
  sandbox: Sandbox
}

/**
 * Creates (or wraps) a sandbox and an msw server for it; call `server.listen()` to start
 * intercepting. `onUnhandled: 'error'` makes any request no handler answers fail, on msw 2 or 3.
 */
export function setupSandboxServer(options: SandboxOptions & HandlerOptions & UnhandledOptions & { sandbox?: Sandbox } = {}): SandboxServer {
  const sandbox = options.sandbox ?? createSandbox(options)
  const server = defaultUnhandled(setupServer(...createHandlers(sandbox, options)), 'listen', options.onUnhandled)
  // Closing it also ends the delays of faults in progress (their fetch fails as on a dropped
  // connection), so no timer of the sandbox's outlives the interception.
  const close = server.close.bind(server)
  server.close = () => {
    close()
    sandbox.faults.cancelDelays()
  }
  return { server, sandbox }
}
