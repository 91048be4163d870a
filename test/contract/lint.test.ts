// Every contract lints clean with Redocly's recommended rules (what `npm run lint:contracts`
// runs), and the linter does flag a contract whose example breaks its own schema.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CONTRACTS_DIR, contractNames } from '../../src/contract/tools/generate.ts'
import { lintContract } from '../../src/contract/tools/lint.ts'

const names = await contractNames()
const work = await mkdtemp(join(tmpdir(), 'token-sandbox-lint-'))
afterAll(() => rm(work, { recursive: true, force: true }))

describe('contract lint', () => {
  it.each(names)('contracts/%s.yaml has no problems', async (name) => {
    const { problems, report } = await lintContract(join(CONTRACTS_DIR, `${name}.yaml`))
    expect(problems, report).toEqual([])
  })

  it('flags an example that does not match its schema', async () => {
    const yaml = await readFile(join(CONTRACTS_DIR, 'complycube.yaml'), 'utf8')
    const broken = yaml.replace('message: "\'clientId\' is invalid"', 'mesage: "\'clientId\' is invalid"')
    expect(broken).not.toBe(yaml)
    const file = join(work, 'complycube.yaml')
    await writeFile(file, broken)
    const { problems } = await lintContract(file)
    expect(problems.map((p) => p.ruleId)).toContain('no-invalid-media-type-examples')
  })
})
