// The CAF handlers follow contracts/caf.yaml through its generated types: in a copy of the
// repository, renaming response fields in the contract and regenerating must make `tsc` fail on
// the handlers that still answer with the old names, while the untouched copy type-checks.
import { spawn } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT, generateAll } from '../../src/contract/tools/generate.ts'

const HANDLERS = ['src/vendors/caf/faces.ts', 'src/vendors/caf/bff.ts', 'src/vendors/caf/token-check.ts', 'src/vendors/caf/errors.ts']
const work = await mkdtemp(join(tmpdir(), 'token-sandbox-caf-drift-'))
afterAll(() => rm(work, { recursive: true, force: true }))

/** A copy with contracts, src and tsconfig, caf.yaml edited, types regenerated, and a tsconfig for the CAF handlers only. */
async function copyRepo(name: string, editContract: (yaml: string) => string): Promise<string> {
  const dir = join(work, name)
  await cp(join(ROOT, 'contracts'), join(dir, 'contracts'), { recursive: true })
  await cp(join(ROOT, 'src'), join(dir, 'src'), { recursive: true })
  await cp(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'))
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
  await cp(join(ROOT, 'fixtures'), join(dir, 'fixtures'), { recursive: true })
  const contract = join(dir, 'contracts', 'caf.yaml')
  await writeFile(contract, editContract(await readFile(contract, 'utf8')))
  await generateAll(join(dir, 'contracts'), join(dir, 'src', 'generated'))
  await writeFile(join(dir, 'tsconfig.handlers.json'), JSON.stringify({ extends: './tsconfig.json', include: [], files: HANDLERS }))
  return dir
}

function tsc(dir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const bin = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
    const child = spawn(process.execPath, [bin, '-p', 'tsconfig.handlers.json', '--pretty', 'false'], { cwd: dir })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c))
    child.stderr.on('data', (c: Buffer) => (output += c))
    child.on('close', (code) => resolve({ code, output }))
  })
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
    const [same, drifted] = await Promise.all([
      copyRepo('same', (y) => y),
      copyRepo('drifted', (y) => DRIFT.reduce((yaml, [schema, from, to]) => renameField(yaml, schema, from, to), y)),
    ])
    const [ok, broken] = await Promise.all([tsc(same), tsc(drifted)])
    expect(ok.output).toBe('')
    expect(ok.code).toBe(0)
    expect(broken.code).not.toBe(0)
    for (const [, from, , file] of DRIFT) {
      expect(broken.output, `${file} uses ${from}`).toMatch(new RegExp(`src/vendors/caf/${file.replace('.', '\\.')}\\(\\d+,\\d+\\): error TS\\d+: .*'${from}'`))
    }
  }, 60_000)
})
