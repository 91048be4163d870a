// Checking stored rows read from a snapshot (`serve --state`) against the models' definitions,
// before anything is replaced: a corrupt snapshot fails with the path of the bad value.
// Flat models only (primary key, String/Number/Boolean fields, nullable ones): what the vendors use.
import type { Rules } from './snapshot-rules.ts'

/** A snapshot that cannot be restored: not ours, another version, or corrupt. */
export class SnapshotError extends Error {
  override name = 'SnapshotError'
}

/** The definition object given to `factory()`: model name → property name → definition. */
export type Models = Record<string, Record<string, unknown>>
/** Model name → its rows, each a plain object of the model's properties. */
export type DbSnapshot = Record<string, Record<string, unknown>[]>

type Kind = { type: 'string' | 'number' | 'boolean'; nullable: boolean; primaryKey: boolean }

/** What a property definition stores, read the way @mswjs/data builds default values. */
function kindOf(model: string, prop: string, def: unknown): Kind {
  const typeOf = (getter: unknown): Kind['type'] => {
    const t = typeof (getter as () => unknown)()
    if (t !== 'string' && t !== 'number' && t !== 'boolean') throw new Error(`snapshot: ${model}.${prop} holds a ${t}; only strings, numbers and booleans are supported`)
    return t
  }
  if (typeof def === 'function') return { type: typeOf(def), nullable: false, primaryKey: false }
  if (def && typeof def === 'object') {
    const d = def as { getPrimaryKeyValue?: unknown; getValue?: unknown }
    if (typeof d.getPrimaryKeyValue === 'function') return { type: typeOf(d.getPrimaryKeyValue), nullable: false, primaryKey: true }
    if (typeof d.getValue === 'function') return { type: typeOf(d.getValue), nullable: true, primaryKey: false }
  }
  throw new Error(`snapshot: ${model}.${prop} is not a flat property (relations and nested objects are not supported)`)
}

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
  for (const [model, props] of Object.entries(models)) {
    const rows = Object.prototype.hasOwnProperty.call(data, model) ? data[model] : []
    if (!Array.isArray(rows)) throw new SnapshotError(`${where}.${model} must be an array of rows`)
    const kinds = Object.entries(props).map(([prop, def]) => [prop, kindOf(model, prop, def)] as const)
    const seen = new Set<unknown>()
    rows.forEach((row: unknown, i) => {
      const at = `${where}.${model}[${i}]`
      if (!isPlainObject(row)) throw new SnapshotError(`${at} must be an object`)
      for (const key of Object.keys(row)) {
        if (key !== scope.field && !Object.prototype.hasOwnProperty.call(props, key)) throw new SnapshotError(`${at} has an unknown property '${key}'`)
      }
      const s = row[scope.field]
      if (typeof s !== 'string' || !scope.scopes.includes(s)) throw new SnapshotError(`${at}.${scope.field} must be one of ${scope.scopes.join(', ')}`)
      for (const [prop, kind] of kinds) {
        const v = row[prop]
        if (v === null && kind.nullable) continue
        if (typeof v !== kind.type || (kind.type === 'number' && !Number.isFinite(v))) {
          throw new SnapshotError(`${at}.${prop} must be a ${kind.nullable ? `${kind.type} or null` : kind.type}`)
        }
        if (kind.primaryKey) {
          if (v === '') throw new SnapshotError(`${at}.${prop} (the primary key) must not be empty`)
          if (seen.has(v)) throw new SnapshotError(`${at}.${prop}: primary key ${JSON.stringify(v)} appears twice`)
          seen.add(v)
        }
      }
      for (const [prop, rule] of Object.entries(rules[model] ?? {})) {
        if (row[prop] === null) continue
        const problem = rule(row[prop], row)
        if (problem !== null) throw new SnapshotError(`${at}.${prop} ${problem}`)
      }
    })
    // Checked in place, not copied: at 50,000 rows a copy is tens of MB more at the peak of a load.
    out[model] = rows as Record<string, unknown>[]
  }
  return out
}

/** Reads a string field of a snapshot object, or throws a SnapshotError. */
export function snapshotString(obj: Record<string, unknown>, key: string, where: string): string {
  const v = obj[key]
  if (typeof v !== 'string' || v === '') throw new SnapshotError(`${where}.${key} must be a non-empty string`)
  return v
}

export { isPlainObject as isSnapshotObject }
