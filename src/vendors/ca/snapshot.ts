// What `serve --state` keeps of CA across restarts: service accounts, accounts, cards and
// factors, and each tenant's token secret (tenants themselves are configuration: fixtures).
import { dumpDb, isSnapshotObject, loadDb, SnapshotError, watchDb } from '../../core/snapshot.ts'
import { models, type CaState } from './state.ts'

export function snapshot(state: CaState): unknown {
  const secrets: Record<string, string> = {}
  for (const t of state.tenants.values()) secrets[t.id] = t.secret
  return { secrets, db: dumpDb(state.db, models) }
}

export function restore(state: CaState, data: unknown, where = 'ca'): void {
  if (!isSnapshotObject(data)) throw new SnapshotError(`${where} must be an object`)
  const secrets = data.secrets
  if (!isSnapshotObject(secrets)) throw new SnapshotError(`${where}.secrets must be an object of tenant id → secret`)
  for (const [id, secret] of Object.entries(secrets)) {
    if (typeof secret !== 'string' || secret === '') throw new SnapshotError(`${where}.secrets.${id} must be a non-empty string`)
  }
  loadDb(state.db, models, data.db, `${where}.db`)
  // A tenant the file does not know keeps its fresh secret; one no longer configured is dropped.
  for (const t of state.tenants.values()) {
    const secret = secrets[t.id]
    if (typeof secret === 'string') t.secret = secret
  }
}

export const watch = (state: CaState, onChange: () => void): (() => void) => watchDb(state.db, onChange)
