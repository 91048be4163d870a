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
export type RowOf<M> = M extends { getAll(): (infer R)[] } ? R : never
