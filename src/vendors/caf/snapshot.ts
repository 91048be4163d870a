// What `serve --state` keeps of CAF across restarts: Mobile Keys (with their secrets), Core API
// tokens, faces, attempts, sessions, SDK attestations and upload metadata, the settings, and the secret BFF session tokens are signed with.
import { dumpDb, isSnapshotObject, loadDb, snapshotString, SnapshotError, watchDb } from '../../core/snapshot.ts'
import { parseSettings } from './api.ts'
import { derived, isObject, isoDate, json, nonEmpty, oneOf, type Rules } from '../../core/snapshot-rules.ts'
import { isProduct, PRODUCTS } from './products.ts'
import { DEFAULT_SETTINGS, ENVIRONMENTS, models, resyncRetention, type CafState } from './state.ts'

const environment = oneOf(ENVIRONMENTS)
const uploadSize = (v: unknown) => (Number.isSafeInteger(v) && (v as number) >= -1 ? null : 'must be a whole number, -1 (nothing uploaded yet) or more')
const products = (list: unknown) =>
  Array.isArray(list) && list.length > 0 && list.every(isProduct) ? null : `a non-empty array of ${PRODUCTS.join(', ')}`

const rules: Rules = {
  mobileKey: { environment, clientSecret: nonEmpty, products: json('the key’s products', products), createdAt: isoDate },
  face: { environment, id: derived('<environment>:<peopleId>', (row) => `${row.environment as string}:${row.peopleId as string}`), createdAt: isoDate },
  attempt: { environment, kind: oneOf(['authenticate', 'liveness']), document: json('a face attempt', (doc) => (isObject(doc) ? null : 'an object')) },
  session: { environment, createdAt: isoDate },
  apiToken: { environment, token: nonEmpty, createdAt: isoDate },
  attestation: { environment, clientId: nonEmpty, createdAt: isoDate, expiresAt: isoDate },
  upload: { environment, clientId: nonEmpty, createdAt: isoDate, expiresAt: isoDate, signature: nonEmpty, size: uploadSize },
}

export function snapshot(state: CafState): unknown {
  return { signingSecret: state.signingSecret, settings: { ...state.settings }, db: dumpDb(state.db, models) }
}

export function restore(state: CafState, data: unknown, where = 'caf'): void {
  if (!isSnapshotObject(data)) throw new SnapshotError(`${where} must be an object`)
  const signingSecret = snapshotString(data, 'signingSecret', where)
  const settings = parseSettings(data.settings ?? {})
  if (typeof settings === 'string') throw new SnapshotError(`${where}.settings: ${settings}`)
  loadDb(state.db, models, data.db, `${where}.db`, rules)
  resyncRetention(state)
  state.signingSecret = signingSecret
  state.settings = { ...DEFAULT_SETTINGS, ...settings }
}

export const watch = (state: CafState, onChange: () => void): (() => void) => watchDb(state.db, onChange)
