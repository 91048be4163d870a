// What changed in the sandbox, row by row: what ./state-file.ts writes to the state database.
//
// TEMPORARY: the sandbox's own change feed (`sandbox.watch(listener)` calling `listener` with a
// StateChange: the row a create/update/delete touched, or 'other') is being built on main. Until
// it lands, this fakes it from what exists: the plain `sandbox.watch()` says "something
// changed", and `flush()` finds which rows by comparing `sandbox.snapshot()` with the last one
// (O(all rows) per write). A sandbox that passes StateChanges is used as is (the fake then
// stands down), so this works before and after; once main has the feed, `watchChanges` becomes
// `{ flush() {}, stop: sandbox.watch(listener) }` and StateChange is imported from ../sandbox.ts.
import type { Sandbox } from '../sandbox.ts'
import { rowKey } from './row-keys.ts'

export type StateChange =
  /** A vendor row created or updated (`row`: as in the snapshot's vendors.<vendor>.db.<model>), or deleted (`row: null`). */
  | { kind: 'row'; vendor: string; model: string; key: string; row: Record<string, unknown> | null }
  /** Anything else: the clock, issued tokens, the id generator, a vendor's secrets or settings. */
  | { kind: 'other' }

export interface ChangeFeed {
  /** Reports, synchronously, any change not reported yet (a no-op with the sandbox's own feed). */
  flush(): void
  stop(): void
}

type Row = Record<string, unknown>
type Rows = Map<string, Map<string, Row>>

/** vendor/model → key → row, for the current state. */
function rowsOf(sandbox: Sandbox): Rows {
  const out: Rows = new Map()
  for (const [vendor, part] of Object.entries(sandbox.snapshot().vendors)) {
    const db = (part as { db?: Record<string, Row[]> }).db ?? {}
    for (const [model, rows] of Object.entries(db)) out.set(`${vendor}/${model}`, new Map(rows.map((r, i) => [rowKey(vendor, model, r, i), r])))
  }
  return out
}

const sameRow = (a: Row, b: Row) => {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}

const isChange = (c: unknown): c is StateChange => typeof c === 'object' && c !== null && ((c as StateChange).kind === 'row' || (c as StateChange).kind === 'other')

export function watchChanges(sandbox: Sandbox, listener: (change: StateChange) => void): ChangeFeed {
  // The rows as last reported; null once the sandbox is seen reporting changes itself.
  let last: Rows | null = rowsOf(sandbox)
  let dirty = false
  const stop = sandbox.watch((change?: unknown) => {
    if (isChange(change)) {
      last = null
      listener(change)
      return
    }
    dirty = true
    // Counted now (the request that made it waits for it); which rows, at flush().
    listener({ kind: 'other' })
  })
  return {
    flush() {
      if (!dirty || last === null) return
      dirty = false
      const now = rowsOf(sandbox)
      for (const [id, rows] of now) {
        const [vendor, model] = id.split('/') as [string, string]
        const before = last.get(id) ?? new Map<string, Row>()
        for (const [key, row] of rows) {
          const old = before.get(key)
          if (!old || !sameRow(old, row)) listener({ kind: 'row', vendor, model, key, row })
        }
        for (const key of before.keys()) if (!rows.has(key)) listener({ kind: 'row', vendor, model, key, row: null })
      }
      last = now
    },
    stop,
  }
}
