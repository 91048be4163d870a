// Which field of a vendor's row is its primary key: the key of the row in the state database
// (./state-db.ts). Each model declares it (core/model.ts).
import type { Models } from '../core/model-types.ts'
import { vendorDefinitions } from '../vendors/registry.ts'

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k)

/** The primary key field of `vendor`'s `model`, or null for a model this build does not know. */
export function primaryKeyField(vendor: string, model: string): string | null {
  if (!own(vendorDefinitions, vendor)) return null
  const models = vendorDefinitions[vendor as keyof typeof vendorDefinitions].store.models as Models
  return own(models, model) ? models[model]!.key : null
}

/**
 * The key of `row`. A row the sandbox would refuse (unknown model, key not a string) still gets
 * one, so that it is stored as it came and sandbox.restore names the problem.
 */
export function rowKey(vendor: string, model: string, row: Record<string, unknown>, index: number): string {
  const field = primaryKeyField(vendor, model)
  const value = field === null ? undefined : row[field]
  return typeof value === 'string' ? value : `#${index}`
}
