// Reading a file the user named: only a regular file, checked on the open descriptor, read up
// to a cap. A FIFO, a device or a directory is refused at once (never waited on or read
// forever), and so is a file over the cap, however it reports its size.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readUserFile, readUserText, showPath, UserFileError, writeUserFile } from '../../src/node/user-file.ts'

const dir = mkdtempSync(join(tmpdir(), 'ts-user-file-'))
const fifo = join(dir, 'fifo')
execFileSync('mkfifo', [fifo])

const refusal = (path: string, max = 1024) => {
  try {
    readUserFile(path, 'config file', max)
  } catch (err) {
    expect(err).toBeInstanceOf(UserFileError)
    return (err as Error).message
  }
  throw new Error(`${path} was read`)
}

describe('readUserFile', () => {
  it('reads a regular file, and its stat from the same descriptor', () => {
    const file = join(dir, 'ok.json')
    writeFileSync(file, '{"port":1}')
    const { data, stat } = readUserFile(file, 'config file', 1024)
    expect(data.toString()).toBe('{"port":1}')
    expect(stat.isFile()).toBe(true)
    expect(stat.size).toBe(10n)
  })

  it.each([
    ['/dev/zero', 'a character device'],
    [fifo, 'a FIFO \\(named pipe\\)'],
    [dir, 'a directory'],
  ])('refuses %s at once: %s, not a regular file', (path, kind) => {
    const started = Date.now()
    expect(refusal(path)).toMatch(new RegExp(`^config file ${path} is ${kind}, not a regular file$`))
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('refuses a symbolic link to a device (the open file is checked, not the name)', () => {
    const link = join(dir, 'zero-link.json')
    symlinkSync('/dev/zero', link)
    expect(refusal(link)).toBe(`config file ${link} is a character device, not a regular file`)
  })

  it('refuses a file larger than the cap before reading it', () => {
    const big = join(dir, 'big.json')
    writeFileSync(big, '')
    truncateSync(big, 1025)
    expect(refusal(big)).toBe(`config file ${big} is larger than 1 KiB, the most it may hold`)
  })

  it('stops at the cap on a file that says it is empty but is not (procfs)', () => {
    // /proc/self/maps is a regular file of size 0 whose content is longer than 16 bytes.
    expect(refusal('/proc/self/maps', 16)).toBe('config file /proc/self/maps is larger than 16 bytes, the most it may hold')
  })

  it('names a missing file with its errno code', () => {
    const err = (() => {
      try {
        readUserText(join(dir, 'missing.json'), 'config file', 1024)
      } catch (e) {
        return e as UserFileError
      }
    })()
    expect(err?.code).toBe('ENOENT')
    expect(err?.message).toBe(`cannot read config file ${join(dir, 'missing.json')}: ENOENT`)
  })

  it('shows a path with a newline, a C1 control or a bidi override on one line, escaped', () => {
    expect(showPath('a\nb\u009b\u202ec.json')).toBe('"a\\u000ab\\u009b\\u202ec.json"')
    expect(showPath('/plain/path.json')).toBe('/plain/path.json')
  })
})

describe('writeUserFile', () => {
  it('creates a file, and replaces a longer one whole', () => {
    const file = join(dir, 'out.json')
    writeUserFile(file, 'record', 'a much longer first text')
    writeUserFile(file, 'record', '{}')
    expect(readFileSync(file, 'utf8')).toBe('{}')
  })

  // /dev/full would fail every write with ENOSPC (and a reader of it never ends); a FIFO with
  // no reader would block the write forever: each is refused on the descriptor, at once.
  it.each([
    ['/dev/full', 'a character device'],
    [fifo, 'a FIFO \\(named pipe\\)|ENXIO'],
    [dir, 'a directory|EISDIR'],
  ])('refuses %s at once (%s), writing nothing', (path, kind) => {
    const started = Date.now()
    let message = ''
    try {
      writeUserFile(path, 'record', 'x')
    } catch (err) {
      expect(err).toBeInstanceOf(UserFileError)
      message = (err as Error).message
    }
    expect(message).toMatch(new RegExp(kind))
    expect(message).not.toContain('\n')
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
