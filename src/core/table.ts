// One model of one scope: its rows in a Map by primary key, in the order they were created.
// Every write goes through here, so each one is heard (the change feed of `serve --state`) and
// keyed reads, updates and deletes cost the same at 50 rows or 50,000.

/** A row as plain data: the model's fields. */
export type Row = Record<string, unknown>

/** Told of every row written: the row as stored, or null when it was deleted. */
export type RowListener = (model: string, key: string, row: Row | null) => void

export class Table<R extends object> {
  private readonly byKey = new Map<string, R>()

  constructor(
    readonly model: string,
    readonly primaryKey: keyof R & string,
    /** The model's fields: a stored row holds these and no others. */
    private readonly fields: readonly string[],
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

  /** Stores a copy of the row's fields; throws when its primary key is empty or taken, here or in another scope. */
  insert(row: R): R {
    const key = (row as Row)[this.primaryKey]
    if (typeof key !== 'string' || key === '') throw new Error(`${this.model}: the primary key ${this.primaryKey} must be a non-empty string`)
    if (this.byKey.has(key)) throw new Error(`${this.model}: primary key ${JSON.stringify(key)} is taken`)
    if (this.takenElsewhere(key)) throw new Error(`${this.model}: primary key ${JSON.stringify(key)} is taken in another scope`)
    const stored = this.copy(row as Row)
    this.byKey.set(key, stored)
    this.changed(this.model, key, stored as Row)
    return stored
  }

  /** Changes fields of the row with this key (a new stored row); null when there is none. The key itself cannot change. */
  update(key: string, patch: Partial<R>): R | null {
    const old = this.byKey.get(key)
    if (old === undefined) return null
    if (this.primaryKey in patch && String(patch[this.primaryKey]) !== key) throw new Error(`${this.model}: a row's primary key cannot change`)
    const stored = this.copy({ ...old, ...patch } as Row)
    this.byKey.set(key, stored)
    this.changed(this.model, key, stored as Row)
    return stored
  }

  delete(key: string): boolean {
    if (!this.byKey.delete(key)) return false
    this.changed(this.model, key, null)
    return true
  }

  /** Deletes these rows (missing keys are skipped); how many there were. */
  deleteMany(keys: Iterable<string>): number {
    let n = 0
    for (const key of keys) if (this.delete(key)) n++
    return n
  }

  /** Deletes every row (each reported deleted). */
  clear(): void {
    const keys = [...this.byKey.keys()]
    this.byKey.clear()
    for (const key of keys) this.changed(this.model, key, null)
  }

  /** The model's fields of `row`, in a new object (what the caller holds stays theirs). */
  private copy(row: Row): R {
    const out: Row = {}
    for (const f of this.fields) out[f] = row[f]
    return out as R
  }
}
