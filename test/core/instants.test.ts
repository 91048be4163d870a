import { describe, expect, it } from 'vitest'
import { describeSeconds, isInstantMs, isInstantSeconds, isoOrNull } from '../../src/core/instants.ts'

describe('instants a Date can hold', () => {
  it.each([0, -0, 8.64e15, -8.64e15, 1.5])('%d ms is one', (ms) => expect(isInstantMs(ms)).toBe(true))
  it.each([8.64e15 + 1, -8.64e15 - 1, Number.NaN, Number.POSITIVE_INFINITY, 1e308, '0', null])('%j is not', (ms) =>
    expect(isInstantMs(ms)).toBe(false),
  )

  it('reads NumericDates in seconds', () => {
    expect(isInstantSeconds(8.64e12)).toBe(true)
    expect(isInstantSeconds(9e12)).toBe(false)
    expect(isInstantSeconds(-1e300)).toBe(false)
  })

  it('formats what fits, and says so for what does not, never throwing', () => {
    expect(isoOrNull(0)).toBe('1970-01-01T00:00:00.000Z')
    expect(isoOrNull(1e300)).toBeNull()
    expect(describeSeconds(1e300)).toBe('1e+300 (beyond the range of a date)')
    expect(describeSeconds(1_780_315_200)).toBe('2026-06-01T12:00:00.000Z')
  })

})
