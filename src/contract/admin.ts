// The sandbox surface (/__sandbox) as the contract suites use it: over HTTP when given the admin
// URL of a standalone server, or in-process through `sandbox.handle` when given the sandbox
// itself (msw runs). Either way the same admin routes answer.
import type { Sandbox } from '../sandbox.ts'
import type { ClockState } from '../core/clock.ts'
import { trimTrailingSlashes } from '../core/paths.ts'

/** The admin API's URL (`http://127.0.0.1:4545/__sandbox`) or an in-process sandbox. */
export type AdminTarget = string | Pick<Sandbox, 'handle'>

export interface AdminClient {
  /** Calls an admin route; throws unless it answers 2xx. */
  call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<any>
  clock(): Promise<ClockState>
  freeze(atMs?: number): Promise<ClockState>
  advance(by: string): Promise<ClockState>
  /** Puts the clock back as `before` showed it (frozen or running, and its offset). */
  restore(before: ClockState): Promise<void>
}

const ADMIN_ORIGIN = 'http://token-sandbox.invalid'

/**
 * `token`: the admin token of a server whose admin guard is on (`serve --admin-token`, or any
 * server off loopback); sent as `Authorization: Bearer`. Not needed in-process.
 */
export function adminClient(target: AdminTarget, token?: string): AdminClient {
  const auth: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` }
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<any> => {
    let status: number
    let payload: unknown
    if (typeof target === 'string') {
      const res = await globalThis.fetch(trimTrailingSlashes(target) + path, {
        method,
        // The admin API takes state changes only as application/json, with a body or without.
        headers: method === 'GET' ? auth : { ...auth, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      status = res.status
      const text = await res.text()
      payload = text ? JSON.parse(text) : undefined
    } else {
      const res = await target.handle({
        method,
        url: new URL('/__sandbox' + path, ADMIN_ORIGIN),
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : new TextEncoder().encode(JSON.stringify(body)),
      })
      status = res.status
      payload = res.body
    }
    if (status < 200 || status > 299) throw new Error(`sandbox admin ${method} ${path} answered ${status}: ${JSON.stringify(payload)}`)
    return payload
  }
  return {
    call,
    clock: () => call('GET', '/clock'),
    freeze: (atMs) => call('POST', '/clock/freeze', atMs === undefined ? {} : { at: atMs }),
    advance: (by) => call('POST', '/clock/advance', { by }),
    async restore(before) {
      // Real time with no offset is the common case, and `reset` restores it exactly.
      if (!before.frozen && Math.abs(before.offsetMs) < 50) {
        await call('POST', '/clock/reset')
        return
      }
      await call('POST', '/clock/freeze', { at: before.epochMs })
      if (!before.frozen) await call('POST', '/clock/unfreeze')
    },
  }
}
