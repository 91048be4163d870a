// Every simulated vendor, by name. Adding a vendor: export its VendorModule from its folder,
// add it here, and add its in-process API to `VendorApis`.
import type { VendorModule } from '../core/vendor.ts'
import { complycube, type ComplyCubeApi, type ComplyCubeFixtures } from './complycube/index.ts'
import { caf, type CafApi, type CafFixtures } from './caf/index.ts'
import { ca, type CaApi, type CaFixtures } from './ca/index.ts'

export const vendorModules = {
  complycube,
  caf,
  ca,
} satisfies Record<string, VendorModule<any, any, any>>

export type VendorName = keyof typeof vendorModules

/** The in-process API each vendor adds to the sandbox (`sandbox.complycube`, ...). */
export interface VendorApis {
  complycube: ComplyCubeApi
  caf: CafApi
  ca: CaApi
}

/** Seed data each vendor accepts in place of its `fixtures/<vendor>.json`. */
export interface VendorFixtures {
  complycube: ComplyCubeFixtures
  caf: CafFixtures
  ca: CaFixtures
}
