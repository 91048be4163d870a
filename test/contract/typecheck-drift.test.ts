// The ComplyCube handlers follow the contract through its generated types: in a copy of the
// repository, renaming fields in the contract and regenerating must make `tsc` fail on the
// handlers that still use the old names, while the untouched copy type-checks.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT, generateAll } from '../../src/contract/tools/generate.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'

const HANDLERS = ['src/vendors/complycube/token-route.ts', 'src/vendors/complycube/clients.ts', 'src/vendors/complycube/errors.ts']
const CA_HANDLERS = ['src/vendors/ca/token-route.ts', 'src/vendors/ca/accounts.ts', 'src/vendors/ca/links.ts', 'src/vendors/ca/errors.ts', 'src/vendors/ca/store.ts']
/** The sandbox surface's handlers (contracts/sandbox.yaml): its own routes and each registered vendor's admin routes. */
const ADMIN_HANDLERS = ['src/admin/routes.ts', ...Object.keys(vendorDefinitions).map((name) => `src/vendors/${name}/admin.ts`).filter((f) => existsSync(join(ROOT, f)))]
const work = await mkdtemp(join(tmpdir(), 'token-sandbox-drift-'))
afterAll(() => rm(work, { recursive: true, force: true }))

/** A copy with contracts, src, fixtures and tsconfig, types regenerated, and a tsconfig for the handlers only. */
async function copyRepo(name: string, editContract: (yaml: string) => string, contractName = 'complycube', handlers = HANDLERS): Promise<string> {
  const dir = join(work, name)
  await cp(join(ROOT, 'contracts'), join(dir, 'contracts'), { recursive: true })
  await cp(join(ROOT, 'src'), join(dir, 'src'), { recursive: true })
  // The registry's vendors read their default seeds from fixtures/.
  await cp(join(ROOT, 'fixtures'), join(dir, 'fixtures'), { recursive: true })
  await cp(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'))
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
  const contract = join(dir, 'contracts', `${contractName}.yaml`)
  await writeFile(contract, editContract(await readFile(contract, 'utf8')))
  await generateAll(join(dir, 'contracts'), join(dir, 'src', 'generated'))
  await writeFile(join(dir, 'tsconfig.handlers.json'), JSON.stringify({ extends: './tsconfig.json', include: [], files: handlers }))
  return dir
}

function tsc(dir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.handlers.json', '--pretty', 'false'], { cwd: dir })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c))
    child.stderr.on('data', (c: Buffer) => (output += c))
    child.on('close', (code) => resolve({ code, output }))
  })
}

/** Renames a property inside one schema of components.schemas (its `required` list too). */
function renameField(yaml: string, schema: string, from: string, to: string): string {
  const start = yaml.indexOf(`\n    ${schema}:\n`)
  expect(start, `schema ${schema} in the contract`).toBeGreaterThan(0)
  const end = yaml.slice(start + 1).search(/\n    \S/) + start + 1
  const block = yaml
    .slice(start, end)
    .replace(new RegExp(`(required: \\[[^\\]]*)\\b${from}\\b`), `$1${to}`)
    .replace(new RegExp(`\\n(\\s+)${from}:`), `\n$1${to}:`)
  expect(block).not.toBe(yaml.slice(start, end))
  return yaml.slice(0, start) + block + yaml.slice(end)
}

describe('a contract change the handlers do not follow', () => {
  it('fails tsc on the handlers (and the untouched copy passes)', async () => {
    const [same, drifted] = await Promise.all([
      copyRepo('same', (y) => y),
      copyRepo('drifted', (y) => renameField(renameField(y, 'TokenResponse', 'token', 'sdkToken'), 'Client', 'createdAt', 'created_at')),
    ])
    const [ok, broken] = await Promise.all([tsc(same), tsc(drifted)])
    expect(ok.output).toBe('')
    expect(ok.code).toBe(0)
    expect(broken.code).not.toBe(0)
    expect(broken.output).toMatch(/src\/vendors\/complycube\/token-route\.ts\(\d+,\d+\): error TS\d+: .*'token'/)
    expect(broken.output).toMatch(/src\/vendors\/complycube\/clients\.ts\(\d+,\d+\): error TS\d+: .*createdAt/)
  }, 60_000)
})

describe('a CA contract change the handlers do not follow', () => {
  it('fails tsc on the CA handlers (and the untouched copy passes)', async () => {
    const [same, drifted] = await Promise.all([
      copyRepo('ca-same', (y) => y, 'ca', CA_HANDLERS),
      copyRepo(
        'ca-drifted',
        (y) => renameField(renameField(renameField(y, 'TokenResponse', 'token', 'jwt'), 'LinkedAccounts', 'cards', 'linked_cards'), 'Error', 'error_code', 'code'),
        'ca',
        CA_HANDLERS,
      ),
    ])
    const [ok, broken] = await Promise.all([tsc(same), tsc(drifted)])
    expect(ok.output).toBe('')
    expect(ok.code).toBe(0)
    expect(broken.code).not.toBe(0)
    expect(broken.output).toMatch(/src\/vendors\/ca\/token-route\.ts\(\d+,\d+\): error TS\d+: .*'token'/)
    expect(broken.output).toMatch(/src\/vendors\/ca\/accounts\.ts\(\d+,\d+\): error TS\d+: .*cards/)
    expect(broken.output).toMatch(/src\/vendors\/ca\/errors\.ts\(\d+,\d+\): error TS\d+: .*error_code/)
  }, 60_000)
})

describe('a sandbox-surface contract change the admin handlers do not follow', () => {
  it('fails tsc on the admin handlers of the sandbox and of every vendor (and the untouched copy passes)', async () => {
    const drift = (y: string) =>
      [
        ['VendorList', 'vendors', 'items'],
        ['RevokeResult', 'revoked', 'is_revoked'],
        ['CafCreatedKey', 'clientSecret', 'client_secret'],
        ['CaAddedCard', 'added', 'is_new'],
      ].reduce((yaml, [schema, from, to]) => renameField(yaml, schema!, from!, to!), y)
    const [same, drifted] = await Promise.all([
      copyRepo('admin-same', (y) => y, 'sandbox', ADMIN_HANDLERS),
      copyRepo('admin-drifted', drift, 'sandbox', ADMIN_HANDLERS),
    ])
    // The admin routes reach modules that use import.meta: the copies must be ES modules too.
    await Promise.all([same, drifted].map((dir) => cp(join(ROOT, 'package.json'), join(dir, 'package.json'))))
    const [ok, broken] = await Promise.all([tsc(same), tsc(drifted)])
    expect(ok.output).toBe('')
    expect(ok.code).toBe(0)
    expect(broken.code).not.toBe(0)
    expect(broken.output).toMatch(/src\/admin\/routes\.ts\(\d+,\d+\): error TS\d+: .*'vendors'/)
    expect(broken.output).toMatch(/src\/vendors\/complycube\/admin\.ts\(\d+,\d+\): error TS\d+: .*'revoked'/)
    expect(broken.output).toMatch(/src\/vendors\/caf\/admin\.ts\(\d+,\d+\): error TS\d+: .*client_secret/)
    expect(broken.output).toMatch(/src\/vendors\/ca\/admin\.ts\(\d+,\d+\): error TS\d+: .*'added'/)
  }, 60_000)
})
