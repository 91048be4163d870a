// A model: the schema of a table's rows and the field that keys them. The schema (valibot, a
// Standard Schema; the fixtures' library too) gives the rows' TypeScript type and checks each row
// a state file brings back (./snapshot.ts); a vendor adds checks of its own to a field with
// `v.pipe(field, check)`.
import * as v from 'valibot'

/** The fields of a model's rows, by name. */
export type Shape = v.ObjectEntries

/** The names of the string fields of a shape: what can key a row. */
type StringField<S extends Shape> = { [K in keyof S]: v.InferOutput<S[K]> extends string ? K : never }[keyof S] & string

export interface Model<S extends Shape = Shape, K extends string = string> {
  /** The field whose value keys the row: unique across the store, never empty, never changed. */
  readonly key: K
  /** A row, exactly: every field of the shape and nothing else. */
  readonly schema: v.StrictObjectSchema<S, undefined>
}

/** Model name → model: what a vendor's store holds. */
export type Models = Record<string, Model>

/** The row a model stores. */
export type RowOf<M extends Model> = v.InferOutput<M['schema']>

/** Declares a model keyed by `key`, one of its string fields: `model('id', { id: v.string(), n: v.number() })`. */
export function model<S extends Shape, K extends StringField<S>>(key: K, shape: S): Model<S, K> {
  if (!Object.prototype.hasOwnProperty.call(shape, key)) throw new Error(`a model's key '${key}' must be one of its fields`)
  return { key, schema: v.strictObject(shape) }
}

/** The field names of a model, in their declared order. */
export const fieldsOf = (m: Model): string[] => Object.keys(m.schema.entries)
