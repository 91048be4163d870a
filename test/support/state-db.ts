// Reading a `serve --state` database from a test, as the version-1 document it holds, through
// a read-only connection of its own (a server may have it open, or have been killed mid-write).
import { DatabaseSync } from 'node:sqlite'
import { assemble } from '../../src/server/state-doc.ts'

export type StateDocument = { version: number; savedAt: string; clock: unknown; ids: unknown; vendors: any; issued: unknown[] }

export function readStateDb(file: string): StateDocument {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    const check = db.prepare('PRAGMA quick_check').get() as Record<string, unknown>
    if (Object.values(check)[0] !== 'ok') throw new Error(`${file} is corrupt: ${JSON.stringify(check)}`)
    const parts = new Map((db.prepare('SELECT part, data FROM doc').all() as { part: string; data: string }[]).map((r) => [r.part, JSON.parse(r.data)]))
    const rows = (db.prepare('SELECT vendor, model, data FROM rows ORDER BY vendor, model, seq').all() as { vendor: string; model: string; data: string }[]).map(
      (r) => ({ vendor: r.vendor, model: r.model, row: JSON.parse(r.data) as unknown }),
    )
    return assemble(parts, rows) as StateDocument
  } finally {
    db.close()
  }
}

/** The document without `savedAt` (which every write sets), for comparing two states. */
export function stateWithoutSavedAt(file: string): Omit<StateDocument, 'savedAt'> {
  const { savedAt: _, ...rest } = readStateDb(file)
  return rest
}
