// Every simulated vendor: one line each. A vendor is its folder (src/vendors/<name>/) exporting
// one `defineVendor` definition; test/vendors/completeness.test.ts names what a listed vendor
// lacks (contract, suite, fixtures, docs, CLI, bench scenario).
import type { ApiOf, FixturesOf } from '../core/vendor.ts'
import { complycube } from './complycube/index.ts'
import { caf } from './caf/index.ts'
import { ca } from './ca/index.ts'

export const vendorDefinitions = { complycube, caf, ca }

type Registry = typeof vendorDefinitions

export type VendorName = keyof Registry

/** The in-process API each vendor adds to the sandbox (`sandbox.complycube`, ...). */
export type VendorApis = { [K in VendorName]: ApiOf<Registry[K]> }

/** Seed data each vendor accepts in place of its `fixtures/<vendor>.json`. */
export type VendorFixtures = { [K in VendorName]: FixturesOf<Registry[K]> }
