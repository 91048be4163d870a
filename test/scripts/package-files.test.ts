// The published package holds every file an export, the bin or a command needs: what
// `npm pack --dry-run --json` lists (the build, `npm ci`'s preprepare, has made dist/).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/paths.ts'

interface Pkg {
  bin: Record<string, string>
  exports: Record<string, ExportTarget>
}
type ExportTarget = string | { [condition: string]: ExportTarget }
/** Every file an export names, under any condition (import/require, types/default). */
const filesOf = (target: ExportTarget): string[] => (typeof target === 'string' ? [target] : Object.values(target).flatMap(filesOf))
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Pkg

let packed: Set<string>
beforeAll(() => {
  // --ignore-scripts: the build already ran (pretest); prepack would only redo it.
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
  const [report] = JSON.parse(out) as { files: { path: string }[] }[]
  packed = new Set(report!.files.map((f) => f.path))
}, 150_000)

const strip = (p: string) => p.replace(/^\.\//, '')

describe('the packed token-sandbox', () => {
  it('holds the file of every export, its declarations and their chunks', () => {
    for (const [entry, target] of Object.entries(pkg.exports)) {
      for (const file of filesOf(target)) expect(packed.has(strip(file)), `${entry} → ${file}`).toBe(true)
    }
    // The library entries import shared chunks; the declarations import each other.
    for (const prefix of ['dist/lib/chunk-', 'dist/types/src/vendors/']) expect([...packed].some((p) => p.startsWith(prefix)), prefix).toBe(true)
  })

  it('holds the bin and what it loads', () => {
    for (const bin of Object.values(pkg.bin)) expect(packed.has(strip(bin)), bin).toBe(true)
    for (const file of ['dist/cli.mjs', 'package.json']) expect(packed.has(file), file).toBe(true)
    // The bundle's chunks: the contract command's own, loaded only by `contract`.
    expect([...packed].some((p) => /^dist\/cli-contract-\w+\.mjs$/.test(p)), 'dist/cli-contract-*.mjs').toBe(true)
  })

  it.each([
    ['serve', ['fixtures/complycube.json', 'fixtures/caf.json', 'fixtures/ca.json', 'contracts/complycube.yaml']],
    ['demo', ['examples/web-sdk-demo/index.html', 'examples/web-sdk-demo/demo.js', 'examples/web-sdk-demo/demo.css', 'dist/browser/token-sandbox.js', 'dist/browser/mockServiceWorker.js']],
    ['contract', ['dist/contract-run/suite.contract.mjs']],
  ])('holds what `token-sandbox %s` reads', (_command, files) => {
    for (const file of files) expect(packed.has(file), file).toBe(true)
  })

  it('leaves out the repository’s own tooling and tests', () => {
    expect([...packed].filter((p) => /^(test|bench|scripts|\.ci)\//.test(p) || p.includes('node_modules/'))).toEqual([])
  })

  it('ships built JavaScript and declarations only: no TypeScript sources, no source maps', () => {
    expect([...packed].filter((p) => /^(src|mocks)\//.test(p) || (p.endsWith('.ts') && !p.endsWith('.d.ts')) || p.endsWith('.map'))).toEqual([])
  })

  it('ships the CommonJS build of every entry that has a require condition', () => {
    const required = Object.entries(pkg.exports).flatMap(([entry, t]) => (typeof t === 'object' && t['require'] ? [[entry, filesOf(t['require'])] as const] : []))
    // ./contract's require target is the one-line ES-only error (scripts/build-cjs.mjs), shipped like the others.
    expect(required.map(([entry]) => entry)).toEqual(['.', './mocks', './mocks/node', './contract'])
    for (const [entry, files] of required) for (const file of files) expect(packed.has(strip(file)), `${entry} → ${file}`).toBe(true)
    expect(packed.has('dist/lib/node.cjs')).toBe(true)
  })
})
