// The ComplyCube handlers follow the contract through its generated types: with fields renamed in
// the contract and the types regenerated, `tsc` must fail on the handlers that still use the old
// names, while the types regenerated from the untouched contracts type-check. The compiler runs
// in-process on the checkout, the regenerated types read in place of src/generated/ (no copy).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../src/contract/tools/generate.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import { Compiler, ContractTypes, type TscResult } from '../support/typecheck.ts'

const HANDLERS = ['src/vendors/complycube/token-route.ts', 'src/vendors/complycube/clients.ts', 'src/vendors/complycube/errors.ts']
const CA_HANDLERS = ['src/vendors/ca/token-route.ts', 'src/vendors/ca/accounts.ts', 'src/vendors/ca/links.ts', 'src/vendors/ca/errors.ts', 'src/vendors/ca/store.ts']
/** The sandbox surface's handlers (contracts/sandbox.yaml): its own routes and each registered vendor's admin routes. */
const ADMIN_HANDLERS = ['src/admin/routes.ts', ...Object.keys(vendorDefinitions).map((name) => `src/vendors/${name}/admin.ts`).filter((f) => existsSync(join(ROOT, f)))]
const compiler = new Compiler()
const contractTypes = new ContractTypes()
afterAll(() => contractTypes.dispose())

/** `tsc -p tsconfig.handlers.json` for a tsconfig that extends the project's with `handlers` only, on `generated` types. */
function tsc(generated: Map<string, string>, handlers = HANDLERS): TscResult {
  return compiler.check(join(ROOT, 'tsconfig.handlers.json'), { extends: './tsconfig.json', include: [], files: handlers }, generated)
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
      contractTypes.regenerate('complycube', (y) => y),
      contractTypes.regenerate('complycube', (y) => renameField(renameField(y, 'TokenResponse', 'token', 'sdkToken'), 'Client', 'createdAt', 'created_at')),
    ])
    const [ok, broken] = [tsc(same), tsc(drifted)]
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
      contractTypes.regenerate('ca', (y) => y),
      contractTypes.regenerate('ca', (y) => renameField(renameField(renameField(y, 'TokenResponse', 'token', 'jwt'), 'LinkedAccounts', 'cards', 'linked_cards'), 'Error', 'error_code', 'code')),
    ])
    const [ok, broken] = [tsc(same, CA_HANDLERS), tsc(drifted, CA_HANDLERS)]
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
    const [same, drifted] = await Promise.all([contractTypes.regenerate('sandbox', (y) => y), contractTypes.regenerate('sandbox', drift)])
    const [ok, broken] = [tsc(same, ADMIN_HANDLERS), tsc(drifted, ADMIN_HANDLERS)]
    expect(ok.output).toBe('')
    expect(ok.code).toBe(0)
    expect(broken.code).not.toBe(0)
    expect(broken.output).toMatch(/src\/admin\/routes\.ts\(\d+,\d+\): error TS\d+: .*'vendors'/)
    expect(broken.output).toMatch(/src\/vendors\/complycube\/admin\.ts\(\d+,\d+\): error TS\d+: .*'revoked'/)
    expect(broken.output).toMatch(/src\/vendors\/caf\/admin\.ts\(\d+,\d+\): error TS\d+: .*client_secret/)
    expect(broken.output).toMatch(/src\/vendors\/ca\/admin\.ts\(\d+,\d+\): error TS\d+: .*'added'/)
  }, 60_000)
})
