// The committed types in src/generated/ must be what `npm run generate` makes from contracts/
// now: regenerate into a temporary folder and compare, file by file.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTRACTS_DIR, GENERATED_DIR, contractNames, generateAll } from '../../src/contract/tools/generate.ts'

const names = await contractNames()
const out = await mkdtemp(join(tmpdir(), 'token-sandbox-generated-'))
beforeAll(() => generateAll(CONTRACTS_DIR, out))
afterAll(() => rm(out, { recursive: true, force: true }))

describe('src/generated', () => {
  it('has one module per contract, and no other', async () => {
    expect(names).toEqual(expect.arrayContaining(['complycube', 'sandbox']))
    expect((await readdir(GENERATED_DIR)).filter((f) => f.endsWith('.ts')).sort()).toEqual(names.map((n) => `${n}.ts`))
  })

  it.each(names)('src/generated/%s.ts is what its contract generates now (else run `npm run generate`)', async (name) => {
    const fresh = await readFile(join(out, `${name}.ts`), 'utf8')
    const committed = await readFile(join(GENERATED_DIR, `${name}.ts`), 'utf8')
    expect(committed, `src/generated/${name}.ts is stale: run npm run generate`).toBe(fresh)
  })
})
