// Every simulated vendor, by name. Adding a vendor: export its VendorModule from its folder,
// add it here, and add its in-process API to `VendorApis`.
import type { VendorModule } from '../core/vendor.ts'
import { complycube, type ComplyCubeApi, type ComplyCubeFixtures } from './complycube/index.ts'

export const vendorModules = {
  complycube,
} satisfies Record<string, VendorModule<any, any, any>>

export type VendorName = keyof typeof vendorModules

/** The in-process API each vendor adds to the sandbox (`sandbox.complycube`, ...). */
export interface VendorApis {
  complycube: ComplyCubeApi
}

/** Seed data each vendor accepts in place of its `fixtures/<vendor>.json`. */
export interface VendorFixtures {
  complycube: ComplyCubeFixtures
}
