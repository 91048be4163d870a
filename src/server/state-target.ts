// Which file `--state PATH` means. Writes replace the file (a rename), so they must go to the
// real file: through a symbolic link, the link is kept and its target written. The lock is
// taken on that real path, so a link to a file in use finds its lock. A file with more than
// one name (hard links) is refused: every write would give it a new inode, splitting the
// names, and a server could be running on its other name where no lock can be seen.
import { promises as fsp } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { errorCode, StateFileError } from './state-error.ts'
import { lockOwner } from './state-lock.ts'

export async function resolveStateTarget(path: string): Promise<string> {
  let real: string
  try {
    real = await fsp.realpath(path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new StateFileError(`cannot open state file ${path}: ${errorCode(err)}`)
    if (await fsp.lstat(path).then(() => true, () => false)) {
      throw new StateFileError(`state file ${path} is a symbolic link to a file that does not exist; create the file or fix the link`)
    }
    try {
      return join(await fsp.realpath(dirname(path)), basename(path))
    } catch (err) {
      throw new StateFileError(`cannot create state file ${path}: ${errorCode(err)}`)
    }
  }
  const st = await fsp.stat(real).catch((err: unknown) => {
    throw new StateFileError(`cannot open state file ${path}: ${errorCode(err)}`)
  })
  if (!st.isFile()) throw new StateFileError(`state file ${path} is not a regular file`)
  if (st.nlink > 1) {
    const owner = await ownerOfOtherName(real, st)
    const running = owner ? `it is in use by another process (pid ${owner.pid}) as ${owner.path}` : 'a server may be running on another of them'
    throw new StateFileError(
      `state file ${path} has ${st.nlink} names (hard links): ${running}, and every write would split them. Give it one name (a symbolic link is fine)`,
    )
  }
  return real
}

/**
 * A server running on another name of the same file, found by its lock, when that name is in
 * the same folder (the names in other folders cannot be listed).
 */
async function ownerOfOtherName(real: string, st: { dev: number; ino: number }): Promise<{ pid: number; path: string } | null> {
  const folder = dirname(real)
  const names = await fsp.readdir(folder).catch(() => [] as string[])
  for (const name of names) {
    // A lock is `.<name>.lock` (./state-lock.ts).
    if (!name.startsWith('.') || !name.endsWith('.lock') || name.length <= 6) continue
    const other = join(folder, name.slice(1, -'.lock'.length))
    const os = await fsp.stat(other).catch(() => null)
    if (!os || os.dev !== st.dev || os.ino !== st.ino) continue
    const pid = await lockOwner(other)
    if (pid !== null) return { pid, path: other }
  }
  return null
}
