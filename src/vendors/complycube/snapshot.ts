// What `serve --state` keeps of ComplyCube across restarts: every API key and client, and the
// secret SDK tokens are signed with (so a token issued before a restart still verifies after it).
import { dumpDb, isSnapshotObject, loadDb, snapshotString, SnapshotError, watchDb } from '../../core/snapshot.ts'
import { epochMs, isObject, isoDate, json, oneOf, type Rules } from '../../core/snapshot-rules.ts'
import { ENVIRONMENTS, environmentOfKey, models, type ComplyCubeState } from './state.ts'

/** A stored client document: an object with the row's id, a type and, when present, valid dates. */
function clientDocument(doc: unknown, row: Record<string, unknown>): string | null {
  if (!isObject(doc)) return 'an object'
  if (doc.id !== row.id) return `its id must be the row's id ${JSON.stringify(row.id)}`
  if (typeof doc.type !== 'string') return 'its type must be a string'
  for (const key of ['createdAt', 'updatedAt']) if (doc[key] !== undefined && isoDate(doc[key], row) !== null) return `its ${key} must be a date`
  return null
}

const rules: Rules = {
  apiKey: {
    environment: oneOf(ENVIRONMENTS),
    key: (key, row) => (environmentOfKey(key as string) === row.environment ? null : `must start with the prefix of its environment (test_ for sandbox, live_ for live)`),
  },
  client: {
    environment: oneOf(ENVIRONMENTS),
    createdAtMs: epochMs,
    document: json('a client document', clientDocument),
  },
}

export function snapshot(state: ComplyCubeState): unknown {
  return { signingSecret: state.signingSecret, db: dumpDb(state.db, models) }
}

export function restore(state: ComplyCubeState, data: unknown, where = 'complycube'): void {
  if (!isSnapshotObject(data)) throw new SnapshotError(`${where} must be an object`)
  const signingSecret = snapshotString(data, 'signingSecret', where)
  loadDb(state.db, models, data.db, `${where}.db`, rules)
  state.signingSecret = signingSecret
}

export const watch = (state: ComplyCubeState, onChange: () => void): (() => void) => watchDb(state.db, onChange)
