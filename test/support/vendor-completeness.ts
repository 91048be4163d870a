// What a registered vendor must have beside its definition, checked by
// test/vendors/completeness.test.ts: each missing part named, so "add a vendor" fails with a
// to-do list instead of a surprise in the CLI, the contract kit, the bench or the docs.
// A vendor in src/vendors/<name>/ keeps its contract in contracts/, its seed in fixtures/ and its
// doc page in docs/vendors/ (listed in its generated index), and its suite is exported from the
// package's `contract` entry; a vendor with a `folder` of its own (a test's scratch vendor)
// keeps all of them in that folder (its doc page is README.md).
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { AnyVendor } from '../../src/core/vendor.ts'
import { ERROR_BUILDERS } from '../../src/core/service.ts'
import { KIT_FILES } from '../../src/vendors/kit.ts'
import { ADMIN_FILE, adminFileOf, adminPaths, adminSections } from '../../src/contract/tools/vendor-admin.ts'

const ROOT = new URL('../../', import.meta.url)

async function load(file: URL): Promise<Record<string, unknown> | null> {
  if (!existsSync(file)) return null
  return (await import(fileURLToPath(file))) as Record<string, unknown>
}

/** The parts `definition` lacks; empty when it is complete. Its folder: `definition.folder`, else src/vendors/<name>/. */
export async function missingParts(definition: AnyVendor): Promise<string[]> {
  const { name } = definition
  const own = definition.folder !== undefined
  const folder = new URL(definition.folder ?? `src/vendors/${name}/`, ROOT)
  const missing: string[] = []
  const need = (ok: unknown, part: string) => {
    if (!ok) missing.push(part)
  }

  const contractFile = own ? new URL(definition.contract, folder) : new URL(`contracts/${definition.contract}`, ROOT)
  need(existsSync(contractFile), `its OpenAPI contract ${own ? definition.contract : `contracts/${definition.contract}`}`)
  if (own) need(existsSync(new URL('fixtures.json', folder)), 'its seed fixtures.json')
  else {
    need(existsSync(new URL(`fixtures/${name}.json`, ROOT)), `its seed fixtures/${name}.json`)
    need(existsSync(new URL(`fixtures/schema/${name}.schema.json`, ROOT)), `its fixture JSON Schema fixtures/schema/${name}.schema.json (npm run generate)`)
  }
  if (own) need(existsSync(new URL('README.md', folder)), 'its doc page README.md')
  else {
    const docs = `docs/vendors/${name}.md`
    need(existsSync(new URL(docs, ROOT)), `its doc page ${docs}`)
    const index = readFileSync(new URL('docs/vendors/README.md', ROOT), 'utf8')
    need(index.includes(`](${name}.md)`), `its line in the docs index docs/vendors/README.md (npm run generate)`)
  }

  const contract = await load(new URL(KIT_FILES.suite, folder))
  const suite = contract?.default as { name?: unknown; contract?: unknown; define?: unknown } | undefined
  need(
    suite && suite.name === name && suite.contract === definition.contract && typeof suite.define === 'function',
    `its contract suite (${KIT_FILES.suite} whose default export is the suite, named '${name}', for ${definition.contract})`,
  )
  if (!own && suite) {
    const entry = (await import('../../src/contract/index.ts')) as Record<string, unknown>
    need(Object.values(entry).includes(suite), `its suite exported from the package's contract entry (src/contract/vendors.ts: npm run generate)`)
  }
  const cli = await load(new URL(KIT_FILES.token, folder))
  need(cli && typeof cli.help === 'string' && typeof cli.run === 'function', `its CLI subcommand (${KIT_FILES.token} exporting \`help\` and \`run\`)`)
  const bench = await load(new URL(KIT_FILES.bench, folder))
  const scenario = bench?.scenario as { method?: unknown; path?: unknown } | undefined
  need(scenario && (scenario.method === 'GET' || scenario.method === 'POST') && typeof scenario.path === 'string', `its bench scenario (${KIT_FILES.bench} exporting \`scenario\`)`)

  // Its admin routes (under /__sandbox/<name>), each described in its admin.yaml, which
  // `npm run generate` splices into contracts/sandbox.yaml.
  const adminFile = adminFileOf(definition)
  const described = adminFile ? adminPaths(adminSections(readFileSync(adminFile, 'utf8'), adminFile)) : []
  for (const route of definition.adminRoutes) {
    const path = `/${name}${route.path.replace(/:(\w+)/g, '{$1}')}`
    need(described.includes(path), `the admin route ${route.method} ${path} described in its ${ADMIN_FILE}`)
  }
  need(definition.routes.length > 0, 'routes')
  for (const b of ERROR_BUILDERS) need(typeof definition.errors[b] === 'function', `the error builder errors.${b}`)
  need(Object.keys(definition.store.models).length > 0, 'store models')
  need(definition.store.scopes(definition.fixtures).length > 0, 'store scopes')
  return missing
}
