// Every simulated vendor, from the one list (./index.ts: one line a vendor, in name order). A
// vendor is its folder (src/vendors/<name>/) exporting one `defineVendor` definition;
// test/vendors/completeness.test.ts names what a listed vendor lacks (contract, suite, fixtures,
// docs, CLI, bench scenario).
import type { AnyVendor, ApiOf, FixturesOf } from '../core/vendor.ts'
import * as listed from './index.ts'

export const vendorDefinitions = { ...listed }

type Registry = typeof vendorDefinitions

export type VendorName = keyof Registry

/** Any set of vendors the sandbox can serve: the registry, or a test's composition of it. */
export type VendorRegistry = Record<string, AnyVendor>

/** The in-process API each vendor adds to the sandbox (`sandbox.complycube`, ...). */
export type VendorApis = { [K in VendorName]: ApiOf<Registry[K]> }

/** Seed data each vendor accepts in place of its `fixtures/<vendor>.json`. */
export type VendorFixtures = { [K in VendorName]: FixturesOf<Registry[K]> }
