// `serve --state FILE`: the sandbox's snapshot on disk. Loaded once at start (a missing file
// means "start from the seed", and the file is created); written atomically — a temp file in
// the same folder, fsync, rename over the target, fsync the folder — so a crash at any moment
// leaves either the old file or the new one, never a torn one.
//
// Writes are group commits: `commit()` resolves once a write that *started after the call* is
// on disk. While one write is in flight, every caller waits for the next, which includes all of
// them, so N concurrent changes cost two writes, not N.
import { randomBytes } from 'node:crypto'
// Through node:fs's lazy `promises`: the bundled CLI then loads fs/promises (and the readline it
// pulls in, ~1.5 ms of start-up) only when `serve --state` opens a file.
import { promises as fsp, unlinkSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { SnapshotError } from '../core/snapshot.ts'
import type { Sandbox } from '../sandbox.ts'

/** The state file cannot be read, is not ours, has another version, or is corrupt. */
export class StateFileError extends Error {
  override name = 'StateFileError'
}

export interface StateFile {
  /** Absolute path of the file. */
  path: string
  /** What happened at start: the file was read, or it did not exist and was created from the seed. */
  opened: 'loaded' | 'created'
  /** Grows whenever the sandbox reports a change (`sandbox.watch`). */
  changes(): number
  /** Resolves once everything changed before this call is on disk; rejects if that write failed. */
  commit(): Promise<void>
  /** Writes completed so far. */
  writes(): number
  /** Stops watching and writes a last time (so in-process changes are kept too). */
  close(): Promise<void>
}

const errorCode = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err))

/** The file's JSON, or null when there is no file. Throws StateFileError when it cannot be read or parsed. */
export async function readStateFile(path: string): Promise<unknown | null> {
  let text: string
  try {
    text = await fsp.readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new StateFileError(`cannot read state file ${path}: ${errorCode(err)}`)
  }
  if (text.trim() === '') throw new StateFileError(`state file ${path} is empty; delete it to start from the seed`)
  try {
    return JSON.parse(text) as unknown
  } catch (err) {
    throw new StateFileError(`state file ${path} is corrupt (not valid JSON: ${(err as Error).message}); delete it to start from the seed`)
  }
}

let tempCounter = 0
const tempPrefix = (path: string) => `.${basename(path)}.`

/** Writes `text` to `path` so that the file is always either the old or the new content. */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const dir = dirname(path)
  const temp = join(dir, `${tempPrefix(path)}${process.pid}.${++tempCounter}.${randomBytes(4).toString('hex')}.tmp`)
  let renamed = false
  try {
    const file = await fsp.open(temp, 'wx', 0o600)
    try {
      await file.writeFile(text, 'utf8')
      await file.sync()
    } finally {
      await file.close()
    }
    await fsp.rename(temp, path)
    renamed = true
    // The rename is durable only once the folder's entry is: fsync the folder.
    const folder = await fsp.open(dir, 'r')
    try {
      await folder.sync()
    } catch (err) {
      // Some platforms (Windows) cannot fsync a folder; the rename is as durable as they allow.
      if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err
    } finally {
      await folder.close()
    }
  } finally {
    if (!renamed) await fsp.unlink(temp).catch(() => {})
  }
}

/** Removes temp files a killed process left next to `path` (only those of processes no longer running). */
async function removeStaleTemps(path: string): Promise<void> {
  const prefix = tempPrefix(path)
  let names: string[]
  try {
    names = await fsp.readdir(dirname(path))
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue
    const pid = Number(name.slice(prefix.length).split('.', 1)[0])
    if (Number.isInteger(pid) && pid !== process.pid && isRunning(pid)) continue
    await fsp.unlink(join(dirname(path), name)).catch(() => {})
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The lock file next to a state file: `.<name>.lock`, holding the owner's pid. */
const lockPathOf = (path: string) => join(dirname(path), `${tempPrefix(path)}lock`)

/**
 * One server per state file: two would each write their own state over the other's. The lock is
 * a file made with O_EXCL holding the owner's pid; one whose process is gone (killed, crashed)
 * is taken over. Returns the function that releases it.
 */
async function lockStateFile(path: string): Promise<() => void> {
  const lock = lockPathOf(path)
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await fsp.open(lock, 'wx', 0o600)
      try {
        await handle.writeFile(`${process.pid}\n`, 'utf8')
      } finally {
        await handle.close()
      }
      let released = false
      const release = () => {
        if (released) return
        released = true
        process.off('exit', release)
        try {
          unlinkSync(lock)
        } catch {
          // Already gone: nothing to release.
        }
      }
      // A process that exits without closing the server still frees the file.
      process.once('exit', release)
      return release
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new StateFileError(`cannot lock state file ${path} (${lock}): ${errorCode(err)}`)
      const owner = Number((await fsp.readFile(lock, 'utf8').catch(() => '')).trim())
      const live = Number.isInteger(owner) && owner > 0 && (owner === process.pid || isRunning(owner))
      if (live || attempt > 0) {
        const who = owner === process.pid ? 'this process (a server not closed yet)' : `another process (pid ${owner})`
        throw new StateFileError(
          `state file ${path} is in use by ${who}: one server per state file. Stop it or pick another file; if none is running, delete ${lock}`,
        )
      }
      // Its owner is gone: take the file over.
      await fsp.unlink(lock).catch(() => {})
    }
  }
}

/**
 * Loads `path` into `sandbox` (or creates it from the seed) and keeps it written. Throws
 * StateFileError with a message for people when the file cannot be used, or is in use by
 * another server.
 */
export async function openStateFile(sandbox: Sandbox, file: string, options: { onError?: (err: unknown) => void } = {}): Promise<StateFile> {
  const path = resolve(file)
  const unlock = await lockStateFile(path)
  try {
    return await openLocked(sandbox, path, unlock, options)
  } catch (err) {
    unlock()
    throw err
  }
}

async function openLocked(sandbox: Sandbox, path: string, unlock: () => void, options: { onError?: (err: unknown) => void }): Promise<StateFile> {
  await removeStaleTemps(path)
  const data = await readStateFile(path)
  if (data !== null) {
    try {
      sandbox.restore(data)
    } catch (err) {
      if (err instanceof SnapshotError) throw new StateFileError(`state file ${path}: ${err.message}`)
      throw err
    }
  }

  let writes = 0
  let changes = 0
  // The change count the newest write started with: every change up to it is in that write.
  let startedAt = 0
  const write = async () => {
    // The snapshot is taken synchronously, as the write starts: one consistent cut of the state.
    startedAt = changes
    const text = JSON.stringify(sandbox.snapshot())
    await writeFileAtomically(path, text)
    writes++
  }

  let inFlight: Promise<void> | null = null
  let next: Promise<void> | null = null
  const commit = (): Promise<void> => {
    if (!inFlight) {
      inFlight = write().finally(() => {
        inFlight = null
      })
      return inFlight
    }
    // Everyone arriving during a write shares the one after it.
    next ??= inFlight
      .catch(() => {})
      .then(() => {
        next = null
        return commit()
      })
    return next
  }

  if (data === null) {
    try {
      await commit()
    } catch (err) {
      throw new StateFileError(`cannot create state file ${path}: ${errorCode(err)}`)
    }
  }

  // Changes made outside a request (in-process calls on `sandbox`) are written soon after, in
  // the background; requests wait for their own commit (see ./persist.ts). A change a write
  // already started with needs no other.
  let scheduled = false
  const unwatch = sandbox.watch(() => {
    changes++
    if (scheduled) return
    scheduled = true
    setImmediate(() => {
      scheduled = false
      if (changes > startedAt) commit().catch((err: unknown) => options.onError?.(err))
    })
  })

  return {
    path,
    opened: data === null ? 'created' : 'loaded',
    changes: () => changes,
    commit,
    writes: () => writes,
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
