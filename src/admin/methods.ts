// The in-process admin surface; the HTTP admin routes are a thin layer over it.
import type { Clock } from '../core/clock.ts'
import type { Faults } from '../core/faults.ts'
import type { Journal, JournalEntry, JournalFilter, JournalPage } from '../core/journal.ts'
import type { RateLimits } from '../core/rate-limits.ts'
import type { AdminBody } from './bodies.ts'
import type { IssuedTokens } from './issued.ts'

/** `GET /__sandbox/health`: the contract's `Health`. */
export type Health = AdminBody['Health']

export interface SandboxAdmin {
  health(): Health
  /** Restores every vendor's seed, empties the journal, puts the clock back to real time and the rate-limit setting back to the start-up one. */
  reset(): void
  clock: Clock
  requests(filter?: JournalFilter): JournalEntry[]
  /** `requests` with `truncated`: what `GET /__sandbox/requests` answers (it sets `maxBytes`). */
  requestPage(filter?: JournalFilter): JournalPage
  /** Tokens the sandbox signed (decoded; never the token string), oldest first, with their status by the sandbox clock. */
  tokens(): AdminBody['IssuedToken'][]
  /** What each vendor serves: base URLs, prefixes, admin routes. */
  vendors(): VendorInfo[]
  /** Injected faults: see ../core/faults.ts. */
  faults: Faults
  /** The rate-limit setting: see ../core/rate-limits.ts. */
  rateLimits: RateLimits
}

/**
 * The contract's `VendorInfo`: base URLs, prefixes, and its sandbox-only routes with the full
 * path under /__sandbox. Seeded credentials are not listed here: each vendor's own admin
 * listings decide what they show (CAF's hide secrets).
 */
export type VendorInfo = AdminBody['VendorInfo']

export interface AdminExtras {
  faults: Faults
  rateLimits: RateLimits
  issued?: IssuedTokens
  catalogue?: () => VendorInfo[]
}

export function createAdmin(
  vendors: string[],
  clock: Clock,
  journal: Journal,
  resetAll: () => void,
  extras: AdminExtras,
): SandboxAdmin {
  return {
    health: () => ({
      status: 'ok',
      vendors,
      clock: clock.state(),
      journal: { size: journal.size(), capacity: journal.capacity },
    }),
    reset() {
      // The clock first: the seed is dated by the sandbox clock as it stands, which is real time again.
      clock.reset()
      resetAll()
      journal.clear()
      extras.issued?.clear()
      extras.faults.clear()
    },
    faults: extras.faults,
    rateLimits: extras.rateLimits,
    clock,
    requests: (filter) => journal.list(filter),
    requestPage: (filter) => journal.page(filter),
    tokens: () => extras.issued?.list(journal.list({ limit: journal.capacity })) ?? [],
    vendors: () => extras.catalogue?.() ?? [],
  }
}
