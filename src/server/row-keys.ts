// Which field of a vendor's row is its primary key: the key of the row in the state database
// (./state-db.ts). Each model declares it (core/model.ts); the sandbox being saved answers for
// its own vendors (`sandbox.rowKeyField`), so a sandbox composed of other vendors than the
// registry's (a test's scratch vendor) keys its rows the same way.

/** The primary key field of `vendor`'s `model`, or null for a model the sandbox does not hold. */
export type KeyField = (vendor: string, model: string) => string | null

/**
 * The key of `row`. A row the sandbox would refuse (unknown model, key not a string) still gets
 * one, so that it is stored as it came and sandbox.restore names the problem.
 */
export function rowKey(keyField: KeyField, vendor: string, model: string, row: Record<string, unknown>, index: number): string {
  const field = keyField(vendor, model)
  const value = field === null ? undefined : row[field]
  return typeof value === 'string' ? value : `#${index}`
}

/**
 * A row key as the `key` column holds it: the text itself when it is well-formed Unicode, or a
 * BLOB of its UTF-16 code units when it is not (a lone surrogate). SQLite stores TEXT as UTF-8,
 * where a lone surrogate becomes U+FFFD: "c\ud800" and "c\udfff" would be one key and neither
 * would read back as itself. A BLOB never equals a TEXT, and UTF-16 code units are the string,
 * so distinct keys stay distinct keys whatever reaches this layer (requests with such strings
 * are refused earlier: ../core/well-formed.ts). Files written before hold only TEXT keys.
 */
export const keyColumn = (key: string): string | Uint8Array => (key.isWellFormed() ? key : new Uint8Array(Buffer.from(key, 'utf16le')))

/** The key a `key` column value stands for (see keyColumn). */
export const keyFromColumn = (value: string | Uint8Array): string => (typeof value === 'string' ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf16le'))
