// The CAF handlers follow contracts/caf.yaml through its generated types: with response fields
// renamed in the contract and the types regenerated, `tsc` must fail on the handlers that still
// answer with the old names, while the types regenerated from the untouched contracts type-check.
// The compiler runs in-process on the checkout, the regenerated types read in place of
// src/generated/ (no copy of the repository).
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../src/contract/tools/generate.ts'
import { Compiler, ContractTypes, type TscResult } from '../support/typecheck.ts'

const HANDLERS = ['src/vendors/caf/faces.ts', 'src/vendors/caf/bff.ts', 'src/vendors/caf/token-check.ts', 'src/vendors/caf/errors.ts']
const compiler = new Compiler()
const contractTypes = new ContractTypes()
afterAll(() => contractTypes.dispose())

/** `tsc -p tsconfig.handlers.json` (the project's tsconfig, the CAF handlers only) on the types regenerated from the contracts, caf.yaml edited. */
async function tsc(editContract: (yaml: string) => string): Promise<TscResult> {
  const generated = await contractTypes.regenerate('caf', editContract)
  return compiler.check(join(ROOT, 'tsconfig.handlers.json'), { extends: './tsconfig.json', include: [], files: HANDLERS }, generated)
}

/** Renames a property of one schema in components.schemas (and in its `required` list). */
function renameField(yaml: string, schema: string, from: string, to: string): string {
  const start = yaml.indexOf(`\n    ${schema}:\n`)
  expect(start, `schema ${schema} in the contract`).toBeGreaterThan(0)
  const next = yaml.slice(start + 1).search(/\n    \S/)
  const end = next === -1 ? yaml.length : next + start + 1
  const block = yaml
    .slice(start, end)
    .replace(new RegExp(`(required: \\[[^\\]]*)\\b${from}\\b`), `$1${to}`)
    .replace(new RegExp(`\\n(\\s+)${from}:`), `\n$1${to}:`)
  expect(block, `${schema}.${from} renamed`).not.toBe(yaml.slice(start, end))
  return yaml.slice(0, start) + block + yaml.slice(end)
}

const DRIFT: [schema: string, from: string, to: string, file: string][] = [
  ['SessionTokenResult', 'sessionToken', 'session_token', 'bff.ts'],
  ['FaceAuthentication', 'isMatch', 'is_match', 'faces.ts'],
  ['TokenVerification', 'status', 'state', 'token-check.ts'],
  ['Error', 'message', 'error', 'errors.ts'],
]

describe('a CAF contract change the handlers do not follow', () => {
  it('fails tsc on each CAF handler answering with a renamed field (and the untouched copy passes)', async () => {
    const ok = await tsc((y) => y)
    const broken = await tsc((y) => DRIFT.reduce((yaml, [schema, from, to]) => renameField(yaml, schema, from, to), y))
    expect(ok.output).toBe('')
    expect(ok.code).toBe(0)
    expect(broken.code).not.toBe(0)
    for (const [, from, , file] of DRIFT) {
      expect(broken.output, `${file} uses ${from}`).toMatch(new RegExp(`src/vendors/caf/${file.replace('.', '\\.')}\\(\\d+,\\d+\\): error TS\\d+: .*'${from}'`))
    }
  }, 60_000)
})
