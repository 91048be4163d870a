// Checking stored rows read from a snapshot (`serve --state`) against their models' schemas and
// the vendor's rules, before anything is replaced: a corrupt snapshot fails with the path of the
// bad value.
import * as v from 'valibot'
import { entriesOf } from './model.ts'
import type { Models } from './model-types.ts'
import type { Rules } from './snapshot-rules.ts'

/** A snapshot that cannot be restored: not ours, another version, or corrupt. */
export class SnapshotError extends Error {
  override name = 'SnapshotError'
}

export type { Models } from './model-types.ts'
/** Model name → its rows, each a plain object of the model's properties. */
export type DbSnapshot = Record<string, Record<string, unknown>[]>

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Where rows live: the property naming a row's scope, and the scopes there are. */
export interface ScopeSpec {
  field: string
  scopes: readonly string[]
}

/**
 * Checks `data` (model → rows, each row with its scope field) against `models`; returns the
 * rows (each holds exactly the scope field and the model's properties), or throws a
 * SnapshotError naming the bad value. Primary keys are unique per model
 * across scopes, as the sandbox creates them.
 */
export function checkRows(data: unknown, models: Models, scope: ScopeSpec, where: string, rules: Rules): DbSnapshot {
  if (!isPlainObject(data)) throw new SnapshotError(`${where} must be an object of models`)
  for (const model of Object.keys(data)) {
    if (!Object.prototype.hasOwnProperty.call(models, model)) throw new SnapshotError(`${where} has an unknown model '${model}'`)
  }
  const out: DbSnapshot = {}
  for (const [name, model] of Object.entries(models)) {
    const rows = Object.prototype.hasOwnProperty.call(data, name) ? data[name] : []
    if (!Array.isArray(rows)) throw new SnapshotError(`${where}.${name} must be an array of rows`)
    // A snapshot row: the model's row and its scope.
    const schema = v.strictObject({ ...entriesOf(model), [scope.field]: v.picklist(scope.scopes) })
    const seen = new Set<unknown>()
    rows.forEach((row: unknown, i) => {
      const at = `${where}.${name}[${i}]`
      if (!isPlainObject(row)) throw new SnapshotError(`${at} must be an object`)
      const checked = v.safeParse(schema, row)
      if (!checked.success) throw new SnapshotError(`${at}${problem(checked.issues, schema.entries, scope.field)}`)
      const key = row[model.key]
      if (key === '') throw new SnapshotError(`${at}.${model.key} (the primary key) must not be empty`)
      if (seen.has(key)) throw new SnapshotError(`${at}.${model.key}: primary key ${JSON.stringify(key)} appears twice`)
      seen.add(key)
      for (const [prop, rule] of Object.entries(rules[name] ?? {})) {
        if (row[prop] === null) continue
        const problem = rule(row[prop], row)
        if (problem !== null) throw new SnapshotError(`${at}.${prop} ${problem}`)
      }
    })
    // Checked in place, not copied: at 50,000 rows a copy is tens of MB more at the peak of a load.
    out[name] = rows as Record<string, unknown>[]
  }
  return out
}

/**
 * The schema's first objection, said the sandbox's way (after the row's path): an unknown
 * property first, then the scope, then the fields in order. A field's own check (a `v.pipe`
 * action) words its message.
 */
function problem(issues: readonly v.BaseIssue<unknown>[], entries: v.ObjectEntries, field: string): string {
  const unknown = (i: v.BaseIssue<unknown>) => i.type === 'strict_object' && i.expected === 'never'
  const issue = issues.find(unknown) ?? issues.find((i) => i.path?.[0]?.key === field) ?? issues[0]!
  const key = issue.path?.[0]?.key
  if (key === undefined) return ` ${issue.message}`
  if (unknown(issue)) return ` has an unknown property '${String(key)}'`
  const schema = entries[String(key)]
  // A value of the wrong type, or none: say what the field holds; a check's own message otherwise.
  const text = issue.kind === 'schema' && schema ? `must be ${what(schema)}` : issue.message
  return `${issue.path!.map((p) => `.${String(p.key)}`).join('')} ${text}`
}

/** What a field's schema holds, in words: `a string`, `a number or null`, `one of north, south`. */
function what(schema: v.ObjectEntries[string]): string {
  if (schema.type === 'nullable') return `${what((schema as v.NullableSchema<v.GenericSchema, undefined>).wrapped)} or null`
  if (schema.type === 'picklist') return `one of ${(schema as v.PicklistSchema<v.PicklistOptions, undefined>).options.join(', ')}`
  if (schema.type === 'pipe') return what((schema as unknown as { pipe: [v.ObjectEntries[string]] }).pipe[0])
  return `a ${schema.type}`
}

/** Reads a string field of a snapshot object, or throws a SnapshotError. */
export function snapshotString(obj: Record<string, unknown>, key: string, where: string): string {
  const v = obj[key]
  if (typeof v !== 'string' || v === '') throw new SnapshotError(`${where}.${key} must be a non-empty string`)
  return v
}

export { isPlainObject as isSnapshotObject }
