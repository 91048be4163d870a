// A write of the state file fails: the request gets 503 `state_not_saved` and nothing changed —
// the change is rolled back (the sandbox reloads what the database holds; nothing is kept in
// memory to reach the disk later), so a retry makes one client, not two.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox } from '../../src/node/sandbox.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { openStateFile, StateNotSavedError } from '../../src/server/state-file.ts'
import { readStateDb, stateWithoutSavedAt } from '../support/state-db.ts'

const CC = { 'content-type': 'application/json', authorization: 'test_tokensandbox_default_0001' }

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'token-sandbox-rollback-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * A server on `<folder>/state.db`, and a switch that makes its writes fail: the folder is
 * swapped for a plain file (SQLite could still write through its open descriptors, to a file no
 * one would read again: the server sees the database is not at its path any more).
 */
async function serverWithBreakableFolder(errors: unknown[]) {
  const folder = mkdtempSync(join(dir, 'state-'))
  const file = join(folder, 'state.db')
  const running = await startServer({ stateFile: file, onError: (e) => errors.push(e) })
  return {
    running,
    file,
    break() {
      renameSync(folder, `${folder}.away`)
      writeFileSync(folder, 'not a folder')
    },
    fix() {
      rmSync(folder)
      renameSync(`${folder}.away`, folder)
    },
  }
}

const createClient = (s: RunningServer, email: string) =>
  fetch(`${s.url}/complycube/v1/clients`, { method: 'POST', headers: CC, body: JSON.stringify({ type: 'person', email, personDetails: { firstName: 'R', lastName: 'B' } }) })

async function clientsWith(s: RunningServer, email: string): Promise<number> {
  const res = await fetch(`${s.url}/complycube/v1/clients?pageSize=100`, { headers: CC })
  expect(res.status).toBe(200)
  const { items } = (await res.json()) as { items: { email?: string }[] }
  return items.filter((c) => c.email === email).length
}

describe('a failed write of the state file', () => {
  it('answers 503 and undoes the change; the retry makes exactly one client, still there after a restart', async () => {
    const errors: unknown[] = []
    const s = await serverWithBreakableFolder(errors)
    const before = stateWithoutSavedAt(s.file)
    s.break()
    const res = await createClient(s.running, 'retry@example.com')
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({
      error: { code: 'state_not_saved', message: expect.stringMatching(/nothing was changed .*it is safe to retry/) },
    })
    expect(String(errors[0])).toMatch(/ENOTDIR/)
    expect(await clientsWith(s.running, 'retry@example.com')).toBe(0)
    expect(s.running.stateFile!.rollbacks()).toBe(1)

    s.fix()
    expect(stateWithoutSavedAt(s.file)).toEqual(before)
    const retry = await createClient(s.running, 'retry@example.com')
    expect(retry.status).toBe(200)
    expect(await clientsWith(s.running, 'retry@example.com')).toBe(1)
    await s.running.close()

    const again = await startServer({ stateFile: s.file })
    expect(again.stateFile?.opened).toBe('loaded')
    expect(await clientsWith(again, 'retry@example.com')).toBe(1)
    await again.close()
  })

  it('undoes every change of the failed group and of the write after it (concurrent requests, in-process changes), and starts no write of its own', async () => {
    const errors: unknown[] = []
    const s = await serverWithBreakableFolder(errors)
    s.break()
    const key = s.running.sandbox.complycube.createKey('sandbox', 'in-process, lost')
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => createClient(s.running, `group-${i}@example.com`)))
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(503))
    for (let i = 0; i < 12; i++) expect(await clientsWith(s.running, `group-${i}@example.com`)).toBe(0)
    const keys = s.running.sandbox.complycube.listKeys().map((k: { key: string }) => k.key)
    expect(keys).not.toContain(key.key)

    // The rollback's own changes are not written: no write is tried once the dust settles.
    const writes = s.running.stateFile!.writes()
    const failures = errors.length
    await new Promise((r) => setTimeout(r, 100))
    expect(s.running.stateFile!.writes()).toBe(writes)
    expect(errors.length).toBe(failures)

    // The next successful write holds none of the undone changes.
    s.fix()
    const res = await fetch(`${s.running.url}/__sandbox/complycube/keys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"after the fix"}' })
    expect(res.status).toBe(201)
    const onDisk = JSON.stringify(readStateDb(s.file))
    expect(onDisk).toContain('after the fix')
    expect(onDisk).not.toContain('group-')
    expect(onDisk).not.toContain(key.key)
    await s.running.close()
  })

  it('keeps the changes that were on disk before the failure', async () => {
    const s = await serverWithBreakableFolder([])
    expect((await createClient(s.running, 'kept@example.com')).status).toBe(200)
    s.break()
    expect((await createClient(s.running, 'lost@example.com')).status).toBe(503)
    expect(await clientsWith(s.running, 'kept@example.com')).toBe(1)
    expect(await clientsWith(s.running, 'lost@example.com')).toBe(0)
    s.fix()
    await s.running.close()
  })

  it('waits for the requests being handled before rolling back, and holds new ones until it is done', async () => {
    const folder = mkdtempSync(join(dir, 'fence-'))
    const sandbox = createSandbox()
    const store = await openStateFile(sandbox, join(folder, 'state.db'))
    const keys = () => sandbox.complycube.listKeys().map((k: { key: string }) => k.key)
    expect(store.enter()).toBeNull()
    renameSync(folder, `${folder}.away`)
    writeFileSync(folder, 'not a folder')
    const { key } = sandbox.complycube.createKey('sandbox', 'made by a request being handled')
    const failed = store.commit()
    failed.catch(() => {})
    await new Promise((r) => setTimeout(r, 50))
    // The write failed, but a handler is still running: nothing is undone under it.
    expect(keys()).toContain(key)
    const held = store.enter()
    expect(held).not.toBeNull()
    store.leave()
    await expect(failed).rejects.toBeInstanceOf(StateNotSavedError)
    expect(keys()).not.toContain(key)
    await held
    store.leave()
    rmSync(folder)
    renameSync(`${folder}.away`, folder)
    await store.close()
  })
})

describe('run-time settings no state file keeps', () => {
  it('are changed without writing the file: faults and the rate-limit setting answer 2xx and take effect while writes fail', async () => {
    const errors: unknown[] = []
    const s = await serverWithBreakableFolder(errors)
    s.break()
    const admin = (path: string, body?: unknown) =>
      fetch(`${s.running.url}/__sandbox${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
    const added = await admin('/faults', { vendor: 'complycube', path: '/clients', status: 502 })
    expect(added.status).toBe(201)
    // The fault is in force: the next matching request gets it (a GET: no write is needed).
    expect((await fetch(`${s.running.url}/complycube/v1/clients`, { headers: CC })).status).toBe(502)
    const other = await admin('/faults', { vendor: 'complycube', path: '/nowhere', status: 503 })
    expect(other.status).toBe(201)
    const { id } = (await other.json()) as { id: string }
    expect((await admin(`/faults/${id}/remove`)).status).toBe(200)
    expect((await admin('/faults/clear')).status).toBe(200)
    const limits = await admin('/rate-limits', { enabled: true })
    expect(limits.status).toBe(200)
    expect(((await limits.json()) as { enabled: boolean }).enabled).toBe(true)
    // No write was attempted, so none failed and nothing was rolled back.
    expect(s.running.stateFile!.rollbacks()).toBe(0)
    expect(errors).toEqual([])
    // A change the file keeps still gets its 503.
    expect((await createClient(s.running, 'kept@example.com')).status).toBe(503)
    s.fix()
    await s.running.close()
  })
})

describe('a transaction SQLite cannot commit', () => {
  it('is a failed write too: another connection holding the write lock makes it 503, undone; the next one goes through', async () => {
    const folder = mkdtempSync(join(dir, 'busy-'))
    const file = join(folder, 'state.db')
    const errors: unknown[] = []
    const running = await startServer({ stateFile: file, onError: (e) => errors.push(e) })
    // Someone's sqlite3 shell in a write transaction: the server's waits its busy timeout, then fails.
    const other = new DatabaseSync(file)
    other.exec('BEGIN IMMEDIATE')
    const res = await createClient(running, 'busy@example.com')
    expect(res.status).toBe(503)
    expect(String(errors[0])).toMatch(/database is locked/)
    expect(await clientsWith(running, 'busy@example.com')).toBe(0)
    other.exec('ROLLBACK')
    other.close()
    expect((await createClient(running, 'busy@example.com')).status).toBe(200)
    expect(await clientsWith(running, 'busy@example.com')).toBe(1)
    await running.close()
    expect(JSON.stringify(readStateDb(file))).toContain('busy@example.com')
  })
})
