// In the browser: msw's setupWorker over a sandbox, for Web SDK demos with no backend.
import { setupWorker, type SetupWorker } from 'msw/browser'
import { createSandbox, type Sandbox, type SandboxOptions } from '../src/sandbox.ts'
import { createHandlers, type HandlerOptions } from './handlers.ts'

export interface SandboxWorker {
  worker: SetupWorker
  sandbox: Sandbox
}

/** Creates (or wraps) a sandbox and an msw worker for it; call `worker.start()` in the page. */
export function setupSandboxWorker(options: SandboxOptions & HandlerOptions & { sandbox?: Sandbox } = {}): SandboxWorker {
  const sandbox = options.sandbox ?? createSandbox(options)
  const worker = setupWorker(...createHandlers(sandbox, options))
  return { worker, sandbox }
}
