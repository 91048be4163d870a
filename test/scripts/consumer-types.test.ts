// A TypeScript project that installs token-sandbox type-checks against its declarations
// (dist/types, made by the build), with its own compiler settings: the sources import each
// other with `.ts` extensions, which a consumer's compiler refuses (TS5097) unless it sets
// allowImportingTsExtensions, so the package must not hand them out as its types. The compiler
// runs in-process (tsc's diagnostics and exit status), keeping parsed declarations between checks.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/paths.ts'
import { Compiler } from '../support/typecheck.ts'

const compiler = new Compiler()
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
