// Contract types regenerated from edited contracts, to type-check the handlers against in place
// of src/generated/ (test/support/typecheck.ts overlays them). Apart from the Compiler: this loads
// openapi-typescript, which a type-check that regenerates nothing does not need.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CONTRACTS_DIR, GENERATED_DIR, contractNames, generateOne } from '../../src/contract/tools/generate.ts'

/**
 * The types `npm run generate` makes from the contracts with one of them edited, by the path they
 * are written to (src/generated/<name>.ts), made as generateAll makes them: from a folder holding
 * the contracts. A contract's types are made once per text.
 */
export class ContractTypes {
  private readonly made = new Map<string, Promise<string>>()
  private work: Promise<string> | undefined
  private folders = 0

  async regenerate(contract: string, edit: (yaml: string) => string): Promise<Map<string, string>> {
    this.work ??= mkdtemp(join(tmpdir(), 'token-sandbox-contract-types-'))
    const dir = join(await this.work, String(this.folders++))
    await mkdir(dir)
    const names = await contractNames(CONTRACTS_DIR)
    const types = await Promise.all(
      names.map(async (name) => {
        const original = await readFile(join(CONTRACTS_DIR, `${name}.yaml`), 'utf8')
        const yaml = name === contract ? edit(original) : original
        const key = `${name}\0${yaml}`
        let made = this.made.get(key)
        if (!made) {
          const path = join(dir, `${name}.yaml`)
          made = writeFile(path, yaml).then(() => generateOne(path, name))
          this.made.set(key, made)
        }
        return [join(GENERATED_DIR, `${name}.ts`), await made] as const
      }),
    )
    return new Map(types)
  }

  async dispose(): Promise<void> {
    if (this.work) await rm(await this.work, { recursive: true, force: true })
  }
}
