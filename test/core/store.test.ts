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
