import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { model } from '../../src/core/model.ts'
import { createRetention, createStore } from '../../src/core/store.ts'
import { SnapshotError } from '../../src/core/snapshot.ts'
import { bestTimeMs } from '../support/timing.ts'

const models = {
  // (valibot's number() takes Infinity; a model that must not says so.)
  pet: model('id', { id: v.string(), name: v.string(), age: v.pipe(v.number(), v.finite('must be a number')), adopted: v.boolean(), chip: v.nullable(v.string()) }),
  owner: model('id', { id: v.string(), name: v.string() }),
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

  it('refuses a primary key taken in its scope or in another (a snapshot holds scopes side by side)', () => {
    const store = seeded()
    expect(() => store.in('north').owner.insert({ id: 'o1', name: 'Again' })).toThrow(/"o1" is taken$/)
    expect(() => store.in('south').owner.insert({ id: 'o1', name: 'Elsewhere' })).toThrow(/taken in another scope/)
    expect(store.in('south').owner.insert({ id: 'o2', name: 'New' }).name).toBe('New')
  })

  it('refuses a model that defines the scope field, or scopes that repeat', () => {
    expect(() => createStore({ pet: model('id', { id: v.string(), region: v.string() }) }, SCOPES, 'region')).toThrow(/scope field 'region'/)
    expect(() => createStore(models, ['a', 'a'], 'region')).toThrow(/distinct/)
  })

  it('refuses a model keyed by a field it does not have, and a row whose key is empty', () => {
    // @ts-expect-error: the key must be one of the model's string fields
    expect(() => model('ref', { id: v.string() })).toThrow(/key 'ref' must be one of its fields/)
    expect(() => seeded().in('north').owner.insert({ id: '', name: 'Nobody' })).toThrow(/non-empty string/)
  })

  it('stores a copy of the model’s fields: what the caller holds stays theirs, and an update makes a new row', () => {
    const owners = seeded().in('north').owner
    const given = { id: 'o7', name: 'Flo', extra: 'not a field' }
    const stored = owners.insert(given)
    given.name = 'changed'
    expect(owners.get('o7')).toEqual({ id: 'o7', name: 'Flo' })
    expect(owners.update('o7', { name: 'Flora' })).not.toBe(stored)
    expect(stored.name).toBe('Flo')
    expect(owners.all().map((o) => o.id)).toEqual(['o1', 'o7'])
  })
})

describe('a table at 50,000 rows', () => {
  const filled = (n: number) => {
    const pets = createStore(models, SCOPES, 'region').in('north').pet
    for (let i = 0; i < n; i++) pets.insert({ id: `p${i}`, name: 'Rex', age: i, adopted: false, chip: null })
    return pets
  }

  it('reads, updates and deletes by key in the same time as at 1,000 rows (no scan of the rows)', () => {
    const ops = (pets: ReturnType<typeof filled>, n: number) => () => {
      for (let i = 0; i < 1000; i++) {
        const key = `p${(i * 7919) % n}`
        pets.update(key, { age: pets.get(key)!.age + 1 })
      }
      for (let i = 0; i < 100; i++) pets.delete(`p${n - 1 - i}`) && pets.insert({ id: `p${n - 1 - i}`, name: 'Rex', age: 0, adopted: false, chip: null })
    }
    const small = ops(filled(1000), 1000)
    const large = ops(filled(50_000), 50_000)
    small()
    large()
    const ratio = bestTimeMs(large, 7) / Math.max(bestTimeMs(small, 7), 0.2)
    // A scan per operation would be ~50×; a keyed lookup stays near 1× (cache effects allowed for).
    expect(ratio, `50× the rows took ${ratio.toFixed(1)}× as long`).toBeLessThan(6)
  })

  it('clears them in less time than it takes to insert them (not a scan per row deleted)', () => {
    const pets = filled(50_000)
    const rows = pets.all()
    let clearMs = Number.POSITIVE_INFINITY
    let fillMs = Number.POSITIVE_INFINITY
    for (let i = 0; i < 3; i++) {
      clearMs = Math.min(clearMs, bestTimeMs(() => pets.clear(), 1))
      fillMs = Math.min(fillMs, bestTimeMs(() => rows.forEach((row) => pets.insert(row)), 1))
    }
    expect(pets.size).toBe(50_000)
    expect(clearMs).toBeLessThan(Math.max(fillMs, 1) * 3)
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

  it('words a check of the model’s own after the path of the value', () => {
    const store = createStore({ pet: model('id', { id: v.string(), age: v.pipe(v.number(), v.minValue(0, 'must be 0 or more')) }) }, SCOPES, 'region')
    expect(() => store.load({ pet: [{ region: 'north', id: 'p1', age: -1 }] }, 'db')).toThrow(new SnapshotError('db.pet[0].age must be 0 or more'))
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
  const table = () => createStore({ attempt: model('id', { id: v.string(), n: v.number() }) }, ['only'], 'scope').in('only').attempt

  it('keeps the newest `limit` rows, deleting the oldest', () => {
    const attempts = table()
    const keep = createRetention(attempts, 8)
    for (let i = 0; i < 10; i++) {
      attempts.insert({ id: `a${i}`, n: i })
      keep.keep(`a${i}`)
    }
    expect(attempts.all().map((r) => r.id)).toEqual(['a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'])
  })

  it('stays bounded over many rows, and resyncs after the table is cleared and refilled', () => {
    const attempts = table()
    const keep = createRetention(attempts, 100)
    for (let i = 0; i < 20_000; i++) {
      attempts.insert({ id: `a${i}`, n: i })
      keep.keep(`a${i}`)
      expect(attempts.size).toBe(Math.min(i + 1, 100))
    }
    expect(attempts.get('a19999')).not.toBeNull()
    attempts.clear()
    for (let i = 0; i < 150; i++) attempts.insert({ id: `b${i}`, n: i })
    keep.resync()
    expect(attempts.size).toBe(100)
    expect(attempts.all()[0]!.id).toBe('b50')
  })
})
