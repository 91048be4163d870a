// `serve --state FILE`: the sandbox's state in a SQLite database (./state-db.ts), its durable
// copy; the in-memory store (core/store.ts) stays the live one. Loaded once at start — valid in full or refused, never
// overwritten (a missing file means "start from the seed", and it is created; a JSON file of
// earlier versions is migrated): ./state-init.ts.
//
// Writes follow the changes: the rows a change touched (the sandbox's change feed,
// `sandbox.watch`) are written in one transaction, with the small non-row parts (clock, ids,
// issued tokens, secrets) when one of those changed. They are group commits: `commit(upTo)`
// resolves once a transaction holding every change up to number `upTo` is committed; the
// callers of one event-loop turn share one transaction.
//
// A change is kept only once it is on disk (the database rule). When a write fails, the
// sandbox goes back to what the database holds (the durable state), so every change since —
// those of the failed group, those waiting for the next write, in-process ones — is undone,
// and every commit waiting for them is rejected: their requests get 503 and may safely be
// retried. The rollback waits for requests being handled to finish (./persist.ts holds new ones
// meanwhile), so no request's changes straddle it.
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Sandbox } from '../sandbox.ts'
import { removeStaleTemps } from './atomic-write.ts'
import { loadSqlite } from './sqlite.ts'
import { docParts, type RowChange } from './state-doc.ts'
import { errorCode, StateFileError } from './state-error.ts'
import { initStateDb, type Opened } from './state-init.ts'
import { lockStateFile } from './state-lock.ts'
import { resolveStateTarget } from './state-target.ts'

export { StateFileError } from './state-error.ts'
export { writeFileAtomically } from './atomic-write.ts'

/** A commit whose changes were undone because the state file could not be written. */
export class StateNotSavedError extends Error {
  override name = 'StateNotSavedError'
}

export interface StateFile {
  /** Absolute path of the file, as given. */
  path: string
  /** The file written: `path` with symbolic links resolved. */
  target: string
  /** What happened at start: the database was read, created from the seed, or made from a JSON state file. */
  opened: Opened
  /** When `opened` is 'migrated': where the JSON file was kept. */
  backup: string | null
  /** The number of the latest change (grows whenever the sandbox reports one, `sandbox.watch`). */
  changes(): number
  /** Numbers a change the sandbox does not report (state outside its stores); returns its number. */
  noteChange(): number
  /**
   * Resolves once every change up to `upTo` (default: a new one, numbered now) is on disk;
   * rejects (StateNotSavedError) when they were undone because a write failed.
   */
  commit(upTo?: number): Promise<void>
  /** A request about to be handled: null to go ahead, or a promise to wait for while a rollback is pending. */
  enter(): Promise<void> | null
  /** That request's handler is done (its changes, if any, are all made). */
  leave(): void
  /** Writes completed so far. */
  writes(): number
  /** Rollbacks so far (writes that failed). */
  rollbacks(): number
  /** Stops watching and writes a last time (so in-process changes are kept too). */
  close(): Promise<void>
}

export type StateFileOptions = { onError?: (err: unknown) => void }

/**
 * Loads `file` into `sandbox` (or creates it from the seed) and keeps it written. Throws
 * StateFileError with a message for people when the file cannot be used, or is in use by
 * another server.
 */
export async function openStateFile(sandbox: Sandbox, file: string, options: StateFileOptions = {}): Promise<StateFile> {
  const path = resolve(file)
  const sqlite = await loadSqlite()
  const target = await resolveStateTarget(path)
  const unlock = await lockStateFile(target, path)
  try {
    await removeStaleTemps(target)
    const ready = await initStateDb(sqlite, sandbox, target, path)
    return keepWritten(sandbox, path, target, ready, unlock, options)
  } catch (err) {
    unlock()
    throw err
  }
}

/** Which file the database is, so a write can tell it was removed or replaced: it would go to a file no one will read. */
function identityOf(target: string): string {
  const st = statSync(target, { bigint: true })
  return `${st.dev}-${st.ino}`
}

function keepWritten(
  sandbox: Sandbox,
  path: string,
  target: string,
  ready: Awaited<ReturnType<typeof initStateDb>>,
  unlock: () => void,
  options: StateFileOptions,
): StateFile {
  const { db } = ready
  const identity = identityOf(target)

  let changes = 0
  let durableAt = 0
  let writes = 0
  let rollbacks = 0
  // The changes the last rollback undid: (lostFrom, lostTo].
  let lostFrom = 0
  let lostTo = 0
  let waiters: { upTo: number; resolve: () => void; reject: (err: unknown) => void }[] = []

  // What the next write takes: the rows changed since the last one (the latest version of
  // each), and whether anything else changed.
  let rows = new Map<string, RowChange>()
  let other = false

  // The fence: requests being handled, and whether a rollback waits for them to finish.
  let active = 0
  let pending: { error: unknown; done: Promise<void>; finish: () => void } | null = null
  let restoring = false

  // Changes made outside a request (in-process calls on `sandbox`) are written soon after, in
  // the background; requests wait for their own commit (see ./persist.ts).
  let scheduled = false
  const stopWatching = sandbox.watch((change) => {
    // The rollback's own changes put back what is on disk: nothing to write.
    if (restoring) return
    if (change.kind === 'row') rows.set(`${change.vendor}\0${change.model}\0${change.key}`, change)
    else other = true
    changes++
    if (scheduled) return
    scheduled = true
    setImmediate(() => {
      scheduled = false
      if (changes > durableAt) commit(changes).catch(() => {})
    })
  })

  // The database rule: a change the file could not take did not happen. Back to the durable
  // state; every commit still waiting is rejected (its changes are among those undone).
  const rollBack = () => {
    const p = pending!
    lostFrom = durableAt
    lostTo = changes
    rollbacks++
    const failed = waiters
    waiters = []
    restoring = true
    try {
      sandbox.restore(db.read().document)
    } catch (err) {
      options.onError?.(err)
    } finally {
      restoring = false
      pending = null
      rows = new Map()
      other = false
    }
    const error = new StateNotSavedError(`state file ${path} could not be written (${errorCode(p.error)}); the changes since the last write were undone`)
    for (const w of failed) w.reject(error)
    p.finish()
  }

  const fail = (error: unknown) => {
    if (pending) return
    let finish!: () => void
    const done = new Promise<void>((r) => (finish = r))
    pending = { error, done, finish }
    options.onError?.(error)
    if (active === 0) rollBack()
  }

  // One transaction, synchronous (node:sqlite): a consistent cut of the state by construction.
  const writeOnce = () => {
    const upTo = changes
    const batch = rows
    const parts = other ? docParts(sandbox.snapshot({ rows: false })) : new Map<string, unknown>()
    parts.set('savedAt', new Date().toISOString())
    rows = new Map()
    other = false
    try {
      if (identityOf(target) !== identity) throw Object.assign(new Error(`state file ${path} was replaced`), { code: 'EREPLACED' })
      db.write(batch.values(), parts)
    } catch (err) {
      fail(err)
      return
    }
    durableAt = Math.max(durableAt, upTo)
    writes++
    const done = waiters.filter((w) => w.upTo <= durableAt)
    waiters = waiters.filter((w) => w.upTo > durableAt)
    for (const w of done) w.resolve()
  }

  let writing = false
  const pump = async () => {
    if (writing) return
    writing = true
    try {
      // Bounded by the waiters: each round commits them all, or rolls them back.
      while (waiters.length > 0) {
        // A turn of the event loop first: the requests that arrived meanwhile join this write.
        await new Promise((r) => setImmediate(r))
        if (pending) await pending.done
        if (waiters.length === 0) break
        writeOnce()
      }
    } finally {
      writing = false
    }
  }

  const commit = (upTo: number = ++changes): Promise<void> => {
    if (upTo > lostFrom && upTo <= lostTo) return Promise.reject(new StateNotSavedError(`state file ${path} could not be written; the change was undone`))
    if (upTo <= durableAt) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      waiters.push({ upTo, resolve, reject })
      void pump()
    })
  }

  return {
    path,
    target,
    opened: ready.opened,
    backup: ready.backup,
    changes: () => changes,
    noteChange() {
      // State the feed does not see (CAF's settings are among the vendors' values).
      other = true
      return ++changes
    },
    commit,
    enter() {
      if (!pending) {
        active++
        return null
      }
      return pending.done.then(() => {
        active++
      })
    },
    leave() {
      active--
      if (active === 0 && pending) rollBack()
    },
    writes: () => writes,
    rollbacks: () => rollbacks,
    async close() {
      try {
        await commit()
      } finally {
        stopWatching()
        db.close()
        unlock()
      }
    },
  }
}
