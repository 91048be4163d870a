// A JSON state file (the version-1 document earlier versions wrote) given to `--state` is
// migrated once: checked in full as before, kept as `<file>.v1-backup.json`, and replaced by a
// database holding the same state. One that is not valid is refused as before, untouched.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox } from '../../src/node/sandbox.ts'
import { startServer } from '../../src/server/server.ts'
import { StateFileError } from '../../src/server/state-file.ts'
import { SOURCE_CLI } from '../support/cli.ts'
import { startServe } from '../support/serve-child.ts'
import { readStateDb } from '../support/state-db.ts'

const CC = { 'content-type': 'application/json', authorization: 'test_tokensandbox_default_0001' }

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'token-sandbox-migrate-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A JSON state file as earlier versions wrote it, with one client more than the seed. */
function jsonState(): { text: string; clientId: string } {
  const sandbox = createSandbox()
  sandbox.clock.freeze(Date.parse('2031-03-03T00:00:00Z'))
  const state = JSON.parse(JSON.stringify(sandbox.snapshot()))
  const clients = state.vendors.complycube.db.client
  const clientId = 'aaaaaaaaaaaaaaaaaaaaaaaa'
  clients.push({ ...clients[0], id: clientId, document: JSON.stringify({ ...JSON.parse(clients[0].document), id: clientId, email: 'migrated@example.com' }) })
  return { text: JSON.stringify(state), clientId }
}

const isDatabase = (file: string) => readFileSync(file).subarray(0, 16).toString('latin1') === 'SQLite format 3\0'

describe('a JSON state file given to --state', () => {
  it('is migrated once: the same state in a database, the JSON kept byte for byte as <file>.v1-backup.json (mode 600)', async () => {
    const sub = mkdtempSync(join(dir, 'once-'))
    const file = join(sub, 'state.json')
    const { text, clientId } = jsonState()
    writeFileSync(file, text)

    const first = await startServer({ stateFile: file })
    expect(first.stateFile?.opened).toBe('migrated')
    expect(first.stateFile?.backup).toBe(`${file}.v1-backup.json`)
    expect(readFileSync(`${file}.v1-backup.json`, 'utf8')).toBe(text)
    expect(statSync(`${file}.v1-backup.json`).mode & 0o777).toBe(0o600)
    expect(isDatabase(file)).toBe(true)
    expect((await fetch(`${first.url}/complycube/v1/clients/${clientId}`, { headers: CC })).status).toBe(200)
    expect(await (await fetch(`${first.url}/__sandbox/clock`)).json()).toMatchObject({ frozen: true, epochMs: Date.parse('2031-03-03T00:00:00Z') })
    await first.close()

    // What the database holds is the JSON's state, but savedAt (a model without rows has no array;
    // rows come back grouped by environment, each environment being its own store).
    const { savedAt: _a, ...migrated } = readStateDb(file)
    const { savedAt: _b, ...original } = JSON.parse(text)
    const byContent = (doc: { vendors: Record<string, { db: Record<string, unknown[]> }> }) => {
      for (const v of Object.values(doc.vendors)) {
        for (const [model, rows] of Object.entries(v.db)) {
          if (rows.length === 0) delete v.db[model]
          else rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
        }
      }
      return doc
    }
    expect(byContent(migrated as never)).toEqual(byContent(original))

    const second = await startServer({ stateFile: file })
    expect(second.stateFile?.opened).toBe('loaded')
    expect((await fetch(`${second.url}/complycube/v1/clients/${clientId}`, { headers: CC })).status).toBe(200)
    await second.close()
    expect(readdirSync(sub).sort()).toEqual(['state.json', 'state.json.v1-backup.json'])
  })

  it('says so in the banner of serve, even with --quiet', async () => {
    const file = join(mkdtempSync(join(dir, 'cli-')), 'state.json')
    writeFileSync(file, jsonState().text)
    const serve = await startServe(['--quiet', '--state', file])
    await serve.kill()
    expect(serve.stdout()).toContain(`State file: ${file} (migrated from a JSON state file to a database; the JSON is kept as ${file}.v1-backup.json)`)
    expect(serve.stderr()).toBe('')
  }, 30_000)

  it('goes on after a migration that was interrupted once its backup was written (the same content)', async () => {
    const file = join(mkdtempSync(join(dir, 'again-')), 'state.json')
    const { text } = jsonState()
    writeFileSync(file, text)
    writeFileSync(`${file}.v1-backup.json`, text)
    const running = await startServer({ stateFile: file })
    expect(running.stateFile?.opened).toBe('migrated')
    await running.close()
    expect(isDatabase(file)).toBe(true)
  })

  it('is refused, left as it was, when its backup path holds something else', async () => {
    const sub = mkdtempSync(join(dir, 'taken-'))
    const file = join(sub, 'state.json')
    const { text } = jsonState()
    writeFileSync(file, text)
    writeFileSync(`${file}.v1-backup.json`, '{"someone":"else"}')
    const err = await startServer({ stateFile: file }).then(() => null, (e: unknown) => e)
    expect(err).toBeInstanceOf(StateFileError)
    expect((err as Error).message).toBe(`cannot migrate state file ${file}: ${file}.v1-backup.json exists and holds something else; move it away and start again`)
    expect(readFileSync(file, 'utf8')).toBe(text)
    expect(readFileSync(`${file}.v1-backup.json`, 'utf8')).toBe('{"someone":"else"}')
    expect(readdirSync(sub).sort()).toEqual(['state.json', 'state.json.v1-backup.json'])
  })

  it('is refused when not valid, exit 2 naming the bad value: no backup, no database, the file as it was', () => {
    const sub = mkdtempSync(join(dir, 'invalid-'))
    const file = join(sub, 'state.json')
    const state = JSON.parse(jsonState().text)
    state.vendors.complycube.db.client[0].createdAtMs = 'yesterday'
    const text = JSON.stringify(state)
    writeFileSync(file, text)
    const r = spawnSync(process.execPath, [...SOURCE_CLI, 'serve', '--port', '0', '--quiet', '--state', file], { encoding: 'utf8', timeout: 30_000 })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/complycube\.db\.client\[0\]\.createdAtMs must be a number/)
    expect(readFileSync(file, 'utf8')).toBe(text)
    expect(readdirSync(sub)).toEqual(['state.json'])
    expect(existsSync(`${file}.v1-backup.json`)).toBe(false)
  }, 30_000)
})
