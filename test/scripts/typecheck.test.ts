// Every tsc run of the suite, through one in-process compiler (test/support/typecheck.ts: tsc's
// diagnostics and exit status) that parses lib.*.d.ts, @types and the sources once for all of
// them and checks each program after the previous one as `tsc --incremental` would:
//
// - The whole project type-checks: `tsc --noEmit` over src, mocks, test, bench and bin, as
//   `npm run typecheck` runs it.
// - The handlers follow the contracts through their generated types: with fields renamed in a
//   contract and the types regenerated, `tsc` must fail on the handlers that still use the old
//   names, while the types regenerated from the untouched contracts type-check. The regenerated
//   types are read in place of src/generated/ (no copy of the repository); after the first, a
//   check re-checks only the files the changed types reach.
// - A consumer's TypeScript project type-checks against the declarations the package ships.
//
// One file, so one compiler: apart, each of these parsed the same declarations anew.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import { ROOT } from '../support/paths.ts'
import { ContractTypes } from '../support/contract-types.ts'
import { Compiler, type TscResult } from '../support/typecheck.ts'

const compiler = new Compiler()
const contractTypes = new ContractTypes()
afterAll(() => contractTypes.dispose())

it('tsc --noEmit reports no error in the project', () => {
  const r = compiler.check(join(ROOT, 'tsconfig.json'))
  expect(r.output).toBe('')
  expect(r.code).toBe(0)
}, 300_000)

const HANDLERS = ['src/vendors/complycube/token-route.ts', 'src/vendors/complycube/clients.ts', 'src/vendors/complycube/errors.ts']
const CA_HANDLERS = ['src/vendors/ca/token-route.ts', 'src/vendors/ca/accounts.ts', 'src/vendors/ca/links.ts', 'src/vendors/ca/errors.ts', 'src/vendors/ca/store.ts']
/** The sandbox surface's handlers (contracts/sandbox.yaml): its own routes and each registered vendor's admin routes. */
const ADMIN_HANDLERS = ['src/admin/routes.ts', ...Object.keys(vendorDefinitions).map((name) => `src/vendors/${name}/admin.ts`).filter((f) => existsSync(join(ROOT, f)))]
const CAF_HANDLERS = ['src/vendors/caf/faces.ts', 'src/vendors/caf/bff.ts', 'src/vendors/caf/token-check.ts', 'src/vendors/caf/errors.ts']

/** `tsc -p tsconfig.handlers.json` for a tsconfig that extends the project's with `handlers` only, on `generated` types. */
function tsc(generated: Map<string, string>, handlers: string[]): TscResult {
  return compiler.check(join(ROOT, 'tsconfig.handlers.json'), { extends: './tsconfig.json', include: [], files: handlers }, generated)
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

describe('a contract change the handlers do not follow', () => {
  it('fails tsc on the handlers (and the untouched copy passes)', async () => {
    const [same, drifted] = await Promise.all([
      contractTypes.regenerate('complycube', (y) => y),
      contractTypes.regenerate('complycube', (y) => renameField(renameField(y, 'TokenResponse', 'token', 'sdkToken'), 'Client', 'createdAt', 'created_at')),
    ])
    const [ok, broken] = [tsc(same, HANDLERS), tsc(drifted, HANDLERS)]
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

const CAF_DRIFT: [schema: string, from: string, to: string, file: string][] = [
  ['SessionTokenResult', 'sessionToken', 'session_token', 'bff.ts'],
  ['FaceAuthentication', 'isMatch', 'is_match', 'faces.ts'],
  ['TokenVerification', 'status', 'state', 'token-check.ts'],
  ['Error', 'message', 'error', 'errors.ts'],
]

describe('a CAF contract change the handlers do not follow', () => {
  it('fails tsc on each CAF handler answering with a renamed field (and the untouched copy passes)', async () => {
    const [same, drifted] = await Promise.all([
      contractTypes.regenerate('caf', (y) => y),
      contractTypes.regenerate('caf', (y) => CAF_DRIFT.reduce((yaml, [schema, from, to]) => renameField(yaml, schema, from, to), y)),
    ])
    const [ok, broken] = [tsc(same, CAF_HANDLERS), tsc(drifted, CAF_HANDLERS)]
    expect(ok.output).toBe('')
    expect(ok.code).toBe(0)
    expect(broken.code).not.toBe(0)
    for (const [, from, , file] of CAF_DRIFT) {
      expect(broken.output, `${file} uses ${from}`).toMatch(new RegExp(`src/vendors/caf/${file.replace('.', '\\.')}\\(\\d+,\\d+\\): error TS\\d+: .*'${from}'`))
    }
  }, 60_000)
})

// A TypeScript project that installs token-sandbox type-checks against its declarations
// (dist/types, made by the build), with its own compiler settings: the sources import each
// other with `.ts` extensions, which a consumer's compiler refuses (TS5097) unless it sets
// allowImportingTsExtensions, so the package must not hand them out as its types.

const dir = mkdtempSync(join(tmpdir(), 'token-sandbox-consumer-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// The consumer: token-sandbox in its node_modules (the checkout, as `npm link` would put it).
mkdirSync(join(dir, 'node_modules'))
symlinkSync(ROOT.replace(/\/$/, ''), join(dir, 'node_modules', 'token-sandbox'), 'dir')
writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }))

const CONSUMER = `import { createSandbox, startServer, type SandboxOptions } from 'token-sandbox'
import { createHandlers } from 'token-sandbox/mocks'
import { setupSandboxServer } from 'token-sandbox/mocks/node'
import { complycubeSuite } from 'token-sandbox/contract'

const options: SandboxOptions = { seed: 'consumer', journalSize: 10 }
const sandbox = createSandbox(options)
const token: string = await sandbox.complycube.issueToken({ environment: 'sandbox', clientId: '5eb04fcd0f3e360008035eb1' })
// @ts-expect-error: ComplyCube has no such environment
await sandbox.complycube.issueToken({ environment: 'staging', clientId: '5eb04fcd0f3e360008035eb1' })
const running = await startServer({ port: 0 })
export const used = [token, running.url, typeof createHandlers, typeof setupSandboxServer, typeof complycubeSuite]
`

function typeCheck(name: string, compilerOptions: Record<string, unknown>, source = CONSUMER, file = 'index.ts'): { status: number; out: string } {
  const project = join(dir, name)
  mkdirSync(project, { recursive: true })
  writeFileSync(join(project, file), source)
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')], ...compilerOptions },
      files: [file],
    }),
  )
  const r = compiler.check(join(project, 'tsconfig.json'))
  return { status: r.code, out: r.output }
}

describe('token-sandbox’s types, seen from a TypeScript project that installs it', () => {
  it('point every entry point at a declaration file, under import and require alike', () => {
    type Target = { types?: string; import?: Target; require?: Target }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, string | Target> }
    for (const [entry, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') continue
      const conditions = target.import || target.require ? [target.import, target.require] : [target]
      for (const t of conditions) expect(t?.types, entry).toMatch(/^\.\/dist\/types\/.+\.d\.ts$/)
    }
  })

  it('type-check under NodeNext resolution, without allowImportingTsExtensions', () => {
    const r = typeCheck('nodenext', { module: 'NodeNext', moduleResolution: 'NodeNext' })
    expect(r.out).toBe('')
    expect(r.status).toBe(0)
  }, 120_000)

  it('type-check under a bundler’s resolution', () => {
    const r = typeCheck('bundler', { module: 'ESNext', moduleResolution: 'Bundler' })
    expect(r.out).toBe('')
    expect(r.status).toBe(0)
  }, 120_000)

  it('type-check a CommonJS file, whose imports take the require condition (TypeScript 5.8+)', () => {
    const source = `import { createSandbox } from 'token-sandbox'
import { setupSandboxServer } from 'token-sandbox/mocks/node'
const sandbox = createSandbox({ seed: 'commonjs' })
const { server } = setupSandboxServer({ sandbox, onUnhandled: 'error' })
export const used: [() => void, number] = [() => server.listen(), sandbox.bodyLimit]
`
    const r = typeCheck('commonjs', { module: 'NodeNext', moduleResolution: 'NodeNext' }, source, 'index.cts')
    expect(r.out).toBe('')
    expect(r.status).toBe(0)
  }, 120_000)

  it('still catch the consumer’s own type errors (the check can fail)', () => {
    const r = typeCheck('wrong', { module: 'NodeNext', moduleResolution: 'NodeNext' }, `${CONSUMER}\nexport const limit: string = sandbox.bodyLimit\n`)
    expect(r.status).not.toBe(0)
    expect(r.out).toMatch(/index\.ts\(\d+,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/)
  }, 120_000)
})
