// Catching super-linear time without asserting milliseconds on a shared machine: time the same
// work at size n and 8n (best of a few runs, so a stall elsewhere does not count) and compare.
// Linear work grows about 8×, quadratic about 64×: a bound of 24× tells them apart with room.
import { expect } from 'vitest'

export function bestTimeMs(fn: () => unknown, runs = 5): number {
  let best = Number.POSITIVE_INFINITY
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    fn()
    best = Math.min(best, performance.now() - started)
  }
  return best
}

/** `work(n)` must not take much more than 8× as long at 8n as at n. */
export function expectLinear(work: (n: number) => () => unknown, n: number): void {
  const small = work(n)
  const large = work(8 * n)
  // Warm up the JIT on both; when n alone is already slow, fail before 8n can hang the run.
  expect(bestTimeMs(small, 1), `n = ${n} alone took too long`).toBeLessThan(500)
  large()
  // Alternated, best of 7 each: a GC pause or another process's burst hits one run, not the best
  // of either. (Sub-0.2 ms timings are mostly timer and allocation noise: floored there.) On a
  // machine the rest of the suite keeps busy, a burst can still land on every small run of a
  // round: up to three rounds, the first under the bound passing. Quadratic work is over it in
  // every round (about 64×), so it still fails.
  let ratio = Number.POSITIVE_INFINITY
  for (let round = 0; round < 3 && ratio >= 24; round++) {
    let bestSmall = Number.POSITIVE_INFINITY
    let bestLarge = Number.POSITIVE_INFINITY
    for (let i = 0; i < 7; i++) {
      bestSmall = Math.min(bestSmall, bestTimeMs(small, 1))
      bestLarge = Math.min(bestLarge, bestTimeMs(large, 1))
    }
    ratio = bestLarge / Math.max(bestSmall, 0.2)
  }
  expect(ratio, `8× the input took ${ratio.toFixed(1)}× as long`).toBeLessThan(24)
}
