// Getting the state database at `--state FILE` ready, and the sandbox holding what it keeps:
// - a SQLite file: checked (ours, our layout, not corrupt), its state put into the sandbox
//   through sandbox.restore, which checks every value;
// - no file: made from the seed (built as a temp file, then linked into place: never half made);
// - a JSON file (the version-1 snapshot earlier versions wrote): checked the same way, copied
//   to `<FILE>.v1-backup.json`, then replaced by a database holding the same state.
// Anything it cannot use is refused with a StateFileError naming the problem, the file left as it was.
import { closeSync, promises as fsp, readSync } from 'node:fs'
import { openUserFile, readUserText, UserFileError } from '../node/user-file.ts'
import { SnapshotError } from '../core/snapshot.ts'
import type { Sandbox } from '../sandbox.ts'
import { placeFile, tempPathOf, writeFileAtomically } from './atomic-write.ts'
import { errorCode, StateFileError } from './state-error.ts'
import { buildStateDb, openStateDb, SQLITE_HEADER, type StateDb } from './state-db.ts'
import type { Sqlite } from './sqlite.ts'

export type Opened = 'loaded' | 'created' | 'migrated'

export interface ReadyDb {
  db: StateDb
  opened: Opened
  /** Where the JSON file was kept, when it was migrated. */
  backup: string | null
}

export const backupPathOf = (target: string) => `${target}.v1-backup.json`
/** The most a JSON state file (of earlier versions) may hold to be migrated. */
export const MAX_JSON_STATE_BYTES = 256 * 1024 * 1024

/** What is at `target`: nothing, a SQLite database, or something else (a JSON state, or junk). */
// Opened through ../node/user-file.ts: a FIFO or device put there since the target was
// resolved is refused, never waited on.
async function sniff(target: string, shown: string): Promise<'missing' | 'sqlite' | 'other'> {
  let fd
  try {
    fd = openUserFile(target, 'state file').fd
  } catch (err) {
    if ((err as UserFileError).code === 'ENOENT') return 'missing'
    throw new StateFileError(err instanceof UserFileError ? err.message.replace(target, shown) : `cannot read state file ${shown}: ${errorCode(err)}`)
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length)
    const bytesRead = readSync(fd, head, 0, head.length, 0)
    return bytesRead === head.length && head.toString('latin1') === SQLITE_HEADER ? 'sqlite' : 'other'
  } catch (err) {
    throw new StateFileError(`cannot read state file ${shown}: ${errorCode(err)}`)
  } finally {
    closeSync(fd)
  }
}

/** sandbox.restore, its SnapshotError told as a StateFileError about the file. */
function restore(sandbox: Sandbox, document: unknown, shown: string, keyAt?: (vendor: string, model: string, i: number) => string | undefined): void {
  try {
    sandbox.restore(document)
  } catch (err) {
    if (!(err instanceof SnapshotError)) throw err
    // A database has no row numbers: name the row by its key.
    const at = /^(\w+)\.db\.(\w+)\[(\d+)\]/.exec(err.message)
    const key = at && keyAt ? keyAt(at[1]!, at[2]!, Number(at[3])) : undefined
    throw new StateFileError(`state file ${shown}: ${err.message}${key === undefined ? '' : ` (the row with key ${JSON.stringify(key)})`}`)
  }
}

/** A JSON state file's content put into the sandbox, or a StateFileError naming the bad value. */
async function loadJson(sandbox: Sandbox, target: string, shown: string): Promise<string> {
  let text: string
  try {
    text = readUserText(target, 'state file', MAX_JSON_STATE_BYTES)
  } catch (err) {
    if (err instanceof UserFileError) throw new StateFileError(err.message.replace(target, shown))
    throw err
  }
  if (text.trim() === '') throw new StateFileError(`state file ${shown} is empty; delete it to start from the seed`)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    throw new StateFileError(`state file ${shown} is corrupt (not valid JSON: ${(err as Error).message}); delete it to start from the seed`)
  }
  restore(sandbox, data, shown)
  return text
}

/** A database holding the sandbox's state, put at `target` whole (built next to it first). */
async function createDb(sqlite: Sqlite, sandbox: Sandbox, target: string, exclusive: boolean): Promise<void> {
  const temp = tempPathOf(target)
  try {
    // Made here so it is the owner's only (SQLite gives its -wal and -shm the same mode).
    const file = await fsp.open(temp, 'wx', 0o600)
    await file.close()
    buildStateDb(sqlite, temp, sandbox.snapshot(), sandbox.rowKeyField)
    const built = await fsp.open(temp, 'r+')
    try {
      await built.sync()
    } finally {
      await built.close()
    }
    await placeFile(temp, target, { exclusive })
  } finally {
    for (const side of ['', '-wal', '-shm', '-journal']) await fsp.unlink(temp + side).catch(() => {})
  }
}

/** Keeps the JSON file's content at its backup path: written once; an identical one (an interrupted migration's) is fine. */
async function keepBackup(target: string, text: string, shown: string): Promise<string> {
  const backup = backupPathOf(target)
  try {
    await writeFileAtomically(backup, text, { exclusive: true })
    return backup
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new StateFileError(`cannot migrate state file ${shown}: cannot write its backup ${backup}: ${errorCode(err)}`)
  }
  let existing: string | null
  try {
    existing = readUserText(backup, 'backup', MAX_JSON_STATE_BYTES)
  } catch {
    existing = null
  }
  if (existing !== text) throw new StateFileError(`cannot migrate state file ${shown}: ${backup} exists and holds something else; move it away and start again`)
  return backup
}

export async function initStateDb(sqlite: Sqlite, sandbox: Sandbox, target: string, shown: string): Promise<ReadyDb> {
  const found = await sniff(target, shown)
  if (found === 'sqlite') {
    const db = openStateDb(sqlite, target, shown, sandbox.rowKeyField)
    try {
      const { document, keyAt } = db.read()
      restore(sandbox, document, shown, keyAt)
    } catch (err) {
      db.close()
      throw err
    }
    return { db, opened: 'loaded', backup: null }
  }
  let backup: string | null = null
  if (found === 'other') {
    const text = await loadJson(sandbox, target, shown)
    backup = await keepBackup(target, text, shown)
  }
  try {
    await createDb(sqlite, sandbox, target, found === 'missing')
  } catch (err) {
    throw new StateFileError(`cannot ${found === 'missing' ? 'create' : 'migrate'} state file ${shown}: ${errorCode(err)}`)
  }
  return { db: openStateDb(sqlite, target, shown, sandbox.rowKeyField), opened: found === 'missing' ? 'created' : 'migrated', backup }
}
