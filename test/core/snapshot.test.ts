import { describe, expect, it } from 'vitest'
import { factory, nullable, primaryKey, oneOf } from '@mswjs/data'
import { dumpDb, loadDb, SnapshotError, watchDb } from '../../src/core/snapshot.ts'

const models = {
  pet: {
    id: primaryKey(String),
    name: String,
    age: Number,
    adopted: Boolean,
    chip: nullable(String),
  },
  owner: {
    id: primaryKey(String),
    name: String,
  },
}

function seeded() {
  const db = factory(models)
  db.pet.create({ id: 'p1', name: 'Rex', age: 3, adopted: true, chip: null })
  db.pet.create({ id: 'p2', name: 'Tom', age: 1, adopted: false, chip: 'A-1' })
  db.owner.create({ id: 'o1', name: 'Ada' })
  return db
}

describe('dumping and loading an @mswjs/data store', () => {
  it('dumps every model as plain rows of its own properties', () => {
    const dump = dumpDb(seeded(), models)
    expect(JSON.parse(JSON.stringify(dump))).toEqual({
      pet: [
        { id: 'p1', name: 'Rex', age: 3, adopted: true, chip: null },
        { id: 'p2', name: 'Tom', age: 1, adopted: false, chip: 'A-1' },
      ],
      owner: [{ id: 'o1', name: 'Ada' }],
    })
  })

  it('loads a dump into another store, replacing what it held', () => {
    const other = factory(models)
    other.owner.create({ id: 'gone', name: 'Old' })
    loadDb(other, models, JSON.parse(JSON.stringify(dumpDb(seeded(), models))), 'db')
    expect(dumpDb(other, models)).toEqual(dumpDb(seeded(), models))
    expect(other.pet.findFirst({ where: { id: { equals: 'p2' } } })?.chip).toBe('A-1')
  })

  it('treats a model missing from the dump as empty', () => {
    const db = seeded()
    loadDb(db, models, { owner: [{ id: 'o9', name: 'Bo' }] }, 'db')
    expect(db.pet.count()).toBe(0)
    expect(db.owner.getAll().map((o) => o.id)).toEqual(['o9'])
  })

  it('checks everything before replacing anything: a bad row leaves the store untouched', () => {
    const db = seeded()
    const bad = { pet: [{ id: 'p7', name: 'Ok', age: 2, adopted: false, chip: null }, { id: 'p8', name: 'Bad', age: 'two', adopted: false, chip: null }] }
    expect(() => loadDb(db, models, bad, 'vendor.db')).toThrow(new SnapshotError('vendor.db.pet[1].age must be a number'))
    expect(db.pet.getAll().map((p) => p.id)).toEqual(['p1', 'p2'])
  })

  it('names each kind of problem', () => {
    const db = factory(models)
    const row = { id: 'p1', name: 'Rex', age: 3, adopted: true, chip: null }
    const cases: [unknown, string][] = [
      [[], 'db must be an object of models'],
      [{ cat: [] }, "db has an unknown model 'cat'"],
      [{ pet: {} }, 'db.pet must be an array of rows'],
      [{ pet: ['x'] }, 'db.pet[0] must be an object'],
      [{ pet: [{ ...row, colour: 'red' }] }, "db.pet[0] has an unknown property 'colour'"],
      [{ pet: [{ ...row, name: undefined }] }, 'db.pet[0].name must be a string'],
      [{ pet: [{ ...row, chip: 5 }] }, 'db.pet[0].chip must be a string or null'],
      [{ pet: [{ ...row, age: Infinity }] }, 'db.pet[0].age must be a number'],
      [{ pet: [{ ...row, id: '' }] }, 'db.pet[0].id (the primary key) must not be empty'],
      [{ pet: [row, row] }, 'db.pet[1].id: primary key "p1" appears twice'],
    ]
    for (const [data, message] of cases) expect(() => loadDb(db, models, data, 'db'), message).toThrow(message)
  })

  it('refuses models it cannot dump faithfully (relations)', () => {
    const rel = { a: { id: primaryKey(String), b: oneOf('b') }, b: { id: primaryKey(String) } }
    const db = factory(rel)
    expect(() => loadDb(db, rel as never, { a: [], b: [] }, 'db')).toThrow(/not a flat property/)
  })
})

describe('watching a store', () => {
  it('reports creates, updates and deletes until stopped', () => {
    const db = seeded()
    let n = 0
    const stop = watchDb(db, () => n++)
    db.owner.create({ id: 'o2', name: 'Bo' })
    db.owner.update({ where: { id: { equals: 'o2' } }, data: { name: 'Bob' } })
    db.owner.delete({ where: { id: { equals: 'o2' } } })
    expect(n).toBe(3)
    db.owner.getAll()
    expect(n).toBe(3)
    stop()
    db.owner.create({ id: 'o3', name: 'Cy' })
    expect(n).toBe(3)
  })
})
