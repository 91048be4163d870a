import { describe, expect, it } from 'vitest'
import { createJournal, type JournalRecord } from '../../src/core/journal.ts'
import { bound, measure, MAX_META_CHARS, MAX_PATH_CHARS, MAX_REASON_CHARS } from '../../src/core/journal-entry.ts'
import { clip } from '../../src/core/clip.ts'

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

  it('keeps the id of the fault rule that applied, whichever way the entry is stored, and filters by it', () => {
    const j = createJournal(10)
    j.record(entry({ path: '/kept-as-is', fault: 'fault_1' }), false)
    j.record(entry({ path: '/copied', fault: 'fault_1' }), true)
    j.record(entry({ path: '/other', fault: 'fault_2' }))
    j.record(entry({ path: '/none' }))
    expect(j.list().map((e) => [e.path, e.fault])).toEqual([
      ['/kept-as-is', 'fault_1'],
      ['/copied', 'fault_1'],
      ['/other', 'fault_2'],
      ['/none', undefined],
    ])
    expect(j.list({ fault: 'fault_1' }).map((e) => e.path)).toEqual(['/kept-as-is', '/copied'])
    expect(measure(entry({ fault: 'fault_1' }))).toBe(measure(entry()) + 2 * 'fault_1'.length)
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

  it('clips a huge path, reason and meta with a visible marker, and counts what it keeps', () => {
    const j = createJournal(10)
    const huge = 'x'.repeat(200_000)
    j.record(entry({ path: '/v1/clients/' + huge, reason: `unknown iss ${huge}`, meta: { id: huge, nested: { deep: { deeper: { deepest: huge } } }, list: Array(1000).fill(huge) } }))
    const [e] = j.list()
    expect(e!.path).toBe('/v1/clients/' + 'x'.repeat(MAX_PATH_CHARS - 12) + '…[truncated 197,964 characters]')
    expect(e!.reason!.length).toBeLessThan(MAX_REASON_CHARS + 40)
    expect(e!.reason).toContain('…[truncated ')
    expect(JSON.stringify(e!.meta).length).toBeLessThan(MAX_META_CHARS + 2048)
    expect(j.bytes()).toBeGreaterThan(2 * MAX_PATH_CHARS)
    expect(j.bytes()).toBeLessThan(16 * 1024)
  })

  it('keeps a byte budget: the oldest entries go first past it, the newest always stays', () => {
    const j = createJournal(1000, 50_000)
    for (let i = 0; i < 100; i++) j.record(entry({ path: `/${i}/` + 'p'.repeat(5000) }))
    expect(j.bytes()).toBeLessThanOrEqual(50_000)
    expect(j.size()).toBeLessThan(100)
    expect(j.list({ limit: 1000 }).at(-1)!.path.startsWith('/99/')).toBe(true)
    const tiny = createJournal(10, 1)
    tiny.record(entry())
    expect(tiny.size()).toBe(1)
    j.clear()
    expect(j.bytes()).toBe(0)
  })

  it('pages: maxBytes cuts the answer short and says so, before reaches the older entries', () => {
    const j = createJournal(100)
    for (let i = 0; i < 20; i++) j.record(entry({ path: '/' + 'p'.repeat(1000) }))
    const first = j.page({ limit: 100, maxBytes: 10_000 })
    expect(first.truncated).toBe(true)
    expect(first.entries.map((e) => e.seq).at(-1)).toBe(20)
    const older = j.page({ limit: 100, before: first.entries[0]!.seq, maxBytes: 10_000 })
    expect(older.entries.at(-1)!.seq).toBe(first.entries[0]!.seq - 1)
    expect(j.page({ limit: 100 }).truncated).toBe(false)
  })

  it('clip never splits a surrogate pair', () => {
    expect(clip('ab😀cd', 3)).toBe('ab…[truncated 4 characters]')
    expect(clip('short', 10)).toBe('short')
  })

  it('keeps an ordinary entry from an ordinary request as it is, and clips one over a limit even then', () => {
    const j = createJournal(10)
    const small = entry({ reason: 'unknown API key', meta: { key: 'test_…0001', token: { jti: 'j', iat: 1, exp: 2 }, list: [1, 'a'] } })
    expect(measure(small)).toBe(bound(small).bytes)
    j.record(small, false)
    let kept: unknown
    j.forEachRecord((e) => (kept = e))
    expect(kept).toBe(small)
    j.record(entry({ path: '/' + 'x'.repeat(5000), meta: { deep: { a: { b: { c: 1 } } } } }), false)
    const [, big] = j.list()
    expect(big!.path).toContain('…[truncated 2,953 characters]')
    expect(big!.meta).toEqual({ deep: { a: { b: '…[truncated]' } } })
  })

  it.each([true, false])('keeps request text as shown: C1, bidi and separators escaped in reason and meta (copy %s)', (copy) => {
    const j = createJournal(10)
    const sly = 'a\u009bb\u202ec\u2028d\u0085e\u2066f\u0000'
    const shown = 'a\\u009bb\\u202ec\\u2028d\\u0085e\\u2066f\\u0000'
    j.record(entry({ reason: `unknown iss ${sly}`, meta: { client_app_id: sly, [sly]: [sly] } }), copy)
    const [e] = j.list()
    expect(e!.reason).toBe(`unknown iss ${shown}`)
    expect(e!.meta).toEqual({ client_app_id: shown, [shown]: [shown] })
  })
})
