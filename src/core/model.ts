// A model: the schema of a table's rows and the field that keys them. The schema (zod/mini, a
// Standard Schema) gives the rows' TypeScript type and checks each row a state file brings back
// (./snapshot.ts); a vendor adds checks of its own to a field with `.check(...)`.
import * as z from 'zod/mini'

/** The fields of a model's rows, by name. */
export type Shape = Record<string, z.core.$ZodType>

/** The names of the string fields of a shape: what can key a row. */
type StringField<S extends Shape> = { [K in keyof S]: z.infer<S[K]> extends string ? K : never }[keyof S] & string

export interface Model<S extends Shape = Shape, K extends string = string> {
  /** The field whose value keys the row: unique across the store, never empty, never changed. */
  readonly key: K
  /** A row, exactly: every field of the shape and nothing else. */
  readonly schema: z.ZodMiniObject<S, z.core.$strict>
}

/** Model name → model: what a vendor's store holds. */
export type Models = Record<string, Model>

/** The row a model stores. */
export type RowOf<M extends Model> = z.infer<M['schema']>

/** Declares a model keyed by `key`, one of its string fields: `model('id', { id: z.string(), n: z.number() })`. */
export function model<S extends Shape, K extends StringField<S>>(key: K, shape: S): Model<S, K> {
  if (!Object.prototype.hasOwnProperty.call(shape, key)) throw new Error(`a model's key '${key}' must be one of its fields`)
  return { key, schema: z.strictObject(shape) as z.ZodMiniObject<S, z.core.$strict> }
}

/** The field names of a model, in their declared order. */
export const fieldsOf = (m: Model): string[] => Object.keys(m.schema.def.shape)
