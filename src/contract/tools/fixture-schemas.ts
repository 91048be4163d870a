// `npm run generate` (with the contract types): one JSON Schema a vendor's fixture format,
// fixtures/schema/<vendor>.schema.json, from the vendor's `fixtureSchema` (valibot) through
// @valibot/to-json-schema, so editors complete and check a fixture file that names it in
// `$schema`. The files are committed and shipped; a test regenerates them and fails when the
// committed ones differ. The checks across fields (a key seeded twice, a key's prefix against
// its environment, a client's details) have no JSON Schema form: only the sandbox makes them.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { toJsonSchema } from '@valibot/to-json-schema'
import type { GenericSchema } from 'valibot'
import { vendorDefinitions } from '../../vendors/registry.ts'
import type { AnyVendor } from '../../core/vendor.ts'
import { ROOT } from './generate.ts'

export const FIXTURE_SCHEMA_DIR = join(ROOT, 'fixtures', 'schema')

/** The JSON Schema of one vendor's fixtures, as the file's text. */
export function fixtureJsonSchema(definition: AnyVendor): string {
  const schema = toJsonSchema(definition.fixtureSchema as GenericSchema, {
    target: 'draft-07',
    // A fixture object's first step only refuses arrays (../../vendors/fixture-kit.ts): the schema is what follows.
    typeMode: 'output',
    // Validator-only rules (see above); anything else the converter cannot express fails loudly.
    ignoreActions: ['check', 'raw_check'],
    errorMode: 'throw',
  })
  const { $schema, ...rest } = schema
  return JSON.stringify({ $schema, title: `token-sandbox ${definition.name} fixtures`, ...rest }, null, 2) + '\n'
}

/** Writes `<outDir>/<vendor>.schema.json` for every registered vendor; returns the files written. */
export async function writeFixtureSchemas(outDir = FIXTURE_SCHEMA_DIR, registry: Record<string, AnyVendor> = vendorDefinitions): Promise<string[]> {
  await mkdir(outDir, { recursive: true })
  const written: string[] = []
  for (const [name, definition] of Object.entries(registry)) {
    const file = join(outDir, `${name}.schema.json`)
    await writeFile(file, fixtureJsonSchema(definition))
    written.push(file)
  }
  return written
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const f of await writeFixtureSchemas(process.argv[2] ?? FIXTURE_SCHEMA_DIR)) console.log(`wrote ${f}`)
}
