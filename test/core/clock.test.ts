import { describe, expect, it } from 'vitest'
import { createClock, MAX_CLOCK_MS, MAX_DURATION_MS, MAX_EPOCH_MS, MAX_TOKEN_LIFETIME_MS, parseDuration } from '../../src/core/clock.ts'
import { bestTimeMs, expectLinear } from '../support/timing.ts'

describe('the sandbox clock', () => {
  const fakeReal = (start: number) => {
    let t = start
    return { now: () => t, tick: (ms: number) => void (t += ms) }
  }

  it('follows real time until frozen', () => {
    const real = fakeReal(1_000)
    const clock = createClock(real.now)
    real.tick(500)
    expect(clock.now()).toBe(1_500)
    expect(clock.state().frozen).toBe(false)
  })

  it('stands still when frozen, and moves only when advanced', () => {
    const real = fakeReal(10_000)
    const clock = createClock(real.now)
    clock.freeze()
    real.tick(5_000)
    expect(clock.now()).toBe(10_000)
    clock.advance(61 * 60_000)
    expect(clock.now()).toBe(10_000 + 61 * 60_000)
    expect(clock.nowSeconds()).toBe(Math.floor((10_000 + 61 * 60_000) / 1000))
  })

  it('freezes at a given instant', () => {
    const clock = createClock(() => 0)
    clock.freeze(Date.parse('2030-01-01T00:00:00Z'))
    expect(clock.state().now).toBe('2030-01-01T00:00:00.000Z')
  })

  it('keeps an advance made while running, and resumes from the frozen time when unfrozen', () => {
    const real = fakeReal(0)
    const clock = createClock(real.now)
    clock.advance(1_000)
    expect(clock.now()).toBe(1_000)
    clock.freeze()
    real.tick(300)
    clock.unfreeze()
    expect(clock.now()).toBe(1_000)
    real.tick(50)
    expect(clock.now()).toBe(1_050)
  })

  it('goes back to real time on reset', () => {
    const real = fakeReal(0)
    const clock = createClock(real.now)
    clock.advance(99)
    clock.freeze()
    clock.reset()
    expect(clock.now()).toBe(0)
    expect(clock.state()).toMatchObject({ frozen: false, offsetMs: 0 })
  })
})

describe('durations', () => {
  it.each([
    ['90', 90_000],
    ['90s', 90_000],
    ['5m', 300_000],
    ['1.5h', 5_400_000],
    ['250ms', 250],
    ['1d', 86_400_000],
    [30, 30_000],
  ])('reads %j as %d ms', (input, ms) => expect(parseDuration(input)).toBe(ms))

  it.each(['', 'soon', '5 minutes', '5y', Number.NaN])('refuses %j', (input) => expect(parseDuration(input)).toBeNull())

  it.each([
    ['  90  ', 90_000],
    ['5 m', 300_000],
    ['\t2h\n', 7_200_000],
    ['-2.5h', -9_000_000],
    ['0', 0],
    ['007s', 7_000],
    [-0, -0],
    [1.5, 1_500],
  ])('reads the edge case %j as %d ms', (input, ms) => expect(parseDuration(input)).toBe(ms))

  it.each([
    ['Infinity', 'Infinity'],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['1e308 (a number)', 1e308],
    ['exponent notation', '1e3'],
    ['exponent notation with a unit', '1e3s'],
    ['a leading +', '+5m'],
    ['hex', '0x10'],
    ['a dot without digits', '5.m'],
    ['a bare dot', '.5s'],
    ['a lone minus', '-'],
    ['two units', '5m s'],
    ['a unit on the prototype', '5constructor'],
    ['99999999999 days (beyond a Date from any now)', '99999999999d'],
    ['400 digits (Infinity as a number)', '9'.repeat(400)],
    ['just past the longest duration', `${MAX_DURATION_MS + 1000}ms`],
  ])('refuses %s', (_what, input) => expect(parseDuration(input as string | number)).toBeNull())

  it('reads the longest duration: from one end of the clock to the other', () => {
    expect(parseDuration(`${MAX_DURATION_MS}ms`)).toBe(MAX_DURATION_MS)
    expect(parseDuration(`-${MAX_DURATION_MS}ms`)).toBe(-MAX_DURATION_MS)
  })

  // The regex it replaces (`^\s*(-?\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$`) took 3 s on 80k spaces.
  it('attack: a run of spaces between the number and a bad unit takes linear time', () => {
    expectLinear((n) => () => parseDuration('1' + ' '.repeat(n) + 'x'), 50_000)
    expect(bestTimeMs(() => parseDuration('1' + ' '.repeat(80_000) + 'x'), 3)).toBeLessThan(200)
  })

  it('attack: spaces on every side, and digits by the megabyte, take linear time', () => {
    expectLinear((n) => () => parseDuration(' '.repeat(n) + '1' + ' '.repeat(n) + 'm' + ' '.repeat(n) + '!'), 20_000)
    expectLinear((n) => () => parseDuration('1'.repeat(n) + '.' + '2'.repeat(n) + 'q'), 20_000)
  })
})

describe('the clock range', () => {
  it('refuses to leave the range a Date can hold, and stays where it was', () => {
    const clock = createClock(() => 0)
    expect(() => clock.advance(9e15)).toThrow(RangeError)
    expect(() => clock.freeze(-9e15)).toThrow(RangeError)
    expect(() => clock.advance(Number.POSITIVE_INFINITY)).toThrow(RangeError)
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError)
    expect(() => clock.freeze(Number.NaN)).toThrow(RangeError)
    expect(clock.state().now).toBe('1970-01-01T00:00:00.000Z')
  })

  it('keeps a week of room inside the Date range, so a token issued at either end has an exp a Date holds', () => {
    expect(MAX_CLOCK_MS).toBe(MAX_EPOCH_MS - MAX_TOKEN_LIFETIME_MS)
    const clock = createClock(() => 0)
    expect(() => clock.freeze(MAX_EPOCH_MS)).toThrow(RangeError)
    expect(() => clock.freeze(-MAX_EPOCH_MS)).toThrow(RangeError)
    clock.freeze(MAX_CLOCK_MS)
    expect(() => clock.advance(1)).toThrow(/within ±8639999395200000 ms/)
    expect(new Date(clock.now() + MAX_TOKEN_LIFETIME_MS).toISOString()).toBe('+275760-09-13T00:00:00.000Z')
    clock.freeze(-MAX_CLOCK_MS)
    expect(() => clock.advance(-1)).toThrow(RangeError)
    clock.advance(2 * MAX_CLOCK_MS)
    expect(clock.now()).toBe(MAX_CLOCK_MS)
  })
})
