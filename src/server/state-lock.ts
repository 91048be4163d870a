// One server per state file: two would each write their own state over the other's.
//
// The lock is `.<name>.lock` next to the file's real path, holding the owner's pid. It never
// exists empty or half-written: the pid is written to a temp file first, which is then
// link()ed into place (link fails with EEXIST if a lock is there: only one process wins).
//
// A lock whose owner is gone (killed, crashed) is taken over without a window for a second
// owner. Removing it is serialised by a mark named after that lock's identity (inode, mtime
// and pid): only the one process that creates the mark (O_EXCL) may remove the lock, and only
// if the lock is still that same file. Lock files are never rewritten, so the identity of a
// stale one cannot change under it. Everyone then races on link() again, fairly.
import { promises as fsp, unlinkSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { readUserFile, UserFileError } from '../node/user-file.ts'
import { isRunning, tempPathOf, tempPrefix } from './atomic-write.ts'
import { errorCode, StateFileError } from './state-error.ts'

export const lockPathOf = (path: string) => join(dirname(path), `${tempPrefix(path)}lock`)
const MARK = '.takeover-'
/**
 * The locks this process holds. A lock naming our pid that is not among them was left by an
 * earlier process that had our pid: a container's server is pid 1 on every start, so after a
 * kill its new start finds its own pid in the lock.
 */
const held = new Set<string>()

interface LockSeen {
  /** 0 when the lock holds no pid (not one of ours). */
  pid: number
  /** Which file it is: never the same for two lock files. */
  identity: string
}

// A pid and a newline; anything larger is not one of ours.
const MAX_LOCK_BYTES = 64

async function readLock(lock: string): Promise<LockSeen | null> {
  let read
  try {
    // Through one descriptor: the pid and the identity are of the same file. A FIFO or a device
    // put there is refused, not waited on (../node/user-file.ts).
    read = readUserFile(lock, 'lock file', MAX_LOCK_BYTES)
  } catch (err) {
    if (err instanceof UserFileError && err.code === 'ENOENT') return null
    throw err
  }
  const st = read.stat
  const text = read.data.toString('utf8').trim()
  const pid = text.length > 0 && text.length <= 10 && /^\d+$/.test(text) ? Number(text) : 0
  return { pid, identity: `${st.dev}-${st.ino}-${st.mtimeNs}-${pid}` }
}

/** The live process holding the lock of the state file at `target`, or null. */
export async function lockOwner(target: string): Promise<number | null> {
  const seen = await readLock(lockPathOf(target)).catch(() => null)
  return seen && seen.pid > 0 && isRunning(seen.pid) ? seen.pid : null
}

/** Removes `stale` if it is still the lock, unless another process is already doing so. */
async function takeOver(lock: string, stale: LockSeen): Promise<void> {
  const mark = `${lock}${MARK}${stale.identity}`
  try {
    await (await fsp.open(mark, 'wx', 0o600)).close()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    // Another process is taking it over: give it a moment, then look again.
    await new Promise((r) => setTimeout(r, 5))
    return
  }
  try {
    const now = await readLock(lock)
    if (now?.identity === stale.identity) await fsp.unlink(lock)
  } finally {
    await fsp.unlink(mark).catch(() => {})
  }
}

/** Marks of take-overs that are over (the lock they were about is gone, since we hold it). */
async function removeMarks(lock: string): Promise<void> {
  const prefix = `${basename(lock)}${MARK}`
  const names = await fsp.readdir(dirname(lock)).catch(() => [] as string[])
  for (const name of names) if (name.startsWith(prefix)) await fsp.unlink(join(dirname(lock), name)).catch(() => {})
}

function inUse(path: string, lock: string, owner: number): StateFileError {
  const who = owner === process.pid ? 'this process (a server not closed yet)' : `another process (pid ${owner})`
  return new StateFileError(`state file ${path} is in use by ${who}: one server per state file. Stop it or pick another file; if none is running, delete ${lock}`)
}

/**
 * Takes the lock of the state file whose real path is `target` (`shown` is the path the user
 * gave, for messages). Returns the function that releases it; it is also released at exit.
 */
export async function lockStateFile(target: string, shown: string): Promise<() => void> {
  const lock = lockPathOf(target)
  const temp = tempPathOf(target, 'lock')
  const fail = (err: unknown) => new StateFileError(`cannot lock state file ${shown} (${lock}): ${errorCode(err)}`)
  try {
    await fsp.writeFile(temp, `${process.pid}\n`, { flag: 'wx', mode: 0o600 })
  } catch (err) {
    throw fail(err)
  }
  try {
    // Bounded: each round either wins, finds a live owner, or removes a stale lock.
    for (let round = 0; round < 100; round++) {
      try {
        await fsp.link(temp, lock)
        await removeMarks(lock)
        held.add(lock)
        return releaser(lock)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw fail(err)
      }
      const seen = await readLock(lock).catch((err: unknown) => {
        throw fail(err)
      })
      if (seen === null) continue
      if (seen.pid === process.pid ? held.has(lock) : seen.pid > 0 && isRunning(seen.pid)) throw inUse(shown, lock, seen.pid)
      await takeOver(lock, seen).catch((err: unknown) => {
        throw fail(err)
      })
    }
    throw new StateFileError(`cannot lock state file ${shown}: ${lock} keeps changing. If no server is running, delete it and any ${basename(lock)}${MARK}* next to it`)
  } finally {
    await fsp.unlink(temp).catch(() => {})
  }
}

function releaser(lock: string): () => void {
  let released = false
  const release = () => {
    if (released) return
    released = true
    held.delete(lock)
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
}
