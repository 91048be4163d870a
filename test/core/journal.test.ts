import { describe, expect, it } from 'vitest'
import { createJournal, type JournalRecord } from '../../src/core/journal.ts'

const entry = (over: Partial<JournalRecord> = {}): JournalRecord => ({
  atMs: Date.parse('2026-01-01T00:00:00.000Z'),
  vendor: 'complycube',
  environment: 'sandbox',
  method: 'POST',
  path: '/v1/tokens',
  status: 200,
  durationMs: 1,
  ...over,
})

describe('the request journal', () => {
  it('keeps entries oldest first with increasing seq', () => {
    const j = createJournal(10)
    j.record(entry({ path: '/a' }))
    j.record(entry({ path: '/b' }))
    expect(j.list().map((e) => [e.seq, e.path, e.at])).toEqual([
      [1, '/a', '2026-01-01T00:00:00.000Z'],
      [2, '/b', '2026-01-01T00:00:00.000Z'],
    ])
  })

  it('is bounded: past its capacity the oldest entries go', () => {
    const j = createJournal(3)
    for (let i = 0; i < 10; i++) j.record(entry({ path: `/${i}` }))
    expect(j.size()).toBe(3)
    expect(j.list().map((e) => e.path)).toEqual(['/7', '/8', '/9'])
  })

  it('filters by vendor, environment, method, status, path and since, keeping the newest `limit`', () => {
    const j = createJournal(100)
    j.record(entry({ status: 401 }))
    j.record(entry({ vendor: 'caf', environment: 'beta' }))
    j.record(entry({ method: 'GET', path: '/v1/clients' }))
    j.record(entry({ status: 401, path: '/v1/clients/x' }))
    expect(j.list({ status: 401 }).map((e) => e.seq)).toEqual([1, 4])
    expect(j.list({ vendor: 'caf' }).map((e) => e.seq)).toEqual([2])
    expect(j.list({ environment: 'beta' }).map((e) => e.seq)).toEqual([2])
    expect(j.list({ method: 'get' }).map((e) => e.seq)).toEqual([3])
    expect(j.list({ path: 'clients' }).map((e) => e.seq)).toEqual([3, 4])
    expect(j.list({ since: 2 }).map((e) => e.seq)).toEqual([3, 4])
    expect(j.list({ limit: 2 }).map((e) => e.seq)).toEqual([3, 4])
  })

  it('empties on clear but keeps counting seq', () => {
    const j = createJournal(5)
    j.record(entry())
    j.clear()
    expect(j.list()).toEqual([])
    j.record(entry())
    expect(j.list().map((e) => e.seq)).toEqual([2])
  })

  it('hands over the kept entries as stored, oldest first, after the ring wrapped', () => {
    const j = createJournal(3)
    for (const status of [200, 201, 202, 203, 204]) j.record(entry({ status }))
    const seen: [number, number, boolean][] = []
    j.forEachRecord((e) => seen.push([e.seq, e.status, 'atMs' in e && !('at' in e)]))
    expect(seen).toEqual([
      [3, 202, true],
      [4, 203, true],
      [5, 204, true],
    ])
    j.clear()
    j.forEachRecord(() => {
      throw new Error('nothing is kept after clear')
    })
  })

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => createJournal(0)).toThrow(RangeError)
  })
})
