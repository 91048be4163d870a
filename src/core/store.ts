// A vendor's stored rows: one set of tables per scope (an environment, or a CA tenant), so a
// query in one scope cannot see another's rows, whatever it forgets to filter. The core owns the
// lifecycle (clear, dump, load, change events); vendors only read and write tables.
import { fieldsOf } from './model.ts'
import type { Models, RowOf } from './model-types.ts'
import { Table, type Row } from './table.ts'
import { checkRows, type DbSnapshot } from './snapshot.ts'
import type { Rules } from './snapshot-rules.ts'

export type { DbSnapshot } from './snapshot.ts'
export type { Model, Models, RowOf } from './model-types.ts'
export { Table } from './table.ts'

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
  for (const m of Object.values(models)) {
    if (fieldsOf(m).includes(field)) throw new Error(`the scope field '${field}' is the store's; a model must not define it`)
  }
  const listeners = new Set<StoreListener>()
  const byScope = new Map<string, Record<string, Table<Row>>>()
  for (const scope of scopes) {
    const onRow = (model: string, key: string, row: Row | null) => {
      if (listeners.size === 0) return
      const shown = row === null ? null : { [field]: scope, ...row }
      for (const l of listeners) l(model, key, shown)
    }
    const tables: Record<string, Table<Row>> = {}
    for (const [name, m] of Object.entries(models)) {
      // Keys are unique per model across scopes (a snapshot holds them side by side).
      const elsewhere = (key: string) => scopes.some((s) => s !== scope && byScope.get(s)?.[name]?.has(key) === true)
      tables[name] = new Table<Row>(name, m.key, fieldsOf(m), onRow, elsewhere)
    }
    byScope.set(scope, tables)
  }
  const every = () => [...byScope.values()].flatMap((t) => Object.values(t))

  return {
    models,
    scopes,
    field,
    in(scope) {
      const tables = byScope.get(scope)
      if (!tables) throw new Error(`no such scope '${scope}' (${scopes.join(', ')})`)
      return tables as unknown as Tables<M>
    },
    find: (scope) => (typeof scope === 'string' ? ((byScope.get(scope) as unknown as Tables<M> | undefined) ?? null) : null),
    clear() {
      for (const t of every()) t.clear()
    },
    dump() {
      const out: DbSnapshot = {}
      for (const name of Object.keys(models)) {
        const rows: Row[] = (out[name] = [])
        for (const [scope, tables] of byScope) for (const row of tables[name]!.values()) rows.push({ [field]: scope, ...row })
      }
      return out
    },
    load(data, where, rules = {}) {
      const checked = checkRows(data, models, { field, scopes }, where, rules)
      for (const t of every()) t.clear()
      // (A table stores the model's fields of a row, not the scope field.)
      for (const [name, rows] of Object.entries(checked)) for (const row of rows) byScope.get(row[field] as string)![name]!.insert(row)
    },
    watch(listener) {
      const wrapped: StoreListener = (m, k, r) => listener(m, k, r)
      listeners.add(wrapped)
      return () => void listeners.delete(wrapped)
    },
  }
}

/**
 * Keeps only the newest `limit` rows a request path creates as a by-product (CAF's face
 * attempts, BFF sessions): one row per request would otherwise grow memory without bound.
 * `keep(key)` after each insert; the oldest row past the limit is deleted then.
 */
export interface Retention {
  keep(key: string): void
  /** Starts again from the rows the table holds now (after a reset or a restore). */
  resync(): void
  readonly limit: number
}

export function createRetention<R extends object>(table: Table<R>, limit: number): Retention {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('retention limit must be a positive integer')
  let queue: string[] = []
  let head = 0
  const trim = () => {
    while (queue.length - head > limit) table.delete(queue[head++]!)
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
      trim()
    },
    resync() {
      queue = [...table.values()].map((row) => String(row[table.primaryKey]))
      head = 0
      trim()
    },
  }
}
