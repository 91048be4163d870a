// A vendor's stored rows: one @mswjs/data database per scope (an environment, or a CA tenant),
// so a query in one scope cannot see another's rows, whatever it forgets to filter. The core
// owns the lifecycle (clear, dump, load, change events); vendors only read and write tables.
import { factory } from '@mswjs/data'
import { Table, type ModelApi, type Row } from './table.ts'
import { checkRows, type DbSnapshot, type Models } from './snapshot.ts'
import type { Rules } from './snapshot-rules.ts'

export type { Models, DbSnapshot } from './snapshot.ts'
export { Table } from './table.ts'

/**
 * The value a model property holds: `String` → string, `primaryKey(String)` → string,
 * `nullable(Number)` → number | null. (`any` when the definition is: the declarations build,
 * tsconfig.types.json, sees @mswjs/data as opaque.)
 */
type ValueOf<D> = 0 extends 1 & D
  ? any
  : D extends { getPrimaryKeyValue(): infer V }
  ? V
  : D extends { getValue(): infer V }
    ? V | null
    : D extends () => infer V
      ? V
      : never

/** A row of a model definition. */
export type RowOf<Def> = { [P in keyof Def]: ValueOf<Def[P]> }

/** One scope's tables, by model name. */
export type Tables<M extends Models> = { [K in keyof M]: Table<RowOf<M[K]>> }

/** A stored row changed: `row` as a snapshot holds it (the scope field set), or null when deleted. */
export type StoreListener = (model: string, key: string, row: Row | null) => void

export interface Store<M extends Models> {
  readonly models: M
  /** The scopes rows live in, e.g. ['sandbox', 'live']. */
  readonly scopes: readonly string[]
  /** The property naming a row's scope in a snapshot (`environment`, `tenant`). */
  readonly field: string
  /** The tables of a scope; throws for a scope the store does not have (a bug, not a request error). */
  in(scope: string): Tables<M>
  /** The tables of a scope, or null: for a scope taken from a request or a token. */
  find(scope: string | null | undefined): Tables<M> | null
  /** Every row of every scope is deleted (and reported so). */
  clear(): void
  /** Model → rows, each with the scope field: the `db` of a vendor's snapshot. */
  dump(): DbSnapshot
  /** Replaces every row with `data` (a `dump()`), checked in full first: on a SnapshotError nothing changed. Reported as the deletes and inserts it is. */
  load(data: unknown, where: string, rules?: Rules): void
  /** Hears every row created, updated or deleted, by a table or by a clear or load. */
  watch(listener: StoreListener): () => void
}

export function createStore<M extends Models>(models: M, scopes: readonly string[], field: string): Store<M> {
  if (new Set(scopes).size !== scopes.length || scopes.length === 0) throw new Error(`store scopes must be distinct and at least one: ${scopes.join(', ')}`)
  for (const props of Object.values(models)) {
    if (field in props) throw new Error(`the scope field '${field}' is the store's; a model must not define it`)
  }
  const listeners = new Set<StoreListener>()
  const byScope = new Map<string, Tables<M>>()
  for (const scope of scopes) {
    const db = factory(models as Parameters<typeof factory>[0]) as unknown as Record<string, ModelApi>
    const onRow = (model: string, key: string, row: Row | null) => {
      if (listeners.size === 0) return
      const shown = row === null ? null : { [field]: scope, ...pick(row, models[model]!) }
      for (const l of listeners) l(model, key, shown)
    }
    const tables: Record<string, Table<Row>> = {}
    for (const [model, props] of Object.entries(models)) {
      // Keys are unique per model across scopes (a snapshot holds them side by side).
      const elsewhere = (key: string) => scopes.some((s) => s !== scope && (byScope.get(s)?.[model] as Table<Row> | undefined)?.has(key) === true)
      tables[model] = new Table<Row>(db[model]!, model, primaryKeyOf(model, props), onRow, elsewhere)
    }
    byScope.set(scope, tables as unknown as Tables<M>)
  }
  const every = () => [...byScope.values()].flatMap((t) => Object.values(t) as Table<Row>[])

  return {
    models,
    scopes,
    field,
    in(scope) {
      const tables = byScope.get(scope)
      if (!tables) throw new Error(`no such scope '${scope}' (${scopes.join(', ')})`)
      return tables
    },
    find: (scope) => (typeof scope === 'string' ? (byScope.get(scope) ?? null) : null),
    clear() {
      for (const t of every()) t.clear()
    },
    dump() {
      const out: DbSnapshot = {}
      for (const [model, props] of Object.entries(models)) {
        const rows: Row[] = (out[model] = [])
        for (const [scope, tables] of byScope) for (const row of (tables[model] as Table<Row>).values()) rows.push({ [field]: scope, ...pick(row, props) })
      }
      return out
    },
    load(data, where, rules = {}) {
      const checked = checkRows(data, models, { field, scopes }, where, rules)
      for (const t of every()) t.clear()
      // (@mswjs/data's create takes the model's properties from a row and ignores the scope field.)
      for (const [model, rows] of Object.entries(checked)) for (const row of rows) (byScope.get(row[field] as string)![model] as Table<Row>).insert(row)
    },
    watch(listener) {
      const wrapped: StoreListener = (m, k, r) => listener(m, k, r)
      listeners.add(wrapped)
      return () => void listeners.delete(wrapped)
    },
  }
}

function primaryKeyOf(model: string, props: Record<string, unknown>): string {
  const keys = Object.entries(props).filter(([, def]) => def !== null && typeof def === 'object' && typeof (def as { getPrimaryKeyValue?: unknown }).getPrimaryKeyValue === 'function')
  if (keys.length !== 1) throw new Error(`model '${model}' must have exactly one primaryKey() property`)
  return keys[0]![0]
}

/** The model's own properties of a stored row (not @mswjs/data's internal symbols). */
function pick(row: Row, props: Record<string, unknown>): Row {
  const out: Row = {}
  for (const name of Object.keys(props)) out[name] = row[name]
  return out
}

/**
 * Keeps only the newest `limit` rows a request path creates as a by-product (CAF's face
 * attempts, BFF sessions): one row per request would otherwise grow memory without bound.
 * `keep(key)` after each insert. Rows past the limit go in batches of `limit / 4` (at least 1):
 * each delete is a scan of the model in @mswjs/data (./table.ts), so one scan per batch.
 */
export interface Retention {
  keep(key: string): void
  /** Starts again from the rows the table holds now (after a reset or a restore). */
  resync(): void
  readonly limit: number
}

export function createRetention<R extends object>(table: Table<R>, limit: number): Retention {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('retention limit must be a positive integer')
  const batch = Math.max(1, Math.floor(limit / 4))
  let queue: string[] = []
  let head = 0
  const trim = (over: number) => {
    if (queue.length - head <= over) return
    const cut = queue.length - head - limit
    table.deleteMany(queue.slice(head, head + cut))
    head += cut
    // Compact now and then so the array does not grow with every request.
    if (head > 4096 && head * 2 > queue.length) {
      queue = queue.slice(head)
      head = 0
    }
  }
  return {
    limit,
    keep(key) {
      queue.push(key)
      trim(limit + batch - 1)
    },
    resync() {
      queue = [...table.values()].map((row) => String(row[table.primaryKey]))
      head = 0
      trim(limit)
    },
  }
}
