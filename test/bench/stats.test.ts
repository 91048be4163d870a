// The bench's arithmetic (bench/stats.ts): the ratios and the warm-up's stop rule it reports.
import { describe, expect, it } from 'vitest'
import type { LoadResult } from '../../bench/load.ts'
import { median, medianRun, pairedRatios, settled } from '../../bench/stats.ts'

const run = (requestsPerSec: number): LoadResult => ({ requestsPerSec, answersPerSec: requestsPerSec, latencyP50: 1, latencyP99: 2, requests: 1, errors: 0, non2xx: 0 })

describe('bench stats', () => {
  it('median: the middle one, the upper of an even count, NaN of none', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(3)
    expect(median([])).toBeNaN()
    expect(medianRun([run(5), run(9), run(1)]).requestsPerSec).toBe(5)
  })

  it('pairedRatios: round by round; a peer that answered nothing is NaN, not Infinity', () => {
    expect(pairedRatios([run(10), run(30)], [run(20), run(30)])).toEqual([0.5, 1])
    expect(pairedRatios([run(10)], [run(0)])[0]).toBeNaN()
    expect(() => pairedRatios([run(1)], [])).toThrow(/differ/)
  })

  it('settled: the last two rounds within the tolerance of the larger', () => {
    expect(settled([1000], 0.05)).toBe(false)
    expect(settled([500, 960, 1000], 0.05)).toBe(true)
    expect(settled([1000, 940], 0.05)).toBe(false)
    expect(settled([0, 0], 0.05)).toBe(false)
  })
})
