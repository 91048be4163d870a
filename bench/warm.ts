// Warming a long-running server (a JVM above all) until its throughput stops climbing: short
// rounds until two consecutive ones are within a tolerance, after a minimum (a JIT's throughput
// can rest on a plateau for a few seconds before its next tier), bounded in rounds and in time.
import { load, type LoadRequest } from './load.ts'
import type { Child } from './processes.ts'
import { settled } from './stats.ts'

export interface Warm {
  /** 2xx req/s of each warm-up round. */
  rounds: number[]
  settled: boolean
  seconds: number
}

export async function warmUntilStable(
  child: Child,
  request: LoadRequest,
  opts: { connections: number; roundSec?: number; tolerance?: number; minRounds?: number; maxRounds?: number; maxSec?: number },
): Promise<Warm> {
  const { connections, roundSec = 3, tolerance = 0.05, minRounds = 5, maxRounds = 20, maxSec = 75 } = opts
  const started = performance.now()
  const rounds: number[] = []
  const elapsed = () => (performance.now() - started) / 1000
  while (rounds.length < maxRounds && elapsed() + roundSec <= maxSec) {
    rounds.push((await load(child.url, request, { connections, durationSec: roundSec })).requestsPerSec)
    if (rounds.length >= minRounds && settled(rounds, tolerance)) break
  }
  return { rounds, settled: settled(rounds, tolerance), seconds: Math.round(elapsed()) }
}
