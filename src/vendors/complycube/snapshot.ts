// What `serve --state` keeps of ComplyCube across restarts: every API key and client, and the
// secret SDK tokens are signed with (so a token issued before a restart still verifies after it).
import { dumpDb, isSnapshotObject, loadDb, snapshotString, SnapshotError, watchDb } from '../../core/snapshot.ts'
import { models, type ComplyCubeState } from './state.ts'

export function snapshot(state: ComplyCubeState): unknown {
  return { signingSecret: state.signingSecret, db: dumpDb(state.db, models) }
}

export function restore(state: ComplyCubeState, data: unknown, where = 'complycube'): void {
  if (!isSnapshotObject(data)) throw new SnapshotError(`${where} must be an object`)
  const signingSecret = snapshotString(data, 'signingSecret', where)
  loadDb(state.db, models, data.db, `${where}.db`)
  state.signingSecret = signingSecret
}

export const watch = (state: ComplyCubeState, onChange: () => void): (() => void) => watchDb(state.db, onChange)
