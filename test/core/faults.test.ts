// Fault rules: what they take, which request they match, how they are used up.
import { describe, expect, it } from 'vitest'
import { createFaults, FAULT_LIMITS, FaultError } from '../../src/core/faults.ts'

const VENDORS = ['complycube', 'caf', 'ca']
const req = (over: Partial<{ vendor: string; environment: string | null; method: string; path: string }> = {}) => ({
  vendor: 'complycube',
  environment: 'sandbox',
  method: 'POST',
  path: '/complycube/v1/tokens',
  ...over,
})

describe('fault rules', () => {
  it('match on every field given, and on nothing else', () => {
    const faults = createFaults(VENDORS)
    faults.add({ vendor: 'caf', environment: 'beta', method: 'get', path: '/bff/', status: 503 })
    expect(faults.take(req())).toBeNull()
    expect(faults.take(req({ vendor: 'caf', environment: 'prod', method: 'GET', path: '/caf/beta/bff/x' }))).toBeNull()
    expect(faults.take(req({ vendor: 'caf', environment: 'beta', method: 'POST', path: '/caf/beta/bff/x' }))).toBeNull()
    expect(faults.take(req({ vendor: 'caf', environment: 'beta', method: 'GET', path: '/caf/beta/bff/session-tokens' }))).toMatchObject({ status: 503, method: 'GET' })
  })

  it('apply `times` times, first added first, then are gone', () => {
    const faults = createFaults(VENDORS)
    const a = faults.add({ status: 500, times: 2 })
    const b = faults.add({ status: 429 })
    expect([faults.take(req())?.id, faults.take(req())?.id, faults.take(req())?.id, faults.take(req())]).toEqual([a.id, a.id, b.id, null])
    expect(faults.list()).toEqual([])
  })

  it('are listed with what is left, removed one by one, and cleared', () => {
    const faults = createFaults(VENDORS)
    const a = faults.add({ delayMs: 10, times: 3 })
    faults.take(req())
    expect(faults.list()).toEqual([expect.objectContaining({ id: a.id, remaining: 2, hits: 1, delayMs: 10, status: null, drop: false })])
    expect(faults.remove('fault_nope')).toBe(false)
    expect(faults.remove(a.id)).toBe(true)
    faults.add({ drop: true })
    faults.clear()
    expect(faults.size()).toBe(0)
  })

  it('hand out copies: changing one changes nothing in force', () => {
    const faults = createFaults(VENDORS)
    const a = faults.add({ status: 500 })
    a.remaining = 99
    faults.list()[0]!.remaining = 99
    expect(faults.list()[0]!.remaining).toBe(1)
  })

  it.each([
    [null, /must be a JSON object/],
    [[], /must be a JSON object/],
    [{}, /needs a 'status', a 'delayMs' or 'drop'/],
    [{ status: 200 }, /'status' must be an integer from 400 to 599/],
    [{ status: 503.5 }, /'status' must be an integer/],
    [{ status: '503' }, /'status' must be an integer/],
    [{ delayMs: 60_001 }, /'delayMs' must be an integer from 0 to 60000/],
    [{ delayMs: -1 }, /'delayMs'/],
    [{ status: 500, times: 0 }, /'times' must be an integer from 1 to 10000/],
    [{ status: 500, times: 1e308 }, /'times'/],
    [{ status: 500, drop: true }, /either answers a 'status' or drops/],
    [{ drop: 'yes' }, /'drop' must be true or false/],
    [{ status: 500, vendor: 'stripe' }, /'vendor' must be one of complycube, caf, ca/],
    [{ status: 500, method: 'PO ST' }, /'method' must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS/],
    [{ status: 500, path: 'x'.repeat(FAULT_LIMITS.path + 1) }, /'path' must be a string of 1 to 1000 characters/],
    [{ status: 500, path: '' }, /'path' must be a string/],
    [{ status: 500, colour: 'red' }, /Unknown field 'colour'/],
  ])('refuse %j', (rule, message) => {
    expect(() => createFaults(VENDORS).add(rule as never)).toThrow(FaultError)
    expect(() => createFaults(VENDORS).add(rule as never)).toThrow(message)
  })

  it(`hold at most ${FAULT_LIMITS.rules} rules`, () => {
    const faults = createFaults(VENDORS)
    for (let i = 0; i < FAULT_LIMITS.rules; i++) faults.add({ status: 500 })
    expect(() => faults.add({ status: 500 })).toThrow(/At most 100 faults/)
  })
})
