// The state database keeps every row key as itself, whatever reaches it: a key that is not
// well-formed Unicode ("c\ud800") is stored losslessly (a BLOB of its UTF-16 code units), so
// it neither collapses onto another key ("c\udfff", "c\ufffd": SQLite's UTF-8 text would make
// all three one row) nor reads back as a different key (which refused the next start).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as sqlite from 'node:sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../src/server/server.ts'
import { keyColumn, keyFromColumn } from '../../src/server/row-keys.ts'
import { openStateDb } from '../../src/server/state-db.ts'
import { ca as caVendor } from '../../src/vendors/ca/index.ts'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'token-sandbox-row-keys-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const KEYS = ['hedmoral/R/contact/c\ud800', 'hedmoral/R/contact/c\udfff', 'hedmoral/R/contact/c\ufffd', 'hedmoral/R/contact/c', 'hedmoral/R/contact/\udc00\ud800']

describe('row keys that are not well-formed Unicode in the state database', () => {
  it('are written and read back each as itself, as distinct rows, and deleted by their own key', async () => {
    const file = join(dir, 'keys.db')
    const running = await startServer({ stateFile: file })
    await running.close()
    const keyField = running.sandbox.rowKeyField
    const field = keyField('ca', 'factor')!
    expect(field).toBe('id')

    let db = openStateDb(sqlite, file, file, keyField)
    db.write(KEYS.map((key, i) => ({ vendor: 'ca', model: 'factor', key, row: { [field]: key, n: i } })), null)
    db.close()

    db = openStateDb(sqlite, file, file, keyField)
    const { document, keyAt } = db.read()
    const factors = ((document.vendors as any).ca.db.factor as Record<string, unknown>[]).filter((r) => (r.id as string).startsWith('hedmoral/R/'))
    expect(factors.map((r) => r.id)).toEqual(KEYS)
    expect(factors.map((r) => r.n)).toEqual([0, 1, 2, 3, 4])
    const all = (document.vendors as any).ca.db.factor as unknown[]
    expect(all.map((_, i) => keyAt('ca', 'factor', i)).filter((k) => k!.startsWith('hedmoral/R/'))).toEqual(KEYS)

    db.write([{ vendor: 'ca', model: 'factor', key: KEYS[0]!, row: null }], null)
    db.close()
    db = openStateDb(sqlite, file, file, keyField)
    const left = ((db.read().document.vendors as any).ca.db.factor as { id: string }[]).filter((r) => r.id.startsWith('hedmoral/R/'))
    db.close()
    expect(left.map((r) => r.id)).toEqual(KEYS.slice(1))
  })

  it('keeps a well-formed key as text (files stay readable as before) and any other as the exact code units', () => {
    expect(keyColumn('c\ufffd')).toBe('c\ufffd')
    expect(keyColumn('😀')).toBe('😀')
    for (const key of KEYS) expect(keyFromColumn(keyColumn(key))).toBe(key)
    expect(keyColumn('c\ud800')).not.toEqual(keyColumn('c\udfff'))
  })
})

describe('a seed whose keys are not well-formed Unicode, with a state file', () => {
  it('restarts with each row as itself: two contacts "c\\ud800" and "c\\udfff" stay two', async () => {
    const file = join(dir, 'fixture.db')
    const tenants = caVendor.fixtures.tenants.map((t) =>
      t.id !== 'hedmoral'
        ? t
        : {
            ...t,
            accounts: [
              ...(t.accounts ?? []),
              {
                account_id: 'ACC-LONE',
                name: 'Lone',
                contacts: [
                  { contact_id: 'c\ud800', type: 'email' as const, value: 'a@example.com', is_default: true },
                  { contact_id: 'c\udfff', type: 'email' as const, value: 'b@example.com' },
                ],
              },
            ],
          },
    )
    const options = { stateFile: file, fixtures: { ca: { tenants } } }
    await (await startServer(options)).close()
    const running = await startServer(options)
    try {
      const account = running.sandbox.ca.accounts('hedmoral').find((a) => a.account_id === 'ACC-LONE')
      expect(account?.contacts.map((c) => c.contact_id)).toEqual(['c\ud800', 'c\udfff'])
    } finally {
      await running.close()
    }
  })
})
