// The sandbox's state as one versioned JSON document (what `serve --state` writes), putting it
// back, and a clock that says when it was moved. No Node built-ins: the file itself is
// src/server/state-file.ts's business.
//
//   { version: 1, savedAt, clock, ids, vendors: { <name>: <the vendor's snapshot> }, issued }
//
// `savedAt` is real time; `clock` is the sandbox clock (frozen at an instant, or running with an
// offset from real time); `ids` is the seeded id generator's position (null when ids are random);
// `issued` the tokens /__sandbox/tokens lists.
import { issuedJti, type IssuedOrigin, type IssuedRecord, type IssuedTokens } from './admin/issued.ts'
import { MAX_CLOCK_MS, type Clock } from './core/clock.ts'
import { isInstantMs } from './core/instants.ts'
import type { Ids } from './core/ids.ts'
import type { Journal } from './core/journal.ts'
import { isSnapshotObject, SnapshotError } from './core/snapshot.ts'

export const SNAPSHOT_VERSION = 1

export type ClockSnapshot = { frozen: true; epochMs: number } | { frozen: false; offsetMs: number }

export interface SandboxSnapshot {
  version: typeof SNAPSHOT_VERSION
  savedAt: string
  clock: ClockSnapshot
  ids: number[] | null
  vendors: Record<string, unknown>
  issued: IssuedRecord[]
}

export interface SnapshotParts {
  clock: Clock
  ids: Ids
  issued: IssuedTokens
  /** Where the issued tokens came from, while the journal still has their requests. */
  journal?: Journal
  vendors: { name: string; snapshot(rows: boolean): unknown; restore(data: unknown): void }[]
  /** Back to the seed: used when a vendor's part turns out to be invalid halfway through. */
  resetAll(): void
}

/** The snapshot; without the vendors' rows (`db`) when `rows` is false: what changes besides rows, cheap to take. */
export function takeSnapshot(parts: SnapshotParts, rows = true): SandboxSnapshot {
  const c = parts.clock.state()
  return {
    version: SNAPSHOT_VERSION,
    savedAt: new Date().toISOString(),
    clock: c.frozen ? { frozen: true, epochMs: c.epochMs } : { frozen: false, offsetMs: c.offsetMs },
    ids: parts.ids.position(),
    vendors: Object.fromEntries(parts.vendors.map((v) => [v.name, v.snapshot(rows)])),
    issued: parts.issued.snapshot(parts.journal ? originsFrom(parts.journal) : undefined),
  }
}

/**
 * jti → the request that issued it, from the journal. Built on the first lookup only: a state
 * write with no issued tokens does not walk the journal.
 */
function originsFrom(journal: Journal): (jti: string) => IssuedOrigin | undefined {
  let byJti: Map<string, IssuedOrigin> | undefined
  return (jti) => {
    if (!byJti) {
      const built = new Map<string, IssuedOrigin>()
      journal.forEachRecord((e) => {
        const id = issuedJti(e)
        if (id !== undefined) built.set(id, { vendor: e.vendor, environment: e.environment, path: e.path })
      })
      byJti = built
    }
    return byJti.get(jti)
  }
}

function readClock(value: unknown): ClockSnapshot {
  if (!isSnapshotObject(value) || typeof value.frozen !== 'boolean') throw new SnapshotError('clock must be { frozen, epochMs } or { frozen, offsetMs }')
  const key = value.frozen ? 'epochMs' : 'offsetMs'
  const ms = value[key]
  if (typeof ms !== 'number' || !Number.isFinite(ms) || Math.abs(ms) > (value.frozen ? MAX_CLOCK_MS : 2 * MAX_CLOCK_MS)) {
    throw new SnapshotError(`clock.${key} must be a number of milliseconds within ±${value.frozen ? MAX_CLOCK_MS : 2 * MAX_CLOCK_MS}`)
  }
  return value.frozen ? { frozen: true, epochMs: ms } : { frozen: false, offsetMs: ms }
}

function readIds(value: unknown): number[] | null {
  if (value === null || value === undefined) return null
  if (!Array.isArray(value) || value.length !== 4 || !value.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffffffff)) {
    throw new SnapshotError('ids must be null or four unsigned 32-bit integers')
  }
  return value as number[]
}

function readIssued(value: unknown): IssuedRecord[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) throw new SnapshotError('issued must be an array')
  return value.map((r: unknown, i) => {
    if (!isSnapshotObject(r) || typeof r.token !== 'string' || !isInstantMs(r.signedAt) || !Number.isInteger(r.signedAt)) {
      throw new SnapshotError(`issued[${i}] must be { token, signedAt } (signedAt whole epoch ms a date can hold)`)
    }
    if (r.origin === undefined) return { token: r.token, signedAt: r.signedAt }
    const o = r.origin
    if (!isSnapshotObject(o) || typeof o.vendor !== 'string' || typeof o.path !== 'string' || !(o.environment === null || typeof o.environment === 'string')) {
      throw new SnapshotError(`issued[${i}].origin must be { vendor, environment, path }`)
    }
    return { token: r.token, signedAt: r.signedAt, origin: { vendor: o.vendor, environment: o.environment, path: o.path } }
  })
}

/**
 * Puts a snapshot back. Everything outside the vendors is checked first; a vendor's part is
 * checked by the vendor before it replaces anything, and if one fails after another succeeded,
 * the whole sandbox goes back to its seed before the error is thrown.
 */
export function applySnapshot(parts: SnapshotParts, data: unknown): void {
  if (!isSnapshotObject(data)) throw new SnapshotError('not a token-sandbox state: expected a JSON object')
  if (!('version' in data)) throw new SnapshotError('not a token-sandbox state: it has no "version"')
  if (data.version !== SNAPSHOT_VERSION) {
    throw new SnapshotError(`state version ${JSON.stringify(data.version)} is not supported; this token-sandbox reads version ${SNAPSHOT_VERSION}`)
  }
  if (data.savedAt !== undefined && (typeof data.savedAt !== 'string' || !Number.isFinite(Date.parse(data.savedAt)))) {
    throw new SnapshotError('savedAt must be a date (ISO 8601)')
  }
  const clock = readClock(data.clock)
  const ids = readIds(data.ids)
  const issued = readIssued(data.issued)
  if (!isSnapshotObject(data.vendors)) throw new SnapshotError('vendors must be an object')
  const known = new Set(parts.vendors.map((v) => v.name))
  for (const name of Object.keys(data.vendors)) if (!known.has(name)) throw new SnapshotError(`vendors has an unknown vendor '${name}'`)
  const now = parts.clock.now()
  if (!clock.frozen && Math.abs(now + clock.offsetMs) > MAX_CLOCK_MS) throw new SnapshotError('clock.offsetMs puts the clock out of range')

  try {
    // A vendor missing from the file (one added since) keeps its seed.
    for (const v of parts.vendors) if (v.name in data.vendors) v.restore(data.vendors[v.name])
  } catch (err) {
    parts.resetAll()
    if (err instanceof SnapshotError) throw err
    throw new SnapshotError(`vendors: ${err instanceof Error ? err.message : String(err)}`)
  }
  parts.clock.reset()
  if (clock.frozen) parts.clock.freeze(clock.epochMs)
  else parts.clock.advance(clock.offsetMs)
  if (ids) parts.ids.seek(ids)
  parts.issued.restore(issued)
}

/** The clock, telling `onChange` whenever it is frozen, unfrozen, advanced or reset. Reading it costs nothing more. */
export function notifyingClock(clock: Clock, onChange: () => void): Clock {
  return {
    ...clock,
    freeze(atMs) {
      clock.freeze(atMs)
      onChange()
    },
    unfreeze() {
      clock.unfreeze()
      onChange()
    },
    advance(ms) {
      clock.advance(ms)
      onChange()
    },
    reset() {
      clock.reset()
      onChange()
    },
  }
}
