// The types of a model (./model.ts), apart from valibot's: the package's declarations name rows,
// not valibot's generics, so a project type-checking them with skipLibCheck off does not also
// check valibot's 600 KB of declarations.

/** A schema as the store's types see it: the Standard Schema slot of its output type. */
export interface RowSchema<R> {
  readonly '~standard': { readonly types?: { readonly output: R } | undefined }
}

export interface Model<R extends object = Record<string, unknown>, K extends string = string> {
  /** The field whose value keys the row: unique across the store, never empty, never changed. */
  readonly key: K
  /** A row, exactly: every field of the model and nothing else (a valibot strict object). */
  readonly schema: RowSchema<R>
}

/** Model name → model: what a vendor's store holds. */
export type Models = Record<string, Model>

/** The row a model stores. */
export type RowOf<M extends Model> = M extends Model<infer R> ? R : never
