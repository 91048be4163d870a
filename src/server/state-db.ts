// The state database (`serve --state FILE`): SQLite through node:sqlite, the durable copy of the
// sandbox's state (the in-memory store, core/store.ts, stays the live one).
//
//   rows(vendor, model, key, seq, data)  one per vendor row; data = the row as JSON; seq keeps
//                                        the rows' order (restore recreates them in it)
//   doc(part, data)                      clock, ids, issued, savedAt, vendor:<name> (its values
//                                        without rows), as JSON
//
// WAL mode with synchronous=FULL: a committed transaction is fsync'ed, so it survives kill -9
// and power loss. The file says it is ours with its application_id and its layout with its
// user_version.
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { SandboxSnapshot } from '../sandbox-state.ts'
import { assemble, docParts, rowsOf, type DocParts, type RowChange } from './state-doc.ts'
import { keyColumn, keyFromColumn, type KeyField } from './row-keys.ts'
import { StateFileError } from './state-error.ts'
import type { Sqlite } from './sqlite.ts'

/** 'TkSb': marks a SQLite file as a token-sandbox state. */
export const APPLICATION_ID = 0x546b5362
export const SCHEMA_VERSION = 1
/** The first 16 bytes of every SQLite database file. */
export const SQLITE_HEADER = 'SQLite format 3\0'
// How long a write waits for another connection's lock (someone's sqlite3 shell) before failing.
const BUSY_TIMEOUT_MS = 200

const SCHEMA = `
  CREATE TABLE rows (vendor TEXT NOT NULL, model TEXT NOT NULL, key TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL,
                     PRIMARY KEY (vendor, model, key)) WITHOUT ROWID;
  CREATE TABLE doc (part TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL) WITHOUT ROWID;
  PRAGMA application_id = ${APPLICATION_ID};
  PRAGMA user_version = ${SCHEMA_VERSION};
`

export interface StateDb {
  /** The state as a version-1 snapshot document, and the key of each row at `vendor.db.model[i]` (for messages). */
  read(): { document: Record<string, unknown>; keyAt(vendor: string, model: string, index: number): string | undefined }
  /** One transaction: the rows written (`row` null: deleted) and, when given, the parts. Throws when it is not committed. */
  write(rows: Iterable<RowChange>, parts: DocParts | null): void
  close(): void
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err))

/** Makes the database at `path` (an empty file: SQLite sets it up) hold `snapshot`, then closes it. */
export function buildStateDb(sqlite: Sqlite, path: string, snapshot: SandboxSnapshot, keyField: KeyField): void {
  const db = new sqlite.DatabaseSync(path)
  try {
    db.exec(SCHEMA)
    db.exec('PRAGMA journal_mode = WAL')
    db.exec('PRAGMA synchronous = FULL')
    writeAll(db, statements(db, 1), rowsOf(snapshot, keyField), docParts(snapshot))
  } finally {
    db.close()
  }
}

/**
 * Opens the state database at `path` (`shown` in messages), whose rows are keyed by `keyField`.
 * Throws a StateFileError when it is not a database, not ours, of another layout, or corrupt;
 * the file is left as it was.
 */
export function openStateDb(sqlite: Sqlite, path: string, shown: string, keyField: KeyField): StateDb {
  let db: DatabaseSync
  try {
    db = new sqlite.DatabaseSync(path)
  } catch (err) {
    throw new StateFileError(`cannot open state file ${shown}: ${message(err)}`)
  }
  try {
    check(db, shown)
    db.exec('PRAGMA journal_mode = WAL')
    db.exec('PRAGMA synchronous = FULL')
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
  } catch (err) {
    db.close()
    if (err instanceof StateFileError) throw err
    throw new StateFileError(`state file ${shown} is corrupt (${message(err)}); delete it to start from the seed`)
  }
  const max = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM rows').get() as { seq: number }
  const st = statements(db, max.seq + 1)
  return {
    read: () => read(db, shown, keyField),
    write: (rows, parts) => writeAll(db, st, rows, parts),
    close: () => db.close(),
  }
}

function check(db: DatabaseSync, shown: string): void {
  const pragma = (name: string) => Object.values(db.prepare(`PRAGMA ${name}`).get() ?? {})[0]
  const app = pragma('application_id')
  if (app !== APPLICATION_ID) {
    throw new StateFileError(`state file ${shown} is a SQLite database but not a token-sandbox state (its application_id is ${String(app)}); pick another file`)
  }
  const version = pragma('user_version')
  if (version !== SCHEMA_VERSION) {
    throw new StateFileError(`state file ${shown} has database layout ${String(version)}; this token-sandbox reads layout ${SCHEMA_VERSION}`)
  }
  const problems = (db.prepare('PRAGMA quick_check').all() as Record<string, unknown>[]).map((r) => String(Object.values(r)[0]))
  if (problems.join() !== 'ok') throw new StateFileError(`state file ${shown} is corrupt (${problems.slice(0, 3).join('; ')}); delete it to start from the seed`)
}

interface Statements {
  upsert: StatementSync
  remove: StatementSync
  part: StatementSync
  nextSeq: number
}

function statements(db: DatabaseSync, nextSeq: number): Statements {
  return {
    // An update keeps the row's place (seq); a row created again after a delete goes last, as in the live store.
    upsert: db.prepare('INSERT INTO rows (vendor, model, key, seq, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT (vendor, model, key) DO UPDATE SET data = excluded.data'),
    remove: db.prepare('DELETE FROM rows WHERE vendor = ? AND model = ? AND key = ?'),
    part: db.prepare('INSERT INTO doc (part, data) VALUES (?, ?) ON CONFLICT (part) DO UPDATE SET data = excluded.data'),
    nextSeq,
  }
}

function writeAll(db: DatabaseSync, st: Statements, rows: Iterable<RowChange>, parts: DocParts | null): void {
  db.exec('BEGIN IMMEDIATE')
  try {
    for (const r of rows) {
      // The key losslessly (keyColumn); the row's JSON escapes a lone surrogate as `\ud800`.
      if (r.row === null) st.remove.run(r.vendor, r.model, keyColumn(r.key))
      else st.upsert.run(r.vendor, r.model, keyColumn(r.key), st.nextSeq++, JSON.stringify(r.row))
    }
    if (parts) for (const [name, value] of parts) st.part.run(name, JSON.stringify(value))
    db.exec('COMMIT')
  } catch (err) {
    // A failed COMMIT may have rolled back already; either way nothing of it stays.
    try {
      db.exec('ROLLBACK')
    } catch {
      // No transaction left to roll back.
    }
    throw err
  }
}

function read(db: DatabaseSync, shown: string, keyField: KeyField): ReturnType<StateDb['read']> {
  const parse = (text: unknown, what: string) => {
    try {
      return JSON.parse(String(text)) as unknown
    } catch (err) {
      throw new StateFileError(`state file ${shown}: ${what} is not valid JSON (${message(err)})`)
    }
  }
  const parts: DocParts = new Map()
  for (const r of db.prepare('SELECT part, data FROM doc').all() as { part: string; data: string }[]) parts.set(r.part, parse(r.data, `its part '${r.part}'`))
  const keys = new Map<string, string[]>()
  // Row by row (iterate, not all): the texts are not all held at once beside the parsed rows.
  const rows: { vendor: string; model: string; row: unknown }[] = []
  for (const r of db.prepare('SELECT vendor, model, key, data FROM rows ORDER BY vendor, model, seq').iterate() as Iterable<{ vendor: string; model: string; key: string | Uint8Array; data: string }>) {
    const id = `${r.vendor}/${r.model}`
    const key = keyFromColumn(r.key)
    let list = keys.get(id)
    if (!list) keys.set(id, (list = []))
    list.push(key)
    const row = parse(r.data, `the ${id} row ${JSON.stringify(key)}`)
    // Restore checks the row; its key must be the one it is found by when it changes.
    const field = keyField(r.vendor, r.model)
    if (field !== null && typeof row === 'object' && row !== null && (row as Record<string, unknown>)[field] !== key) {
      throw new StateFileError(`state file ${shown}: the ${id} row ${JSON.stringify(key)} has another ${field} (${JSON.stringify((row as Record<string, unknown>)[field])})`)
    }
    rows.push({ vendor: r.vendor, model: r.model, row })
  }
  return { document: assemble(parts, rows), keyAt: (vendor, model, i) => keys.get(`${vendor}/${model}`)?.[i] }
}
