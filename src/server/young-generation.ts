// Keeps V8's young generation (the new space) at or below a size, for the standalone server's
// own process. Under sustained load V8 doubles each semi-space up to 16 MiB (32 MiB of new
// space), which alone took the server past 100 MB RSS; the live set is under 8 MiB. The size
// is normally fixed at start-up (`--max-semi-space-size`), which a server started as
// `token-sandbox serve` or through `startServer` cannot pass to its own process. What V8 does
// read at run time is the factor it grows the new space by after a scavenge: this keeps it at
// 2 (V8's default) below the cap and at 1 (no growth) at the cap, checking a few times a second.
// If V8 later shrinks the new space (it does when allocation slows), growth resumes.
import v8 from 'node:v8'
import { resetV8Flag, setV8Flag } from './v8-flags.ts'

const MiB = 1024 * 1024

export interface YoungGenerationCap {
  /** The new space's current capacity in bytes (both semi-spaces). */
  newSpaceBytes(): number
  stop(): void
}

function newSpaceBytes(): number {
  for (const space of v8.getHeapSpaceStatistics()) if (space.space_name === 'new_space') return space.space_size
  return 0
}

/**
 * Caps each semi-space at `semiSpaceMiB` (the new space is two of them). Returns a handle whose
 * `stop()` restores V8's default growth. Idempotent per process: a second cap replaces the first.
 */
export function capYoungGeneration(semiSpaceMiB: number, intervalMs = 100): YoungGenerationCap {
  if (!(semiSpaceMiB >= 1)) throw new RangeError('semiSpaceMiB must be at least 1')
  active?.stop()
  const capBytes = 2 * semiSpaceMiB * MiB
  let growing: boolean | null = null
  const check = () => {
    const grow = newSpaceBytes() < capBytes
    if (grow !== growing) {
      setV8Flag('semi-space-growth-factor', grow ? '2' : '1')
      growing = grow
    }
  }
  check()
  const timer = setInterval(check, intervalMs)
  timer.unref()
  const handle: YoungGenerationCap = {
    newSpaceBytes,
    stop() {
      clearInterval(timer)
      resetV8Flag('semi-space-growth-factor')
      if (active === handle) active = null
    },
  }
  active = handle
  return handle
}

let active: YoungGenerationCap | null = null
