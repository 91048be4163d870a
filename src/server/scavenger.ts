// On a machine with two cores or fewer, young-generation GCs (scavenges) run on the main thread
// only. V8 splits each scavenge across helper threads, but the server shares such a machine with
// its clients (a load test, a test runner), so the helpers wait for a core while the main thread
// waits for them. Measured with `npm run bench`'s load on 2 cores: +12 % ComplyCube tokens per
// second on average over 7 alternating pairs (better in 6), user CPU per request 56 → 49 µs.
// `parallel_scavenge` is read at every scavenge, so it can change while the process runs.
import { availableParallelism } from 'node:os'
import { resetV8Flag, setV8Flag } from './v8-flags.ts'

/** Whether scavenges should stay on the main thread here (two cores or fewer). */
export function prefersMainThreadScavenges(cores = availableParallelism()): boolean {
  return cores <= 2
}

/** Scavenges on the main thread from now on; returns a function that restores V8's default. */
export function scavengeOnMainThread(): () => void {
  setV8Flag('parallel-scavenge', false)
  return () => resetV8Flag('parallel-scavenge')
}
