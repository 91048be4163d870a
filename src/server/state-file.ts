// `serve --state FILE`: the sandbox's snapshot on disk. Loaded once at start — valid in full or
// refused, never overwritten (a missing file means "start from the seed", and it is created) —
// and written atomically (./atomic-write.ts) so a crash leaves the old file or the new one.
//
// Writes are group commits: `commit(upTo)` resolves once a write whose snapshot holds every
// change up to number `upTo` is on disk; callers during a write share the one after it.
//
// A change is kept only once it is on disk (the database rule). The file keeps the last
// snapshot it wrote (the durable state); when a write fails, the sandbox goes back to it, so
// every change since — those of the failed group, those waiting for the next write, in-process
// ones — is undone, and every commit waiting for them is rejected: their requests get 503 and
// may safely be retried. The rollback waits for requests being handled to finish (./persist.ts
// holds new ones meanwhile), so no request's changes straddle it.
import { promises as fsp } from 'node:fs'
import { resolve } from 'node:path'
import { SnapshotError } from '../core/snapshot.ts'
import type { Sandbox } from '../sandbox.ts'
import { removeStaleTemps, writeFileAtomically } from './atomic-write.ts'
import { errorCode, StateFileError } from './state-error.ts'
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
  /** What happened at start: the file was read, or it did not exist and was created from the seed. */
  opened: 'loaded' | 'created'
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

/** The file's text, or null when there is no file. Throws StateFileError when it cannot be read. */
async function readText(path: string, shown: string): Promise<string | null> {
  try {
    return await fsp.readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new StateFileError(`cannot read state file ${shown}: ${errorCode(err)}`)
  }
}

/** Puts the file's content into `sandbox`, or throws a StateFileError naming the bad value. */
function load(sandbox: Sandbox, text: string, shown: string): void {
  if (text.trim() === '') throw new StateFileError(`state file ${shown} is empty; delete it to start from the seed`)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    throw new StateFileError(`state file ${shown} is corrupt (not valid JSON: ${(err as Error).message}); delete it to start from the seed`)
  }
  try {
    sandbox.restore(data)
  } catch (err) {
    if (err instanceof SnapshotError) throw new StateFileError(`state file ${shown}: ${err.message}`)
    throw err
  }
}

/**
 * Loads `file` into `sandbox` (or creates it from the seed) and keeps it written. Throws
 * StateFileError with a message for people when the file cannot be used, or is in use by
 * another server.
 */
export async function openStateFile(sandbox: Sandbox, file: string, options: StateFileOptions = {}): Promise<StateFile> {
  const path = resolve(file)
  const target = await resolveStateTarget(path)
  const unlock = await lockStateFile(target, path)
  try {
    return await openLocked(sandbox, path, target, unlock, options)
  } catch (err) {
    unlock()
    throw err
  }
}

async function openLocked(sandbox: Sandbox, path: string, target: string, unlock: () => void, options: StateFileOptions): Promise<StateFile> {
  await removeStaleTemps(target)
  const text = await readText(target, path)
  if (text !== null) load(sandbox, text, path)
  // What is on disk: what the sandbox goes back to when a write fails.
  let durableText = text ?? JSON.stringify(sandbox.snapshot())
  if (text === null) {
    try {
      await writeFileAtomically(target, durableText, { exclusive: true })
    } catch (err) {
      throw new StateFileError(`cannot create state file ${path}: ${errorCode(err)}`)
    }
  }

  let changes = 0
  let durableAt = 0
  let writes = 0
  let rollbacks = 0
  // The changes the last rollback undid: (lostFrom, lostTo].
  let lostFrom = 0
  let lostTo = 0
  let waiters: { upTo: number; resolve: () => void; reject: (err: unknown) => void }[] = []

  // The fence: requests being handled, and whether a rollback waits for them to finish.
  let active = 0
  let pending: { error: unknown; done: Promise<void>; finish: () => void } | null = null
  let restoring = false

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
      sandbox.restore(JSON.parse(durableText))
    } catch (err) {
      options.onError?.(err)
    } finally {
      restoring = false
      pending = null
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

  let writing = false
  const pump = async () => {
    if (writing) return
    writing = true
    try {
      while (waiters.length > 0) {
        if (pending) await pending.done
        if (waiters.length === 0) break
        // The snapshot is taken synchronously, as the write starts: one consistent cut of the state.
        const upTo = changes
        let snapshotText: string
        try {
          snapshotText = JSON.stringify(sandbox.snapshot())
          await writeFileAtomically(target, snapshotText)
        } catch (err) {
          fail(err)
          continue
        }
        durableText = snapshotText
        durableAt = Math.max(durableAt, upTo)
        writes++
        const done = waiters.filter((w) => w.upTo <= durableAt)
        waiters = waiters.filter((w) => w.upTo > durableAt)
        for (const w of done) w.resolve()
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

  // Changes made outside a request (in-process calls on `sandbox`) are written soon after, in
  // the background; requests wait for their own commit (see ./persist.ts).
  let scheduled = false
  const unwatch = sandbox.watch(() => {
    // The rollback's own changes put back what is on disk: nothing to write.
    if (restoring) return
    changes++
    if (scheduled) return
    scheduled = true
    setImmediate(() => {
      scheduled = false
      if (changes > durableAt) commit(changes).catch(() => {})
    })
  })

  return {
    path,
    target,
    opened: text === null ? 'created' : 'loaded',
    changes: () => changes,
    noteChange: () => ++changes,
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
      unwatch()
      try {
        await commit()
      } finally {
        unlock()
      }
    },
  }
}
