// One model of one scope's @mswjs/data database, through its public API only, plus an index of
// the stored rows by primary key.
//
// Why the index: @mswjs/data 0.16 answers every query, a primary-key `where` included, by
// scanning all rows (findFirst over 50,000 rows: ~35 ms, measured with `update`). Every write goes
// through this class, so it knows each row @mswjs/data holds (the object `create` and `update`
// return is the stored one) and reads are a Map lookup. Keyed updates and deletes still cost
// @mswjs/data's scan; by-product rows are therefore trimmed in batches (./store.ts, Retention).

/** A row as plain data: the model's fields. */
export type Row = Record<string, unknown>

/** The parts of an @mswjs/data model API a table uses (all public). */
export interface ModelApi {
  create(initial: Row): Row
  update(query: { where: Record<string, { equals: string }>; data: Row }): Row | null
  delete(query: { where: Record<string, { equals: string }> }): unknown
  deleteMany(query: { where: Record<string, { in: string[] }> | Record<string, never> }): unknown
}

/** Told of every row written: the row as stored, or null when it was deleted. */
export type RowListener = (model: string, key: string, row: Row | null) => void

export class Table<R extends object> {
  private readonly byKey = new Map<string, R>()

  constructor(
    private readonly api: ModelApi,
    readonly model: string,
    readonly primaryKey: keyof R & string,
    private readonly changed: RowListener,
    /** Whether another table (another scope's) holds this key: keys are unique across a store's scopes. */
    private readonly takenElsewhere: (key: string) => boolean = () => false,
  ) {}

  /** The stored row: read it, never change it (use `update`). */
  get(key: string): R | null {
    return this.byKey.get(key) ?? null
  }

  has(key: string): boolean {
    return this.byKey.has(key)
  }

  get size(): number {
    return this.byKey.size
  }

  /** Rows in the order they were created. */
  values(): IterableIterator<R> {
    return this.byKey.values()
  }

  all(): R[] {
    return [...this.byKey.values()]
  }

  filter(keep: (row: R) => boolean): R[] {
    const out: R[] = []
    for (const row of this.byKey.values()) if (keep(row)) out.push(row)
    return out
  }

  find(match: (row: R) => boolean): R | null {
    for (const row of this.byKey.values()) if (match(row)) return row
    return null
  }

  /** Creates a row; throws when its primary key is taken, here (@mswjs/data's own check) or in another scope. */
  insert(row: R): R {
    const wanted = (row as Row)[this.primaryKey]
    if (typeof wanted === 'string' && this.takenElsewhere(wanted)) throw new Error(`${this.model}: primary key ${JSON.stringify(wanted)} is taken in another scope`)
    const stored = this.api.create(row as Row) as R
    const key = String(stored[this.primaryKey])
    this.byKey.set(key, stored)
    this.changed(this.model, key, stored as Row)
    return stored
  }

  /** Changes fields of the row with this key; null when there is none. The key itself cannot change. */
  update(key: string, patch: Partial<R>): R | null {
    if (!this.byKey.has(key)) return null
    if (this.primaryKey in patch && String(patch[this.primaryKey]) !== key) throw new Error(`${this.model}: a row's primary key cannot change`)
    const stored = this.api.update({ where: { [this.primaryKey]: { equals: key } }, data: patch as Row }) as R
    this.byKey.set(key, stored)
    this.changed(this.model, key, stored as Row)
    return stored
  }

  delete(key: string): boolean {
    if (!this.byKey.has(key)) return false
    this.api.delete({ where: { [this.primaryKey]: { equals: key } } })
    this.byKey.delete(key)
    this.changed(this.model, key, null)
    return true
  }

  /** Deletes these rows in one pass over the model (missing keys are skipped). */
  deleteMany(keys: Iterable<string>): number {
    const present = [...new Set(keys)].filter((k) => this.byKey.has(k))
    if (present.length === 0) return 0
    this.api.deleteMany({ where: { [this.primaryKey]: { in: present } } })
    for (const key of present) {
      this.byKey.delete(key)
      this.changed(this.model, key, null)
    }
    return present.length
  }

  /** Deletes every row (each reported deleted). */
  clear(): void {
    if (this.byKey.size === 0) return
    this.api.deleteMany({ where: {} })
    const keys = [...this.byKey.keys()]
    this.byKey.clear()
    for (const key of keys) this.changed(this.model, key, null)
  }
}
