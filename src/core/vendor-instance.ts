// A vendor running in a sandbox: its state built from its definition, and the lifecycle every
// vendor shares — reset to the seed, snapshot, restore, change events — written once, here.
import { createStore, type Models } from './store.ts'
import { isSnapshotObject, SnapshotError } from './snapshot.ts'
import type { Core } from './service.ts'
import type { AnyVendor, VendorState } from './vendor.ts'

/** A stored row created or updated (`row` as a snapshot holds it), or deleted (`row: null`). */
export interface RowChange {
  kind: 'row'
  vendor: string
  model: string
  key: string
  row: Record<string, unknown> | null
}

export interface VendorInstance {
  name: string
  definition: AnyVendor
  /** What `definition.createState` built: only that definition's functions take it. */
  state: VendorState
  reset(): void
  /** `{ ...values, db: { <model>: rows } }`: the vendor's part of the sandbox's snapshot (without `db` when `rows` is false). */
  snapshot(rows?: boolean): Record<string, unknown>
  /** Puts back what `snapshot` returned; throws a SnapshotError naming the bad value. */
  restore(data: unknown): void
  /** Hears every row change; returns the function that stops it. */
  watch(listener: (change: RowChange) => void): () => void
}

export function instantiate(definition: AnyVendor, core: Core, fixtures: unknown): VendorInstance {
  const { name } = definition
  const spec = definition.store
  const store = createStore(spec.models, spec.scopes(fixtures), spec.field)
  const state = definition.createState(core, store, fixtures)
  definition.seed(state)
  definition.reloaded?.(state)
  return {
    name,
    definition,
    state,
    reset() {
      store.clear()
      definition.seed(state)
      definition.reloaded?.(state)
    },
    snapshot: (rows = true) => (rows ? { ...definition.values.save(state), db: store.dump() } : definition.values.save(state)),
    restore(data) {
      if (!isSnapshotObject(data)) throw new SnapshotError(`${name} must be an object`)
      const { db, ...values } = data
      store.load(db ?? {}, `${name}.db`, spec.rules)
      definition.values.load(state, values, name)
      definition.reloaded?.(state)
    },
    watch: (listener) => store.watch((model, key, row) => listener({ kind: 'row', vendor: name, model, key, row })),
  }
}
