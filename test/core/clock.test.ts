import { describe, expect, it } from 'vitest'
import { createClock, parseDuration } from '../../src/core/clock.ts'

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
})

describe('the clock range', () => {
  it('refuses to leave the range a Date can hold, and stays where it was', () => {
    const clock = createClock(() => 0)
    expect(() => clock.advance(9e15)).toThrow(RangeError)
    expect(() => clock.freeze(-9e15)).toThrow(RangeError)
    expect(() => clock.advance(Number.POSITIVE_INFINITY)).toThrow(RangeError)
    expect(clock.state().now).toBe('1970-01-01T00:00:00.000Z')
  })
})
