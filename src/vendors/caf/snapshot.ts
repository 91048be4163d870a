// What `serve --state` keeps of CAF across restarts: Mobile Keys (with their secrets), faces,
// attempts and sessions, the settings, and the secret BFF session tokens are signed with.
import { dumpDb, isSnapshotObject, loadDb, snapshotString, SnapshotError, watchDb } from '../../core/snapshot.ts'
import { parseSettings } from './api.ts'
import { DEFAULT_SETTINGS, models, type CafState } from './state.ts'

export function snapshot(state: CafState): unknown {
  return { signingSecret: state.signingSecret, settings: { ...state.settings }, db: dumpDb(state.db, models) }
}

export function restore(state: CafState, data: unknown, where = 'caf'): void {
  if (!isSnapshotObject(data)) throw new SnapshotError(`${where} must be an object`)
  const signingSecret = snapshotString(data, 'signingSecret', where)
  const settings = parseSettings(data.settings ?? {})
  if (typeof settings === 'string') throw new SnapshotError(`${where}.settings: ${settings}`)
  loadDb(state.db, models, data.db, `${where}.db`)
  state.retention.attempt.resync()
  state.retention.session.resync()
  state.signingSecret = signingSecret
  state.settings = { ...DEFAULT_SETTINGS, ...settings }
}

export const watch = (state: CafState, onChange: () => void): (() => void) => watchDb(state.db, onChange)
