// The version-1 snapshot document (../sandbox-state.ts) split into what the state database
// keeps — one row per vendor row, plus a few small parts (clock, ids, issued tokens, each
// vendor's values without its rows) — and put back together from them.
import type { SandboxSnapshot } from '../sandbox-state.ts'
import { rowKey, type KeyField } from './row-keys.ts'

/** A vendor row as the database keeps it: `row` null when it was deleted. */
export interface RowChange {
  vendor: string
  model: string
  key: string
  row: Record<string, unknown> | null
}

/** Part name → value: `savedAt`, `clock`, `ids`, `issued`, and `vendor:<name>` for each vendor's values. */
export type DocParts = Map<string, unknown>

const VENDOR = 'vendor:'

/** Everything in `snapshot` but the rows. */
export function docParts(snapshot: SandboxSnapshot): DocParts {
  const parts: DocParts = new Map<string, unknown>([
    ['savedAt', snapshot.savedAt],
    ['clock', snapshot.clock],
    ['ids', snapshot.ids],
    ['issued', snapshot.issued],
  ])
  for (const [name, value] of Object.entries(snapshot.vendors)) {
    const { db: _rows, ...values } = value as Record<string, unknown>
    parts.set(VENDOR + name, values)
  }
  return parts
}

/** Every row of `snapshot`, with its key. */
export function* rowsOf(snapshot: SandboxSnapshot, keyField: KeyField): Generator<RowChange> {
  for (const [vendor, value] of Object.entries(snapshot.vendors)) {
    const db = ((value as Record<string, unknown>).db ?? {}) as Record<string, Record<string, unknown>[]>
    for (const [model, rows] of Object.entries(db)) {
      let i = 0
      for (const row of rows) yield { vendor, model, key: rowKey(keyField, vendor, model, row, i++), row }
    }
  }
}

/**
 * The document `sandbox.restore` takes, from the parts and rows (in their order). Nothing is
 * checked here: restore checks everything and names the bad value.
 */
export function assemble(parts: DocParts, rows: Iterable<{ vendor: string; model: string; row: unknown }>): Record<string, unknown> {
  const vendors: Record<string, Record<string, unknown>> = {}
  const vendor = (name: string) => (vendors[name] ??= {})
  for (const [part, value] of parts) {
    if (part.startsWith(VENDOR)) Object.assign(vendor(part.slice(VENDOR.length)), value)
  }
  for (const { vendor: name, model, row } of rows) {
    const db = (vendor(name).db ??= {}) as Record<string, unknown[]>
    ;(db[model] ??= []).push(row)
  }
  // A vendor whose models are all empty has no rows, but restore needs its `db` object.
  for (const v of Object.values(vendors)) v.db ??= {}
  const doc: Record<string, unknown> = { version: 1 }
  for (const part of ['savedAt', 'clock', 'ids', 'issued']) if (parts.has(part)) doc[part] = parts.get(part)
  doc.vendors = vendors
  return doc
}
