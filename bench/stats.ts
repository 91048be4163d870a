// The bench's arithmetic: medians, paired-round ratios, and when a warm-up has settled.
import type { LoadResult } from './load.ts'

/** The median (the upper one of an even count); NaN for none. */
export function median(xs: number[]): number {
  if (xs.length === 0) return NaN
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
}

/** The run with the median throughput (its latency and RSS come with it). */
export function medianRun(runs: LoadResult[]): LoadResult {
  if (runs.length === 0) throw new Error('medianRun of no runs')
  return [...runs].sort((a, b) => a.requestsPerSec - b.requestsPerSec)[Math.floor(runs.length / 2)]!
}

/**
 * Each round's ratio of `a` to `b`, rounds measured one right after the other, so the host's
 * drift moves both sides of a round's ratio; the median of these is the estimate.
 */
export function pairedRatios(a: LoadResult[], b: LoadResult[]): number[] {
  if (a.length !== b.length) throw new Error(`paired rounds differ in count: ${a.length} and ${b.length}`)
  return a.map((r, i) => (b[i]!.requestsPerSec > 0 ? r.requestsPerSec / b[i]!.requestsPerSec : NaN))
}

/** True when the last two throughputs are within `tolerance` (a share of the larger) of each other. */
export function settled(rates: number[], tolerance: number): boolean {
  if (rates.length < 2) return false
  const a = rates[rates.length - 2]!
  const b = rates[rates.length - 1]!
  const hi = Math.max(a, b)
  return hi > 0 && Math.abs(a - b) / hi <= tolerance
}
