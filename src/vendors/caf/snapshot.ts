// What `serve --state` keeps of CAF besides the types of its rows: what each row must hold
// (checked at start) — Mobile Keys (with their secrets), Core API tokens, faces, attempts,
// sessions, SDK attestations and upload metadata —, the settings, and the secret BFF session
// tokens are signed with.
import { snapshotString, SnapshotError } from '../../core/snapshot.ts'
import { parseSettings } from './api.ts'
import { derived, isObject, isoDate, json, nonEmpty, oneOf, type Rules } from '../../core/snapshot-rules.ts'
import { isProduct, PRODUCTS } from './products.ts'
import { DEFAULT_SETTINGS, type CafState } from './state.ts'

const uploadSize = (v: unknown) => (Number.isSafeInteger(v) && (v as number) >= -1 ? null : 'must be a whole number, -1 (nothing uploaded yet) or more')
const products = (list: unknown) =>
  Array.isArray(list) && list.length > 0 && list.every(isProduct) ? null : `a non-empty array of ${PRODUCTS.join(', ')}`

export const rules: Rules = {
  mobileKey: { clientSecret: nonEmpty, products: json('the key’s products', products), createdAt: isoDate },
  face: { id: derived('<environment>:<peopleId>', (row) => `${row.environment as string}:${row.peopleId as string}`), createdAt: isoDate },
  attempt: { kind: oneOf(['authenticate', 'liveness']), document: json('a face attempt', (doc) => (isObject(doc) ? null : 'an object')) },
  session: { createdAt: isoDate },
  apiToken: { token: nonEmpty, createdAt: isoDate },
  attestation: { clientId: nonEmpty, createdAt: isoDate, expiresAt: isoDate },
  upload: { clientId: nonEmpty, createdAt: isoDate, expiresAt: isoDate, signature: nonEmpty, size: uploadSize },
}

export const values = {
  save: (state: CafState) => ({ signingSecret: state.signingSecret, settings: { ...state.settings } }),
  load(state: CafState, data: Record<string, unknown>, where: string) {
    const signingSecret = snapshotString(data, 'signingSecret', where)
    const settings = parseSettings(data.settings ?? {})
    if (typeof settings === 'string') throw new SnapshotError(`${where}.settings: ${settings}`)
    state.signingSecret = signingSecret
    state.settings = { ...DEFAULT_SETTINGS, ...settings }
  },
}
