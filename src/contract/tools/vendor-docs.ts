// `npm run generate` (with the contract types): docs/vendors/README.md, the index of the
// vendors' doc pages, one line a registered vendor: its page (docs/vendors/<name>.md, or a
// folder vendor's README.md) titled by the page's first heading. The README links the index, so
// a new vendor needs no edit outside its folder. Committed; a test regenerates it and fails
// when the committed one differs.
import { readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { AnyVendor } from '../../core/vendor.ts'
import { vendorDefinitions, type VendorRegistry } from '../../vendors/registry.ts'
import { ROOT } from './generate.ts'

export const VENDOR_DOCS_INDEX = join(ROOT, 'docs', 'vendors', 'README.md')

/** A vendor's doc page: docs/vendors/<name>.md, or README.md in its own folder. */
export const docPageOf = (vendor: AnyVendor): string =>
  vendor.folder ? fileURLToPath(new URL('README.md', vendor.folder)) : join(ROOT, 'docs', 'vendors', `${vendor.name}.md`)

/** The index of `registry`'s doc pages, as written at `file`. Throws, naming it, for a vendor whose page is missing or has no title. */
export function vendorDocsIndex(registry: VendorRegistry = vendorDefinitions, file = VENDOR_DOCS_INDEX): string {
  const lines = Object.values(registry).map((vendor) => {
    const page = docPageOf(vendor)
    let text: string
    try {
      text = readFileSync(page, 'utf8')
    } catch {
      throw new Error(`${vendor.name}: no doc page ${relative(ROOT, page)}`)
    }
    const title = /^# (.+)$/m.exec(text)?.[1]
    if (!title) throw new Error(`${vendor.name}: its doc page ${relative(ROOT, page)} has no '# title' line`)
    return `- [${title}](${relative(join(file, '..'), page).split('\\').join('/')}) (\`${vendor.name}\`)\n`
  })
  return (
    '<!-- Generated from the registry (src/vendors/index.ts) by `npm run generate`. Do not edit. -->\n\n' +
    '# Vendors\n\n' +
    'What the sandbox simulates of each vendor: routes, auth, environments, errors, expiry, seeded\n' +
    'credentials, and the choices made where the vendor documents nothing.\n\n' +
    lines.join('')
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(VENDOR_DOCS_INDEX, vendorDocsIndex())
  console.log(`wrote ${VENDOR_DOCS_INDEX}`)
}
