// Which file `--state PATH` means. Writes replace the file (a rename), so they must go to the
// real file: through a symbolic link, the link is kept and its target written. The lock is
// taken on that real path, so a link to a file in use finds its lock. A file with more than
// one name (hard links) is refused: every write would give it a new inode, splitting the
// names, and a server could be running on its other name where no lock can be seen.
import { promises as fsp } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { errorCode, StateFileError } from './state-error.ts'

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
    throw new StateFileError(
      `state file ${path} has ${st.nlink} names (hard links): a server may be running on another of them, and every write would split them. Give it one name (a symbolic link is fine)`,
    )
  }
  return real
}
