// A `--state` database that cannot be used is refused — StateFileError in-process, exit 2 from
// the CLI — with a message naming the problem, and left byte for byte: not a database, corrupt,
// another program's, another layout, or rows the sandbox would not accept (checked by the same
// sandbox.restore as a JSON state, the row named by its key).
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../src/server/server.ts'
import { StateFileError } from '../../src/server/state-file.ts'
import { SOURCE_CLI } from '../support/cli.ts'

let dir: string
let valid: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'token-sandbox-db-'))
  valid = join(dir, 'valid.db')
  await (await startServer({ stateFile: valid })).close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A copy of a valid state database, changed through SQL. */
function editedCopy(sql: string): Buffer {
  const file = join(mkdtempSync(join(dir, 'edit-')), 'state.db')
  copyFileSync(valid, file)
  const db = new DatabaseSync(file)
  db.exec(sql)
  db.close()
  return readFileSync(file)
}

const CASES: [string, () => Buffer, RegExp][] = [
  ['only the SQLite header', () => Buffer.from('SQLite format 3\0'), /is corrupt \(file is not a database\); delete it to start from the seed/],
  ['the header, then junk', () => Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 0x5a)]), /is corrupt \(file is not a database\); delete it to start from the seed/],
  ['half a database', () => readFileSync(valid).subarray(0, 6144), /is corrupt \(/],
  ['a pile of zeros', () => Buffer.alloc(4096), /is corrupt \(not valid JSON/],
  ['another program’s database', () => {
    const file = join(mkdtempSync(join(dir, 'other-')), 'other.db')
    const db = new DatabaseSync(file)
    db.exec('CREATE TABLE notes (text TEXT)')
    db.close()
    return readFileSync(file)
  }, /is a SQLite database but not a token-sandbox state \(its application_id is 0\); pick another file/],
  ['another layout', () => editedCopy('PRAGMA user_version = 9'), /has database layout 9; this token-sandbox reads layout 1/],
  ['a row that is not JSON', () => editedCopy(`UPDATE rows SET data = '{"id":' WHERE model = 'client'`), /the complycube\/client row "5eb04fcd0f3e360008035eb1" is not valid JSON/],
  ['a row found by another key', () => editedCopy(`UPDATE rows SET key = 'elsewhere' WHERE key = '5eb04fcd0f3e360008035eb1'`), /the complycube\/client row "elsewhere" has another id \("5eb04fcd0f3e360008035eb1"\)/],
  ['a row with a bad value', () => editedCopy(`UPDATE rows SET data = json_set(data, '$.createdAtMs', 'soon') WHERE model = 'client'`),
    /complycube\.db\.client\[0\]\.createdAtMs must be a number \(the row with key "5eb04fcd0f3e360008035eb1"\)/],
  ['a row of an unknown model', () => editedCopy(`INSERT INTO rows VALUES ('complycube', 'robot', 'r1', 999, '{}')`), /complycube\.db has an unknown model 'robot'/],
  ['a clock out of range', () => editedCopy(`UPDATE doc SET data = '{"frozen":true,"epochMs":1e300}' WHERE part = 'clock'`), /clock\.epochMs must be a number of milliseconds/],
  ['a part that is not JSON', () => editedCopy(`UPDATE doc SET data = 'tuesday' WHERE part = 'issued'`), /its part 'issued' is not valid JSON/],
  ['a vendor’s secret missing', () => editedCopy(`UPDATE doc SET data = '{}' WHERE part = 'vendor:complycube'`), /complycube\.signingSecret must be a non-empty string/],
]

describe('a state database that cannot be used is refused, in-process', () => {
  it.each(CASES)('%s', async (_name, make, message) => {
    const sub = mkdtempSync(join(dir, 'case-'))
    const file = join(sub, 'state.db')
    const bytes = make()
    writeFileSync(file, bytes)
    const err = await startServer({ stateFile: file }).then(
      (running) => running.close().then(() => null),
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(StateFileError)
    expect((err as Error).message).toMatch(message)
    expect((err as Error).message).toContain(file)
    expect(readFileSync(file).equals(bytes)).toBe(true)
    // No lock, no temp file and no -wal or -shm left next to it.
    expect(readdirSync(sub)).toEqual(['state.db'])
  })
})

describe('token-sandbox serve --state with a database that cannot be used', () => {
  it('exits 2 with one line naming the problem, and leaves the file as it was', () => {
    for (const [name, make, message] of CASES.filter(([n]) => ['half a database', 'another program’s database', 'a row with a bad value'].includes(n))) {
      const file = join(mkdtempSync(join(dir, 'cli-')), 'state.db')
      const bytes = make()
      writeFileSync(file, bytes)
      const r = spawnSync(process.execPath, [...SOURCE_CLI, 'serve', '--port', '0', '--quiet', '--state', file], { encoding: 'utf8', timeout: 30_000 })
      expect(r.status, name).toBe(2)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).not.toMatch(/\n\s+at /)
      // One line: the file is wrong, not the command line (no usage hint).
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(readFileSync(file).equals(bytes)).toBe(true)
    }
  }, 60_000)
})
