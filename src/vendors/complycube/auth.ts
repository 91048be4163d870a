// The API key is the raw value of `Authorization` (no `Bearer`); its prefix picks the
// environment: test_ = sandbox, live_ = live. Unknown, malformed and revoked keys are all 401
// with the same message, as ComplyCube answers; the journal keeps the precise reason.
import type { RouteContext } from '../../core/service.ts'
import type { SandboxResponse } from '../../core/types.ts'
import { unauthorized } from './errors.ts'
import { environmentOfKey, type ComplyCubeState } from './state.ts'

export function authenticate(ctx: RouteContext<ComplyCubeState>): SandboxResponse | null {
  const key = ctx.req.headers['authorization']?.trim()
  if (!key) {
    ctx.refuse('missing Authorization header')
    return unauthorized()
  }
  const environment = environmentOfKey(key)
  if (!environment) {
    ctx.refuse(key.toLowerCase().startsWith('bearer ') ? 'key sent with a Bearer prefix' : 'key has neither test_ nor live_ prefix')
    return unauthorized()
  }
  ctx.environment = environment
  // Each environment has its own store: a live key is unknown to the sandbox's, and back.
  const row = ctx.state.store.in(environment).apiKey.get(key)
  if (!row) {
    ctx.refuse('unknown API key')
    return unauthorized()
  }
  if (row.revoked) {
    ctx.refuse('API key revoked')
    return unauthorized()
  }
  ctx.meta({ key: redactKey(key) })
  return null
}

/** `test_abcd…wxyz`: enough to tell keys apart in the journal, never the whole key. */
export function redactKey(key: string): string {
  return key.length <= 12 ? key.slice(0, 5) + '…' : `${key.slice(0, 9)}…${key.slice(-4)}`
}
