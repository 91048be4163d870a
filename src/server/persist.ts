// Which requests wait for the state file before they are answered. A request "changed state"
// when, while it ran, the sandbox reported a change (a stored row created, updated or deleted,
// a token signed — CAF's GET /session-tokens signs one —, the clock moved), or when it is a
// POST/PUT/PATCH/DELETE answered below 400 (this covers state kept outside the stores, such as
// CAF's settings) by a route not marked `unsaved` (faults and the rate-limit setting are
// run-time state no state file keeps). Such a request is answered only once a write that includes it is on disk.
// Concurrent requests may wait for a write caused by another: never for less than their own.
// When that write fails, the change is undone (./state-file.ts) and the answer is a 503.
import { adminError } from '../admin/errors.ts'
import type { SandboxRequest, SandboxResponse } from '../core/types.ts'
import type { StateFile } from './state-file.ts'

export type Handle = (request: SandboxRequest) => Promise<SandboxResponse>

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function persisting(handle: Handle, store: StateFile, onError?: (err: unknown) => void): Handle {
  return async (request) => {
    // Held while a rollback is pending, so no request's changes straddle one.
    const wait = store.enter()
    if (wait) await wait
    const before = store.changes()
    let answer: SandboxResponse
    let upTo: number
    try {
      answer = await handle(request)
      upTo = store.changes()
      // Numbered before leaving: a rollback run on leave must count it as undone.
      if (upTo === before && !READS.has(request.method) && !answer.drop && !answer.unsaved && answer.status < 400) upTo = store.noteChange()
    } finally {
      store.leave()
    }
    if (upTo === before) return answer
    try {
      await store.commit(upTo)
    } catch (err) {
      // The write's own error is reported by the state file; anything else is ours to report.
      if ((err as Error).name !== 'StateNotSavedError') onError?.(err)
      return adminError(
        503,
        'state_not_saved',
        'The sandbox could not write its state file, so nothing was changed (the change was undone); it is safe to retry. See the server log',
      )
    }
    return answer
  }
}
