// Writing a file so that it is always either the old or the new content: a temp file in the
// same folder, fsync, rename over the target (or link, to never replace one), fsync the folder.
// Temp files are `.<name>.<pid>.<…>.tmp`, so those of a killed process can be told and removed.
import { randomBytes } from 'node:crypto'
import { promises as fsp } from 'node:fs'
import { basename, dirname, join } from 'node:path'

let tempCounter = 0
export const tempPrefix = (path: string) => `.${basename(path)}.`

/** A fresh temp file name next to `path`, owned by this process. */
export const tempPathOf = (path: string, tag = String(++tempCounter)) =>
  join(dirname(path), `${tempPrefix(path)}${process.pid}.${tag}.${randomBytes(4).toString('hex')}.tmp`)

/**
 * Writes `text` to `path` atomically. With `exclusive`, the file must not exist yet (EEXIST
 * otherwise): it is linked into place, never renamed over one that appeared meanwhile.
 */
export async function writeFileAtomically(path: string, text: string, options: { exclusive?: boolean } = {}): Promise<void> {
  const temp = tempPathOf(path)
  try {
    const file = await fsp.open(temp, 'wx', 0o600)
    try {
      await file.writeFile(text, 'utf8')
      await file.sync()
    } finally {
      await file.close()
    }
    await placeFile(temp, path, options)
  } finally {
    await fsp.unlink(temp).catch(() => {})
  }
}

/**
 * Puts the complete, fsync'ed file `temp` at `path` (renamed over it, or with `exclusive` linked
 * so as to never replace one; `temp` is then left for the caller to remove), and fsyncs the folder.
 */
export async function placeFile(temp: string, path: string, options: { exclusive?: boolean } = {}): Promise<void> {
  if (options.exclusive) await fsp.link(temp, path)
  else await fsp.rename(temp, path)
  // The rename is durable only once the folder's entry is: fsync the folder.
  const folder = await fsp.open(dirname(path), 'r')
  try {
    await folder.sync()
  } catch (err) {
    // Some platforms (Windows) cannot fsync a folder; the rename is as durable as they allow.
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err
  } finally {
    await folder.close()
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes temp files a killed process left next to `path` (only those of processes no longer running). */
export async function removeStaleTemps(path: string): Promise<void> {
  const prefix = tempPrefix(path)
  let names: string[]
  try {
    names = await fsp.readdir(dirname(path))
  } catch {
    return
  }
  for (const name of names) {
    // A temp database also has SQLite's side files (`….tmp-wal`, `….tmp-shm`, `….tmp-journal`).
    if (!name.startsWith(prefix) || !/\.tmp(-wal|-shm|-journal)?$/.test(name)) continue
    const pid = Number(name.slice(prefix.length).split('.', 1)[0])
    // This process's own are in use (a write or a lock being taken).
    if (Number.isInteger(pid) && (pid === process.pid || isRunning(pid))) continue
    await fsp.unlink(join(dirname(path), name)).catch(() => {})
  }
}
