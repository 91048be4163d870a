// What `serve --state` keeps of CA across restarts: service accounts, accounts, cards and
// factors, and each tenant's token secret (tenants themselves are configuration: fixtures).
import { isSnapshotObject, SnapshotError } from '../../core/snapshot.ts'
import { derived, epochMs, nonEmpty, nonNegativeInteger, oneOf, type Rule, type Rules } from '../../core/snapshot-rules.ts'
import type { CaState } from './state.ts'
import { OPERATIONS } from './tenants.ts'

/** `*`, or operation names separated by commas (none at all is allowed). */
const operations: Rule = (v) =>
  v === '*' || v === '' || (v as string).split(',').every((op) => (OPERATIONS as readonly string[]).includes(op))
    ? null
    : `must be * or operation names separated by commas (${OPERATIONS.join(', ')})`

export const rules: Rules = {
  serviceAccount: { username: nonEmpty, id: derived('<tenant>/<username>', (row) => `${row.tenant as string}/${row.username as string}`), operations },
  account: { createdAtMs: epochMs },
  card: { id: derived('<tenant>/<card_number>', (row) => `${row.tenant as string}/${row.card_number as string}`) },
  factor: {
    kind: oneOf(['contact', 'device']),
    id: derived('<accountRef>/<kind>/<factor_id>', (row) => `${row.accountRef as string}/${row.kind as string}/${row.factor_id as string}`),
    position: nonNegativeInteger,
  },
}

export const values = {
  save(state: CaState) {
    const secrets: Record<string, string> = {}
    for (const t of state.tenants.values()) secrets[t.id] = t.secret
    return { secrets }
  },
  load(state: CaState, data: Record<string, unknown>, where: string) {
    const secrets = data.secrets
    if (!isSnapshotObject(secrets)) throw new SnapshotError(`${where}.secrets must be an object of tenant id → secret`)
    for (const [id, secret] of Object.entries(secrets)) {
      if (typeof secret !== 'string' || secret === '') throw new SnapshotError(`${where}.secrets.${id} must be a non-empty string`)
    }
    // A tenant the file does not know keeps its fresh secret; one no longer configured is dropped.
    for (const t of state.tenants.values()) {
      const secret = secrets[t.id]
      if (typeof secret === 'string') t.secret = secret
    }
  },
}
