// Helpers over @mswjs/data, where the sandbox's state lives.

/** The parts of an @mswjs/data Database this file uses. */
interface DatabaseInstance {
  getModel(name: string): Map<string, Record<string, unknown>>
}

const instances = new WeakMap<object, DatabaseInstance | null>()

// `factory()` keeps its Database under a symbol (described 'databaseInstance'; @mswjs/data's own
// `drop()` reads it the same way). Found once per db.
function instanceOf(db: object): DatabaseInstance | null {
  let instance = instances.get(db)
  if (instance === undefined) {
    const symbol = Object.getOwnPropertySymbols(db).find((s) => s.description === 'databaseInstance')
    const candidate = symbol ? (db as Record<symbol, unknown>)[symbol] : undefined
    instance =
      candidate && typeof (candidate as DatabaseInstance).getModel === 'function' ? (candidate as DatabaseInstance) : null
    instances.set(db, instance)
  }
  return instance
}

interface FindFirstModel<T> {
  findFirst(query: { where: Record<string, { equals: string }> }): T | null
}

/**
 * The row whose primary key is `key`, or null. `findFirst` with a primary-key `where` scans every
 * row of the model (1.5 µs a row: 1.5 ms per lookup at 1,000 clients); the database keeps rows
 * in a Map by primary key, so this is a single `get`. The row is the stored one: read it, never
 * mutate it (write through the model's `update`).
 */
export function findByPrimaryKey<D extends object, K extends keyof D & string>(
  db: D,
  model: K,
  primaryKeyField: string,
  key: string,
): RowOf<D[K]> | null {
  const instance = instanceOf(db)
  if (instance) return (instance.getModel(model).get(key) as RowOf<D[K]> | undefined) ?? null
  // A future @mswjs/data without the symbol: the slow, public way.
  const api = db[model] as unknown as FindFirstModel<RowOf<D[K]>>
  return api.findFirst({ where: { [primaryKeyField]: { equals: key } } })
}

/** The row type of an @mswjs/data model API. */
// (`any` when the model is: the declarations build, tsconfig.types.json, sees @mswjs/data as opaque.)
export type RowOf<M> = 0 extends 1 & M ? any : M extends { getAll(): (infer R)[] } ? R : never

interface DeletingDatabase extends DatabaseInstance {
  delete(model: string, key: string): void
}

interface DeleteModel {
  delete(query: { where: Record<string, { equals: string }> }): unknown
}

/** Deletes the row whose primary key is `key` (a no-op when there is none), in O(1). */
export function deleteByPrimaryKey<D extends object>(db: D, model: keyof D & string, primaryKeyField: string, key: string): void {
  const instance = instanceOf(db) as DeletingDatabase | null
  if (instance && typeof instance.delete === 'function') {
    // Database.delete emits the 'delete' event too, so watchers (--state) see it.
    if (instance.getModel(model).has(key)) instance.delete(model, key)
    return
  }
  const api = db[model] as unknown as DeleteModel
  api.delete({ where: { [primaryKeyField]: { equals: key } } })
}

/**
 * Keeps only the newest `limit` rows a request path creates as a by-product (CAF's face
 * attempts, BFF sessions): under load, one row per request would otherwise grow memory without
 * bound. `keep(key)` after each create; the oldest beyond the limit are deleted.
 */
export interface Retention {
  keep(key: string): void
  /** Forget the order and start again from the rows the model holds now (after reset or restore). */
  resync(): void
  readonly limit: number
}

export function createRetention<D extends object>(db: D, model: keyof D & string, primaryKeyField: string, limit: number): Retention {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('retention limit must be a positive integer')
  let queue: string[] = []
  let head = 0
  const api = db[model] as unknown as { getAll(): Record<string, unknown>[] }
  return {
    limit,
    keep(key) {
      queue.push(key)
      while (queue.length - head > limit) deleteByPrimaryKey(db, model, primaryKeyField, queue[head++]!)
      // Compact now and then so the array does not grow with every request.
      if (head > 4096 && head * 2 > queue.length) {
        queue = queue.slice(head)
        head = 0
      }
    },
    resync() {
      queue = api.getAll().map((row) => String(row[primaryKeyField]))
      head = 0
      while (queue.length - head > limit) deleteByPrimaryKey(db, model, primaryKeyField, queue[head++]!)
    },
  }
}
