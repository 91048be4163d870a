import { describe, expect, it } from 'vitest'
import { nullable, oneOf, primaryKey } from '@mswjs/data'
import { createRetention, createStore } from '../../src/core/store.ts'
import { SnapshotError } from '../../src/core/snapshot.ts'

const models = {
  pet: { id: primaryKey(String), name: String, age: Number, adopted: Boolean, chip: nullable(String) },
  owner: { id: primaryKey(String), name: String },
}
const SCOPES = ['north', 'south']

function seeded() {
  const store = createStore(models, SCOPES, 'region')
  store.in('north').pet.insert({ id: 'p1', name: 'Rex', age: 3, adopted: true, chip: null })
  store.in('south').pet.insert({ id: 'p2', name: 'Tom', age: 1, adopted: false, chip: 'A-1' })
  store.in('north').owner.insert({ id: 'o1', name: 'Ada' })
  return store
}

describe('a store: one database per scope', () => {
  it('keeps scopes apart: a row of one scope is not found in another', () => {
    const store = seeded()
    expect(store.in('north').pet.get('p1')?.name).toBe('Rex')
    expect(store.in('south').pet.get('p1')).toBeNull()
    expect(store.in('south').pet.all().map((p) => p.id)).toEqual(['p2'])
    expect(store.find('east')).toBeNull()
    expect(store.find(null)).toBeNull()
    expect(() => store.in('east')).toThrow(/no such scope 'east'/)
  })

  it('reads, updates and deletes by primary key; a missing key is null or false', () => {
    const pets = seeded().in('north').pet
    expect(pets.update('p1', { age: 4 })?.age).toBe(4)
    expect(pets.get('p1')?.age).toBe(4)
    expect(pets.update('nope', { age: 1 })).toBeNull()
    expect(pets.get('__proto__')).toBeNull()
    expect(() => pets.update('p1', { id: 'p9' })).toThrow(/primary key cannot change/)
    expect(pets.delete('nope')).toBe(false)
    expect(pets.delete('p1')).toBe(true)
    expect(pets.get('p1')).toBeNull()
    expect(pets.size).toBe(0)
  })

  it('refuses a primary key taken in its scope (@mswjs/data’s own check) or in another (a snapshot holds scopes side by side)', () => {
    const store = seeded()
    expect(() => store.in('north').owner.insert({ id: 'o1', name: 'Again' })).toThrow()
    expect(() => store.in('south').owner.insert({ id: 'o1', name: 'Elsewhere' })).toThrow(/taken in another scope/)
    expect(store.in('south').owner.insert({ id: 'o2', name: 'New' }).name).toBe('New')
  })

  it('refuses a model that defines the scope field, or scopes that repeat', () => {
    expect(() => createStore({ pet: { id: primaryKey(String), region: String } }, SCOPES, 'region')).toThrow(/scope field 'region'/)
    expect(() => createStore(models, ['a', 'a'], 'region')).toThrow(/distinct/)
  })
})

describe('dumping and loading a store', () => {
  it('dumps every model as plain rows of its own properties, with the scope field', () => {
    expect(JSON.parse(JSON.stringify(seeded().dump()))).toEqual({
      pet: [
        { region: 'north', id: 'p1', name: 'Rex', age: 3, adopted: true, chip: null },
        { region: 'south', id: 'p2', name: 'Tom', age: 1, adopted: false, chip: 'A-1' },
      ],
      owner: [{ region: 'north', id: 'o1', name: 'Ada' }],
    })
  })

  it('loads a dump into another store, replacing what it held, each row into its scope', () => {
    const other = createStore(models, SCOPES, 'region')
    other.in('south').owner.insert({ id: 'gone', name: 'Old' })
    other.load(JSON.parse(JSON.stringify(seeded().dump())), 'db')
    expect(other.dump()).toEqual(seeded().dump())
    expect(other.in('south').pet.get('p2')?.chip).toBe('A-1')
    expect(other.in('south').owner.get('gone')).toBeNull()
  })

  it('treats a model missing from the dump as empty', () => {
    const store = seeded()
    store.load({ owner: [{ region: 'south', id: 'o9', name: 'Bo' }] }, 'db')
    expect(store.in('north').pet.size + store.in('south').pet.size).toBe(0)
    expect(store.in('south').owner.all().map((o) => o.id)).toEqual(['o9'])
  })

  it('checks everything before replacing anything: a bad row leaves the store untouched', () => {
    const store = seeded()
    const bad = { pet: [{ region: 'north', id: 'p7', name: 'Ok', age: 2, adopted: false, chip: null }, { region: 'north', id: 'p8', name: 'Bad', age: 'two', adopted: false, chip: null }] }
    expect(() => store.load(bad, 'vendor.db')).toThrow(new SnapshotError('vendor.db.pet[1].age must be a number'))
    expect(store.in('north').pet.all().map((p) => p.id)).toEqual(['p1'])
  })

  it('names each kind of problem', () => {
    const store = createStore(models, SCOPES, 'region')
    const row = { region: 'north', id: 'p1', name: 'Rex', age: 3, adopted: true, chip: null }
    const cases: [unknown, string][] = [
      [[], 'db must be an object of models'],
      [{ cat: [] }, "db has an unknown model 'cat'"],
      [{ pet: {} }, 'db.pet must be an array of rows'],
      [{ pet: ['x'] }, 'db.pet[0] must be an object'],
      [{ pet: [{ ...row, colour: 'red' }] }, "db.pet[0] has an unknown property 'colour'"],
      [{ pet: [{ ...row, region: 'east' }] }, 'db.pet[0].region must be one of north, south'],
      [{ pet: [{ ...row, region: undefined }] }, 'db.pet[0].region must be one of north, south'],
      [{ pet: [{ ...row, name: undefined }] }, 'db.pet[0].name must be a string'],
      [{ pet: [{ ...row, chip: 5 }] }, 'db.pet[0].chip must be a string or null'],
      [{ pet: [{ ...row, age: Infinity }] }, 'db.pet[0].age must be a number'],
      [{ pet: [{ ...row, id: '' }] }, 'db.pet[0].id (the primary key) must not be empty'],
      [{ pet: [row, { ...row, region: 'south' }] }, 'db.pet[1].id: primary key "p1" appears twice'],
    ]
    for (const [data, message] of cases) expect(() => store.load(data, 'db'), message).toThrow(message)
  })

  it('refuses models it cannot dump faithfully (relations)', () => {
    const rel = { a: { id: primaryKey(String), b: oneOf('b') }, b: { id: primaryKey(String) } }
    const store = createStore(rel, SCOPES, 'region')
    expect(() => store.load({ a: [], b: [] }, 'db')).toThrow(/not a flat property/)
  })
})

describe('watching a store', () => {
  it('reports each create, update and delete with the row as a snapshot holds it, until stopped', () => {
    const store = seeded()
    const heard: unknown[] = []
    const stop = store.watch((model, key, row) => heard.push([model, key, row]))
    const owners = store.in('south').owner
    owners.insert({ id: 'o2', name: 'Bo' })
    owners.update('o2', { name: 'Bob' })
    owners.get('o2')
    owners.delete('o2')
    expect(heard).toEqual([
      ['owner', 'o2', { region: 'south', id: 'o2', name: 'Bo' }],
      ['owner', 'o2', { region: 'south', id: 'o2', name: 'Bob' }],
      ['owner', 'o2', null],
    ])
    stop()
    owners.insert({ id: 'o3', name: 'Cy' })
    expect(heard).toHaveLength(3)
  })

  it('reports a clear and a load as the deletes and inserts they are', () => {
    const store = seeded()
    const heard: string[] = []
    store.watch((model, key, row) => heard.push(`${row ? 'put' : 'del'} ${model} ${key}`))
    store.clear()
    expect(heard.sort()).toEqual(['del owner o1', 'del pet p1', 'del pet p2'])
    heard.length = 0
    store.load({ owner: [{ region: 'south', id: 'o4', name: 'Di' }] }, 'db')
    expect(heard).toEqual(['put owner o4'])
    heard.length = 0
    expect(() => store.load({ owner: [{ region: 'west', id: 'o5', name: 'Ed' }] }, 'db')).toThrow(SnapshotError)
    expect(heard).toEqual([])
  })
})

describe('bounded retention of by-product rows', () => {
  const table = () => createStore({ attempt: { id: primaryKey(String), n: Number } }, ['only'], 'scope').in('only').attempt

  it('keeps at least the newest `limit` rows and at most a quarter more, deleting the oldest in batches', () => {
    const attempts = table()
    const keep = createRetention(attempts, 8)
    for (let i = 0; i < 10; i++) {
      attempts.insert({ id: `a${i}`, n: i })
      keep.keep(`a${i}`)
    }
    // 8 + 2 - 1 = 9 allowed; the 10th insert trims back to the newest 8.
    expect(attempts.all().map((r) => r.id)).toEqual(['a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'])
  })

  it('stays bounded over many rows, and resyncs after the table is cleared and refilled', () => {
    const attempts = table()
    const keep = createRetention(attempts, 100)
    for (let i = 0; i < 20_000; i++) {
      attempts.insert({ id: `a${i}`, n: i })
      keep.keep(`a${i}`)
      expect(attempts.size).toBeLessThanOrEqual(124)
    }
    expect(attempts.size).toBeGreaterThanOrEqual(100)
    expect(attempts.get('a19999')).not.toBeNull()
    attempts.clear()
    for (let i = 0; i < 150; i++) attempts.insert({ id: `b${i}`, n: i })
    keep.resync()
    expect(attempts.size).toBe(100)
    expect(attempts.all()[0]!.id).toBe('b50')
  })
})
