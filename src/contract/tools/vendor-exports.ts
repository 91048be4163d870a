// `npm run generate` (with the contract types): src/contract/vendors.ts, which re-exports each
// registered vendor's contract.ts (its `<vendor>Contract`, `<vendor>Suite` and option types) to
// the package's `token-sandbox/contract` entry. ES modules name their exports statically, so
// the entry cannot loop over the registry: this file is the loop, written out. Each contract.ts
// gives the kit its suite as its default export, which `export *` leaves out, so the vendors'
// exports never collide on it. The file is committed; a test regenerates it and fails when the
// committed one differs.
import { writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { AnyVendor } from '../../core/vendor.ts'
import { kitFileUrl, KIT_FILES } from '../../vendors/kit.ts'
import { vendorDefinitions, type VendorRegistry } from '../../vendors/registry.ts'
import { ROOT } from './generate.ts'

export const VENDOR_EXPORTS_FILE = join(ROOT, 'src', 'contract', 'vendors.ts')

const HEADER =
  '// Generated from the registry (src/vendors/index.ts) by `npm run generate`. Do not edit: each\n' +
  "// vendor's contract suite is its folder's contract.ts (src/contract/tools/vendor-exports.ts).\n"

/** The module re-exporting every vendor's contract.ts of `registry`, as written at `file`. */
export function vendorExports(registry: VendorRegistry = vendorDefinitions, file = VENDOR_EXPORTS_FILE): string {
  const from = (vendor: AnyVendor) => {
    const path = relative(join(file, '..'), fileURLToPath(kitFileUrl(vendor, KIT_FILES.suite))).split('\\').join('/')
    return path.startsWith('.') ? path : `./${path}`
  }
  const vendors = Object.values(registry)
  return (
    HEADER +
    "import type { ContractSuite } from './suite.ts'\n" +
    vendors.map((vendor, i) => `import suite${i} from '${from(vendor)}'\n`).join('') +
    '\n' +
    vendors.map((vendor) => `export * from '${from(vendor)}'\n`).join('') +
    '\n/** Every registered vendor\'s suite, in registry order (the sandbox contract runs their `admin` cases). */\n' +
    `export const vendorSuites: ContractSuite[] = [${vendors.map((_, i) => `suite${i}`).join(', ')}]\n`
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeFile(VENDOR_EXPORTS_FILE, vendorExports())
  console.log(`wrote ${VENDOR_EXPORTS_FILE}`)
}
