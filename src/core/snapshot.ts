// Snapshots of @mswjs/data stores as plain JSON rows, for `serve --state`: dump every model,
// load them back after checking each row against the model's definition (a corrupt snapshot
// fails with the path of the bad value, before anything is replaced), and hear about changes.
// Flat models only (primary key, String/Number/Boolean fields, nullable ones): what the vendors use.
import { drop } from '@mswjs/data'
import type { Rules } from './snapshot-rules.ts'

/** A snapshot that cannot be restored: not ours, another version, or corrupt. */
export class SnapshotError extends Error {
  override name = 'SnapshotError'
}

/** The definition object given to `factory()`: model name → property name → definition. */
export type Models = Record<string, Record<string, unknown>>
/** Model name → its rows, each a plain object of the model's properties. */
export type DbSnapshot = Record<string, Record<string, unknown>[]>

interface ModelApi {
  getAll(): Record<string, unknown>[]
  create(row: Record<string, unknown>): unknown
}

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

/** Every row of every model, as plain objects with the model's properties only. */
export function dumpDb(db: object, models: Models): DbSnapshot {
  const apis = db as Record<string, ModelApi>
  const out: DbSnapshot = {}
  for (const [model, props] of Object.entries(models)) {
    const names = Object.keys(props)
    out[model] = apis[model]!.getAll().map((entity) => {
      const row: Record<string, unknown> = {}
      for (const name of names) row[name] = entity[name]
      return row
    })
  }
  return out
}

/** Checks `data` against `models`; returns the rows to create, or throws a SnapshotError naming the bad value. */
function checkDb(data: unknown, models: Models, where: string, rules: Rules): DbSnapshot {
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
    out[model] = rows.map((row: unknown, i) => {
      const at = `${where}.${model}[${i}]`
      if (!isPlainObject(row)) throw new SnapshotError(`${at} must be an object`)
      for (const key of Object.keys(row)) {
        if (!Object.prototype.hasOwnProperty.call(props, key)) throw new SnapshotError(`${at} has an unknown property '${key}'`)
      }
      const clean: Record<string, unknown> = {}
      for (const [prop, kind] of kinds) {
        const v = row[prop]
        if (v === null && kind.nullable) {
          clean[prop] = null
          continue
        }
        if (typeof v !== kind.type || (kind.type === 'number' && !Number.isFinite(v))) {
          throw new SnapshotError(`${at}.${prop} must be a ${kind.nullable ? `${kind.type} or null` : kind.type}`)
        }
        if (kind.primaryKey) {
          if (v === '') throw new SnapshotError(`${at}.${prop} (the primary key) must not be empty`)
          if (seen.has(v)) throw new SnapshotError(`${at}.${prop}: primary key ${JSON.stringify(v)} appears twice`)
          seen.add(v)
        }
        clean[prop] = v
      }
      for (const [prop, rule] of Object.entries(rules[model] ?? {})) {
        if (clean[prop] === null) continue
        const problem = rule(clean[prop], clean)
        if (problem !== null) throw new SnapshotError(`${at}.${prop} ${problem}`)
      }
      return clean
    })
  }
  return out
}

/**
 * Replaces every row of `db` with `data` (a `dumpDb` result). Everything is checked first — each
 * field's type, then `rules` (./snapshot-rules.ts) —: on a SnapshotError the store is left as it was.
 */
export function loadDb(db: object, models: Models, data: unknown, where: string, rules: Rules = {}): void {
  const rows = checkDb(data, models, where, rules)
  drop(db as Parameters<typeof drop>[0])
  const apis = db as Record<string, ModelApi>
  for (const [model, list] of Object.entries(rows)) for (const row of list) apis[model]!.create(row)
}

interface DatabaseEvents {
  on(event: 'create' | 'update' | 'delete', listener: () => void): void
  removeListener(event: 'create' | 'update' | 'delete', listener: () => void): void
}

/**
 * Calls `onChange` after every row created, updated or deleted in `db`; returns the function that
 * stops it. @mswjs/data emits these events for its own sync; its database instance sits under a
 * symbol the package does not export, so it is found by its description. Were that to change,
 * this hears nothing, and `serve --state` still persists on successful writes (src/server/persist.ts).
 */
export function watchDb(db: object, onChange: () => void): () => void {
  const symbol = Object.getOwnPropertySymbols(db).find((s) => s.description === 'databaseInstance')
  const events = symbol ? ((db as Record<symbol, { events?: DatabaseEvents }>)[symbol]?.events ?? null) : null
  if (!events || typeof events.on !== 'function') return () => {}
  const listener = () => onChange()
  const names = ['create', 'update', 'delete'] as const
  for (const n of names) events.on(n, listener)
  return () => {
    for (const n of names) events.removeListener(n, listener)
  }
}

/** Reads a string field of a snapshot object, or throws a SnapshotError. */
export function snapshotString(obj: Record<string, unknown>, key: string, where: string): string {
  const v = obj[key]
  if (typeof v !== 'string' || v === '') throw new SnapshotError(`${where}.${key} must be a non-empty string`)
  return v
}

export { isPlainObject as isSnapshotObject }
