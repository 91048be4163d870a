// `npm run generate`: one TypeScript module a contract, contracts/<name>.yaml →
// src/generated/<name>.ts, with openapi-typescript. The output is committed; a test regenerates
// it into a temporary folder and fails when the committed files differ (a stale contract type).
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const CONTRACTS_DIR = join(ROOT, 'contracts')
export const GENERATED_DIR = join(ROOT, 'src', 'generated')

const HEADER = (name: string) =>
  `// Generated from contracts/${name}.yaml by \`npm run generate\` (openapi-typescript). Do not edit:\n` +
  `// change the contract and regenerate.\n\n`

/** Every contract file, by name without `.yaml`, sorted. */
export async function contractNames(dir = CONTRACTS_DIR): Promise<string[]> {
  return (await readdir(dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort()
}

/** The TypeScript module for one contract. */
export async function generateOne(contractPath: string, name: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(contractPath), { silent: true })
  return HEADER(name) + astToString(ast)
}

/** Writes `<outDir>/<name>.ts` for every contract in `contractsDir`; returns the files written. */
export async function generateAll(contractsDir = CONTRACTS_DIR, outDir = GENERATED_DIR): Promise<string[]> {
  await mkdir(outDir, { recursive: true })
  const written: string[] = []
  for (const name of await contractNames(contractsDir)) {
    const file = join(outDir, `${name}.ts`)
    await writeFile(file, await generateOne(join(contractsDir, `${name}.yaml`), name))
    written.push(file)
  }
  return written
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [contractsDir, outDir] = process.argv.slice(2)
  const files = await generateAll(contractsDir ?? CONTRACTS_DIR, outDir ?? GENERATED_DIR)
  for (const f of files) console.log(`wrote ${f}`)
}
