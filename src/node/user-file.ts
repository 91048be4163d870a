// Reading a file the user named (`--config`, fixture files, `--tls-cert`/`--tls-key`, a JSON
// `--state` file, the state file's lock): the one way the CLI and server read such a file.
// - opened with O_NONBLOCK, so a FIFO does not wait for a writer (it is refused just after);
// - checked through the open descriptor (fstat), so a swap between a check and the read
//   cannot slip in a device or a pipe: only a regular file is read;
// - read up to a cap, counting the bytes that arrive (a file that grows, or /proc's files that
//   say they are empty, cannot fill memory either).
import { closeSync, constants, fstatSync, ftruncateSync, openSync, readSync, statSync, writeFileSync, type BigIntStats } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { escapeControls } from '../core/shown.ts'

/** A user-named file that cannot be read: missing, unreadable, not a regular file, or too large. `code` is the errno's, when there was one. */
export class UserFileError extends Error {
  override name = 'UserFileError'
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message)
  }
}

// Windows has no O_NONBLOCK (and no FIFOs to open by name).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0)
const CHUNK = 64 * 1024

/** `text` safe inside a one-line message: what a terminal acts on, as \u escapes (core/shown.ts). */
export const oneLine = escapeControls

/** `path` as one line, for messages: quoted, with those characters as \u escapes, when it holds any. */
export function showPath(path: string): string {
  const escaped = oneLine(path)
  return escaped === path ? path : `"${escaped}"`
}

/** "config file /path" ('' for `what`: the path alone). */
const named = (what: string, path: string) => (what === '' ? showPath(path) : `${what} ${showPath(path)}`)

function kindOf(st: BigIntStats): string {
  if (st.isDirectory()) return 'a directory'
  if (st.isFIFO()) return 'a FIFO (named pipe)'
  if (st.isCharacterDevice()) return 'a character device'
  if (st.isBlockDevice()) return 'a block device'
  if (st.isSocket()) return 'a socket'
  return 'not a regular file'
}

export function describeBytes(n: number): string {
  return n >= 1024 * 1024 && n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : n >= 1024 && n % 1024 === 0 ? `${n / 1024} KiB` : `${n} bytes`
}

/**
 * The regular file at `path`, open for reading (close `fd` when done), and its stat taken on
 * that descriptor. Throws a UserFileError (with the errno's `code`: ENOENT for a missing file).
 */
export function openUserFile(path: string, what: string): { fd: number; stat: BigIntStats } {
  const shown = named(what, path)
  let fd: number
  try {
    fd = openSync(path, OPEN_FLAGS)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new UserFileError(`cannot read ${shown}: ${code ?? String(err)}`, code)
  }
  let stat: BigIntStats
  try {
    stat = fstatSync(fd, { bigint: true })
  } catch (err) {
    closeSync(fd)
    throw err
  }
  if (!stat.isFile()) {
    closeSync(fd)
    throw new UserFileError(`${shown} is ${kindOf(stat)}, not a regular file`)
  }
  return { fd, stat }
}

/**
 * The bytes of the regular file at `path` (`what` names it in messages: "config file", or '') and its
 * stat, taken on the same descriptor. Throws a UserFileError with a one-line message.
 */
export function readUserFile(path: string, what: string, maxBytes: number): { data: Buffer; stat: BigIntStats } {
  const shown = named(what, path)
  const { fd, stat } = openUserFile(path, what)
  try {
    const tooLarge = () => new UserFileError(`${shown} is larger than ${describeBytes(maxBytes)}, the most it may hold`)
    if (stat.size > BigInt(maxBytes)) throw tooLarge()
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total))
      let n: number
      try {
        n = readSync(fd, chunk, 0, chunk.length, null)
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code
        throw new UserFileError(`cannot read ${shown}: ${code ?? String(err)}`, code)
      }
      if (n === 0) break
      total += n
      if (total > maxBytes) throw tooLarge()
      chunks.push(chunk.subarray(0, n))
    }
    return { data: Buffer.concat(chunks, total), stat }
  } finally {
    closeSync(fd)
  }
}

/** The file at `path` as UTF-8 text: readUserFile's checks and cap. */
export const readUserText = (path: string, what: string, maxBytes: number): string => readUserFile(path, what, maxBytes).data.toString('utf8')

/**
 * Writes `data` to the file at `path` (created if missing), which must end up a regular file:
 * opened without truncating and with O_NONBLOCK (a FIFO with no reader fails at once instead of
 * waiting), checked through the descriptor (a device such as /dev/full or a terminal is refused
 * before a byte is written), and only then truncated and written. Throws a one-line UserFileError.
 */
export function writeUserFile(path: string, what: string, data: string): void {
  const shown = named(what, path)
  const flags = constants.O_WRONLY | constants.O_CREAT | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0)
  let fd: number
  try {
    fd = openSync(path, flags, 0o666)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new UserFileError(`cannot write ${shown}: ${code ?? String(err)}`, code)
  }
  try {
    const stat = fstatSync(fd, { bigint: true })
    if (!stat.isFile()) throw new UserFileError(`${shown} is ${kindOf(stat)}, not a regular file`)
    ftruncateSync(fd, 0)
    writeFileSync(fd, data)
  } catch (err) {
    if (err instanceof UserFileError) throw err
    const code = (err as NodeJS.ErrnoException).code
    throw new UserFileError(`cannot write ${shown}: ${code ?? String(err)}`, code)
  } finally {
    closeSync(fd)
  }
}

/**
 * Refuses, before any work, a file a run would write at its end (`--record`, `--output-file`):
 * an empty path, a directory, a device (/dev/full, /dev/stdout), a FIFO or a socket, or a file in
 * a folder that does not exist (unless `createFolder`: the writer then creates it, as vitest's
 * reports do). `flag` names the option in the message. (writeUserFile checks again, on the
 * opened descriptor.)
 */
export function checkWriteTarget(flag: string, file: string, options: { createFolder?: boolean } = {}): void {
  if (file === '') throw new UserFileError(`${flag} needs a file name (it was empty)`)
  const shown = `${flag} ${showPath(file)}`
  let stat: ReturnType<typeof statSync>
  try {
    stat = statSync(file, { throwIfNoEntry: false })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new UserFileError(`cannot write ${shown}: ${code ?? (err as Error).message}`, code)
  }
  if (stat === undefined) {
    if (!options.createFolder) {
      if (!statSync(dirname(resolve(file)), { throwIfNoEntry: false })?.isDirectory()) throw new UserFileError(`${shown}: its folder does not exist`)
    } else {
      // The folders to create end at an existing one: it must be a folder (not a file).
      let folder = dirname(resolve(file))
      let found = statSync(folder, { throwIfNoEntry: false })
      while (found === undefined && dirname(folder) !== folder) found = statSync((folder = dirname(folder)), { throwIfNoEntry: false })
      if (!found?.isDirectory()) throw new UserFileError(`${shown}: ${showPath(folder)} is not a folder`)
    }
  } else if (!stat.isFile()) {
    throw new UserFileError(`${shown} is ${stat.isDirectory() ? 'a directory' : 'not a regular file (a device, FIFO or socket)'}: it must be a regular file or a new one`)
  }
}
