// In the browser: msw's setupWorker over a sandbox, for Web SDK demos with no backend.
import { setupWorker, type SetupWorker } from 'msw/browser'
import { createSandbox } from '../src/browser/sandbox.ts'
import type { Sandbox, SandboxOptions } from '../src/sandbox.ts'
import { createHandlers, type HandlerOptions } from './handlers.ts'
import { defaultUnhandled, type UnhandledOptions } from './unhandled.ts'

export interface SandboxWorker {
  worker: SetupWorker
  sandbox: Sandbox
}

/**
 * Creates (or wraps) a sandbox and an msw worker for it; call `worker.start()` in the page.
 * `onUnhandled: 'bypass'` lets the page's other requests through quietly, on msw 2 or 3.
 */
export function setupSandboxWorker(options: SandboxOptions & HandlerOptions & UnhandledOptions & { sandbox?: Sandbox } = {}): SandboxWorker {
  const sandbox = options.sandbox ?? createSandbox(options)
  const worker = defaultUnhandled(setupWorker(...createHandlers(sandbox, options)), 'start', options.onUnhandled)
  return { worker, sandbox }
}
