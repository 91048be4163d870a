// The in-process admin surface; the HTTP admin routes are a thin layer over it.
import type { Clock } from '../core/clock.ts'
import type { Journal, JournalEntry, JournalFilter } from '../core/journal.ts'

export interface Health {
  status: 'ok'
  vendors: string[]
  clock: ReturnType<Clock['state']>
  journal: { size: number; capacity: number }
}

export interface SandboxAdmin {
  health(): Health
  /** Restores every vendor's seed, empties the journal and puts the clock back to real time. */
  reset(): void
  clock: Clock
  requests(filter?: JournalFilter): JournalEntry[]
}

export function createAdmin(vendors: string[], clock: Clock, journal: Journal, resetAll: () => void): SandboxAdmin {
  return {
    health: () => ({
      status: 'ok',
      vendors,
      clock: clock.state(),
      journal: { size: journal.size(), capacity: journal.capacity },
    }),
    reset() {
      resetAll()
      journal.clear()
      clock.reset()
    },
    clock,
    requests: (filter) => journal.list(filter),
  }
}
