// `npm run generate` (before the contract types): each vendor's sandbox-only routes, described in
// its folder's admin.yaml, spliced into contracts/sandbox.yaml between the markers of each
// section (tags, paths, parameters, responses, schemas), in registry order. The sandbox
// surface's own routes and components stay hand-written around them; a vendor's stay in its
// folder, so a new vendor's admin routes need no edit here. Text, not a YAML round trip, so the
// file keeps its comments and layout. The output is committed; a test regenerates it and fails
// when the committed file differs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { AnyVendor } from '../../core/vendor.ts'
import { kitFileUrl } from '../../vendors/kit.ts'
import { vendorDefinitions, type VendorRegistry } from '../../vendors/registry.ts'
import { CONTRACTS_DIR } from './generate.ts'

export const SANDBOX_CONTRACT = join(CONTRACTS_DIR, 'sandbox.yaml')
export const ADMIN_FILE = 'admin.yaml'

/** Each section of a vendor's admin.yaml, and how deep its entries sit in contracts/sandbox.yaml. */
const SECTIONS = { tags: 2, paths: 2, parameters: 4, responses: 4, schemas: 4 } as const
type Section = keyof typeof SECTIONS

const begin = (section: Section) => `${' '.repeat(SECTIONS[section])}# >>> each vendor's ${section}: generated from its admin.yaml by \`npm run generate\`; edit those, not this`
const end = (section: Section) => `${' '.repeat(SECTIONS[section])}# <<< each vendor's ${section}`

/** A vendor's admin.yaml, or null when it has none (a vendor without admin routes). */
export function adminFileOf(vendor: AnyVendor): string | null {
  const file = fileURLToPath(kitFileUrl(vendor, ADMIN_FILE))
  return existsSync(file) ? file : null
}

/** The sections of an admin.yaml: top-level keys, each holding entries indented by two. */
export function adminSections(text: string, shown: string): Partial<Record<Section, string[]>> {
  const sections: Partial<Record<Section, string[]>> = {}
  let current: string[] | null = null
  for (const line of text.replace(/\n+$/, '').split('\n')) {
    const top = /^([a-z]+):\s*$/.exec(line)
    if (top) {
      if (!(top[1]! in SECTIONS)) throw new Error(`${shown}: unknown section '${top[1]}' (${Object.keys(SECTIONS).join(', ')})`)
      current = sections[top[1] as Section] = []
    } else if (line.startsWith('#') && current === null) {
      continue
    } else if (current === null || (line.trim() !== '' && !line.startsWith('  '))) {
      throw new Error(`${shown}: '${line}' is outside a section's entries (indent them by two)`)
    } else current.push(line)
  }
  return sections
}

/** The paths an admin.yaml describes (`/caf/keys/{clientId}/revoke`). */
export const adminPaths = (sections: Partial<Record<Section, string[]>>): string[] =>
  (sections.paths ?? []).flatMap((line) => /^ {2}(\/\S*):\s*$/.exec(line)?.[1] ?? [])

/** contracts/sandbox.yaml with `registry`'s admin.yaml sections spliced in. */
export function spliceAdmin(contract: string, registry: VendorRegistry = vendorDefinitions): string {
  const parts = Object.values(registry).flatMap((vendor) => {
    const file = adminFileOf(vendor)
    if (!file) return []
    const sections = adminSections(readFileSync(file, 'utf8'), file)
    for (const path of adminPaths(sections)) {
      if (!path.startsWith(`/${vendor.name}/`)) throw new Error(`${file}: path ${path} is not under /${vendor.name}/`)
    }
    return [sections]
  })
  let out = contract
  for (const section of Object.keys(SECTIONS) as Section[]) {
    const [from, to] = [out.indexOf(`${begin(section)}\n`), out.indexOf(`${end(section)}\n`)]
    if (from === -1 || to < from) throw new Error(`contracts/sandbox.yaml lacks the markers of the vendors' ${section}:\n${begin(section)}\n${end(section)}`)
    const pad = ' '.repeat(SECTIONS[section] - 2)
    const lines = parts.flatMap((p) => p[section] ?? []).map((l) => (l.trim() === '' ? '' : pad + l))
    out = out.slice(0, from) + `${begin(section)}\n` + lines.map((l) => `${l}\n`).join('') + out.slice(to)
  }
  return out
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(SANDBOX_CONTRACT, spliceAdmin(readFileSync(SANDBOX_CONTRACT, 'utf8')))
  console.log(`wrote ${SANDBOX_CONTRACT}`)
}
