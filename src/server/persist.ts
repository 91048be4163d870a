// Which requests wait for the state file before they are answered. A request "changed state"
// when, while it ran, the sandbox reported a change (a stored row created, updated or deleted,
// a token signed — CAF's GET /session-tokens signs one —, the clock moved), or when it is a
// POST/PUT/PATCH/DELETE answered below 400 (this covers state kept outside the stores, such as
// CAF's settings). Such a request is answered only once a write that includes it is on disk.
// Concurrent requests may wait for a write caused by another: never for less than their own.
import { adminError } from '../admin/errors.ts'
import type { SandboxRequest, SandboxResponse } from '../core/types.ts'
import type { StateFile } from './state-file.ts'

export type Handle = (request: SandboxRequest) => Promise<SandboxResponse>

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function persisting(handle: Handle, store: StateFile, onError?: (err: unknown) => void): Handle {
  return async (request) => {
    const before = store.changes()
    const answer = await handle(request)
    const changed = store.changes() !== before || (!READS.has(request.method) && answer.status < 400)
    if (!changed) return answer
    try {
      await store.commit()
    } catch (err) {
      onError?.(err)
      // The change is in memory but not on disk: say so rather than acknowledge it.
      return adminError(503, 'state_not_saved', 'The sandbox could not write its state file, so this change is not saved; see the server log')
    }
    return answer
  }
}
