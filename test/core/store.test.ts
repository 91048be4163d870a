import { describe, expect, it } from 'vitest'
import { drop, factory, primaryKey } from '@mswjs/data'
import { findByPrimaryKey } from '../../src/core/store.ts'

describe('primary-key lookups on @mswjs/data', () => {
  const make = () => factory({ thing: { id: primaryKey(String), env: String, n: Number } })

  it('finds the same row findFirst finds, and null for a missing key', () => {
    const db = make()
    for (let i = 0; i < 50; i++) db.thing.create({ id: `t${i}`, env: i % 2 ? 'a' : 'b', n: i })
    expect(findByPrimaryKey(db, 'thing', 'id', 't7')).toEqual(db.thing.findFirst({ where: { id: { equals: 't7' } } }))
    expect(findByPrimaryKey(db, 'thing', 'id', 'nope')).toBeNull()
    expect(findByPrimaryKey(db, 'thing', 'id', '__proto__')).toBeNull()
  })

  it('sees updates, deletes and drops made through the model API', () => {
    const db = make()
    db.thing.create({ id: 'x', env: 'a', n: 1 })
    db.thing.update({ where: { id: { equals: 'x' } }, data: { n: 2 } })
    expect(findByPrimaryKey(db, 'thing', 'id', 'x')?.n).toBe(2)
    db.thing.delete({ where: { id: { equals: 'x' } } })
    expect(findByPrimaryKey(db, 'thing', 'id', 'x')).toBeNull()
    db.thing.create({ id: 'y', env: 'a', n: 1 })
    drop(db)
    expect(findByPrimaryKey(db, 'thing', 'id', 'y')).toBeNull()
  })

  it('falls back to findFirst on a db without the internal instance', () => {
    const rows = [{ id: 'a' }]
    const fake = { thing: { findFirst: ({ where }: { where: { id: { equals: string } } }) => rows.find((r) => r.id === where.id.equals) ?? null } }
    expect(findByPrimaryKey(fake, 'thing', 'id', 'a')).toEqual({ id: 'a' })
  })
})

describe('bounded retention of by-product rows', () => {
  const make = () => factory({ attempt: { id: primaryKey(String), n: Number } })

  it('keeps the newest `limit` rows and deletes the oldest', async () => {
    const { createRetention } = await import('../../src/core/store.ts')
    const db = make()
    const keep = createRetention(db, 'attempt', 'id', 3)
    for (let i = 0; i < 10; i++) {
      db.attempt.create({ id: `a${i}`, n: i })
      keep.keep(`a${i}`)
    }
    expect(db.attempt.getAll().map((r) => r.id)).toEqual(['a7', 'a8', 'a9'])
  })

  it('stays bounded over many rows, and resyncs after the model is dropped and refilled', async () => {
    const { createRetention } = await import('../../src/core/store.ts')
    const db = make()
    const keep = createRetention(db, 'attempt', 'id', 100)
    for (let i = 0; i < 20_000; i++) {
      db.attempt.create({ id: `a${i}`, n: i })
      keep.keep(`a${i}`)
    }
    expect(db.attempt.count()).toBe(100)
    drop(db)
    for (let i = 0; i < 150; i++) db.attempt.create({ id: `b${i}`, n: i })
    keep.resync()
    expect(db.attempt.count()).toBe(100)
    expect(db.attempt.getAll()[0]!.id).toBe('b50')
  })

  it('deletes by primary key, and ignores a key that is not there', async () => {
    const { deleteByPrimaryKey } = await import('../../src/core/store.ts')
    const db = make()
    db.attempt.create({ id: 'x', n: 1 })
    deleteByPrimaryKey(db, 'attempt', 'id', 'nope')
    deleteByPrimaryKey(db, 'attempt', 'id', 'x')
    expect(db.attempt.count()).toBe(0)
  })
})
