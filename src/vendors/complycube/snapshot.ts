// What `serve --state` keeps of ComplyCube besides the types of its rows: what each row must hold
// (checked at start), and the secret SDK tokens are signed with (so a token issued before a
// restart still verifies after it).
import { epochMs, isObject, isoDate, json, type Rules } from '../../core/snapshot-rules.ts'
import { environmentOfKey } from './state.ts'

/** A stored client document: an object with the row's id, a type and, when present, valid dates. */
function clientDocument(doc: unknown, row: Record<string, unknown>): string | null {
  if (!isObject(doc)) return 'an object'
  if (doc.id !== row.id) return `its id must be the row's id ${JSON.stringify(row.id)}`
  if (typeof doc.type !== 'string') return 'its type must be a string'
  for (const key of ['createdAt', 'updatedAt']) if (doc[key] !== undefined && isoDate(doc[key], row) !== null) return `its ${key} must be a date`
  return null
}

export const rules: Rules = {
  apiKey: {
    key: (key, row) => (environmentOfKey(key as string) === row.environment ? null : `must start with the prefix of its environment (test_ for sandbox, live_ for live)`),
  },
  client: {
    createdAtMs: epochMs,
    document: json('a client document', clientDocument),
  },
}

export { signingSecretValues as values } from '../../core/signing-secret.ts'
