// A model: the schema of a table's rows and the field that keys them. The schema (valibot, a
// Standard Schema; the fixtures' library too) gives the rows' TypeScript type and checks each row
// a state file brings back (./snapshot.ts); a vendor adds checks of its own to a field with
// `v.pipe(field, check)`.
import * as v from 'valibot'
import type { Model } from './model-types.ts'

export type { Model, Models, RowOf } from './model-types.ts'

/** The names of the string fields of a shape: what can key a row. */
type StringField<S extends v.ObjectEntries> = { [K in keyof S]: v.InferOutput<S[K]> extends string ? K : never }[keyof S] & string

/** Declares a model keyed by `key`, one of its string fields: `model('id', { id: v.string(), n: v.number() })`. */
export function model<S extends v.ObjectEntries, K extends StringField<S>>(key: K, shape: S): Model<v.InferOutput<v.StrictObjectSchema<S, undefined>>, K> {
  if (!Object.prototype.hasOwnProperty.call(shape, key)) throw new Error(`a model's key '${key}' must be one of its fields`)
  return { key, schema: v.strictObject(shape) }
}

/** The valibot entries of a model's rows (the schema `model` made). */
export const entriesOf = (m: Model): v.ObjectEntries => (m.schema as unknown as v.StrictObjectSchema<v.ObjectEntries, undefined>).entries

/** The field names of a model, in their declared order. */
export const fieldsOf = (m: Model): string[] => Object.keys(entriesOf(m))
