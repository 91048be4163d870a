// What a registered vendor must have beside its definition, checked by
// test/vendors/completeness.test.ts: each missing part named, so "add a vendor" fails with a
// to-do list instead of a surprise in the CLI, the contract kit, the bench or the docs.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { AnyVendor } from '../../src/core/vendor.ts'
import { KIT_FILES } from '../../src/vendors/kit.ts'

const ROOT = new URL('../../', import.meta.url)
const BUILDERS = ['malformedJson', 'unsupportedContentType', 'bodyTooLarge', 'notFound', 'methodNotAllowed', 'internal', 'forStatus', 'parserRefusal'] as const

async function load(file: URL): Promise<Record<string, unknown> | null> {
  if (!existsSync(file)) return null
  return (await import(fileURLToPath(file))) as Record<string, unknown>
}

/** The parts `definition`, whose folder is `folder` (a URL ending in /), lacks; empty when it is complete. */
export async function missingParts(definition: AnyVendor, folder: URL): Promise<string[]> {
  const { name } = definition
  const missing: string[] = []
  const need = (ok: unknown, part: string) => {
    if (!ok) missing.push(part)
  }

  need(existsSync(new URL(`contracts/${definition.contract}`, ROOT)), `its OpenAPI contract contracts/${definition.contract}`)
  need(existsSync(new URL(`fixtures/${name}.json`, ROOT)), `its seed fixtures/${name}.json`)
  const docs = `docs/vendors/${name}.md`
  need(existsSync(new URL(docs, ROOT)), `its doc page ${docs}`)
  need(readFileSync(new URL('README.md', ROOT), 'utf8').includes(`(${docs})`), `a README link to ${docs}`)

  const contract = await load(new URL(KIT_FILES.suite, folder))
  const suite = contract?.suite as { name?: unknown; contract?: unknown; define?: unknown } | undefined
  need(
    suite && suite.name === name && suite.contract === definition.contract && typeof suite.define === 'function',
    `its contract suite (${KIT_FILES.suite} exporting \`suite\`, named '${name}', for ${definition.contract})`,
  )
  const cli = await load(new URL(KIT_FILES.token, folder))
  need(cli && typeof cli.help === 'string' && typeof cli.run === 'function', `its CLI subcommand (${KIT_FILES.token} exporting \`help\` and \`run\`)`)
  const bench = await load(new URL(KIT_FILES.bench, folder))
  const scenario = bench?.scenario as { method?: unknown; path?: unknown } | undefined
  need(scenario && (scenario.method === 'GET' || scenario.method === 'POST') && typeof scenario.path === 'string', `its bench scenario (${KIT_FILES.bench} exporting \`scenario\`)`)

  need(definition.routes.length > 0, 'routes')
  for (const b of BUILDERS) need(typeof definition.errors[b] === 'function', `the error builder errors.${b}`)
  need(Object.keys(definition.store.models).length > 0, 'store models')
  need(definition.store.scopes(definition.fixtures).length > 0, 'store scopes')
  return missing
}
