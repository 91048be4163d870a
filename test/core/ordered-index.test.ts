// The list order of ComplyCube's GET /v1/clients — newest first, then by id — kept as rows come
// and go, and paged without sorting: src/core/ordered-index.ts.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createOrderedIndex } from '../../src/core/ordered-index.ts'

/** The same order, the slow way: every key sorted. */
const sorted = (m: Map<string, number>) => [...m].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).map(([k]) => k)

describe('an ordered index', () => {
  it('lists newest first, and keys created in the same millisecond by key', () => {
    const index = createOrderedIndex()
    index.set('b', 1000)
    index.set('c', 3000)
    index.set('a', 1000)
    index.set('d', 2000)
    expect([...index.keys()]).toEqual(['c', 'd', 'a', 'b'])
    expect(index.size).toBe(4)
  })

  it('gives a page: the keys at [start, start + count), fewer at the end, none past it', () => {
    const index = createOrderedIndex()
    for (let i = 0; i < 25; i++) index.set(`k${String(i).padStart(2, '0')}`, i)
    expect(index.page(0, 10)).toEqual(['k24', 'k23', 'k22', 'k21', 'k20', 'k19', 'k18', 'k17', 'k16', 'k15'])
    expect(index.page(20, 10)).toEqual(['k04', 'k03', 'k02', 'k01', 'k00'])
    expect(index.page(25, 10)).toEqual([])
    expect(index.page(1000, 10)).toEqual([])
    expect(index.page(0, 0)).toEqual([])
    expect(createOrderedIndex().page(0, 10)).toEqual([])
  })

  it('moves a key set again at another time, and ignores one set again at the same time', () => {
    const index = createOrderedIndex()
    index.set('a', 1)
    index.set('b', 2)
    index.set('a', 3)
    expect([...index.keys()]).toEqual(['a', 'b'])
    index.set('a', 3)
    expect(index.size).toBe(2)
  })

  it('deletes keys (false for one not in), and clears', () => {
    const index = createOrderedIndex()
    index.set('a', 1)
    index.set('b', 2)
    expect(index.delete('a')).toBe(true)
    expect(index.delete('a')).toBe(false)
    expect(index.has('a')).toBe(false)
    expect([...index.keys()]).toEqual(['b'])
    index.clear()
    expect(index.size).toBe(0)
    expect(index.page(0, 10)).toEqual([])
  })

  it('agrees with sorting every key, for any sequence of sets and deletes, on every page', () => {
    const op = fc.oneof(
      fc.record({ set: fc.integer({ min: 0, max: 30 }).map((k) => `k${k}`), at: fc.integer({ min: 0, max: 8 }) }),
      fc.record({ del: fc.integer({ min: 0, max: 30 }).map((k) => `k${k}`) }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 12 }), (ops, start, count) => {
        const index = createOrderedIndex()
        const model = new Map<string, number>()
        // Half the runs start from a load.
        if (start % 2 === 0) {
          index.load(ops.flatMap((o) => ('set' in o ? [[o.set, o.at] as const] : [])))
          for (const o of ops) if ('set' in o) model.set(o.set, o.at)
        }
        for (const o of ops) {
          if ('set' in o) {
            index.set(o.set, o.at)
            model.set(o.set, o.at)
          } else expect(index.delete(o.del)).toBe(model.delete(o.del))
        }
        const all = sorted(model)
        expect([...index.keys()]).toEqual(all)
        expect(index.size).toBe(all.length)
        expect(index.page(start, count)).toEqual(all.slice(start, start + count))
      }),
      { numRuns: 300 },
    )
  })

  it('loads many keys at once (a restore), in order, and goes on from there', () => {
    const index = createOrderedIndex()
    index.set('gone', 5)
    index.load([['a', 1], ['b', 3], ['c', 2], ['a', 4]])
    expect([...index.keys()]).toEqual(['a', 'b', 'c'])
    index.set('d', 2)
    expect(index.delete('b')).toBe(true)
    expect(index.page(0, 10)).toEqual(['a', 'c', 'd'])
  })

  it('stays shallow at 50,000 keys inserted in order (clients are created newest last)', () => {
    const index = createOrderedIndex()
    for (let i = 0; i < 50_000; i++) index.set(`c${i}`, 1_700_000_000_000 + i)
    expect(index.page(0, 3)).toEqual(['c49999', 'c49998', 'c49997'])
    expect(index.page(49_998, 10)).toEqual(['c1', 'c0'])
    // Deep recursion would throw a RangeError long before: a balanced tree is ~40 levels here.
    for (let i = 0; i < 50_000; i += 2) index.delete(`c${i}`)
    expect(index.size).toBe(25_000)
    expect(index.page(0, 2)).toEqual(['c49999', 'c49997'])
  })
})
