// bin/token-sandbox.js loads the CLI bundle with V8's code cache (dist/cli.cjs.cache), made by
// `npm run build` from a training `serve` (scripts/code-cache.mjs) and remade by the first run
// after it is missing or refused. A cache must only ever make start-up faster: a missing,
// damaged or foreign one changes nothing the CLI does.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../src/contract/tools/generate.ts'

const BIN = `${ROOT}bin/token-sandbox.js`
const CACHE = `${ROOT}dist/cli.cjs.cache`
const version = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version
const run = (args: string[], env: Record<string, string> = {}) =>
  execFileSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, TOKEN_SANDBOX_FROM_SOURCE: '', TOKEN_SANDBOX_CODE_CACHE: '', ...env } })

/** Whether a fresh Node process takes `cache` for the bundle, wrapped as the bin wraps it. */
function v8Takes(cache: Buffer): boolean {
  const file = `${CACHE}.probe-${process.pid}`
  writeFileSync(file, cache)
  try {
    const reader = `const { readFileSync } = require('node:fs'); const { Script } = require('node:vm'); const bundle = ${JSON.stringify(`${ROOT}dist/cli.cjs`)}
const source = '(function (exports, require, module, __filename, __dirname) { ' + readFileSync(bundle, 'utf8') + '\\n})'
process.stdout.write(String(new Script(source, { filename: bundle, cachedData: readFileSync(${JSON.stringify(file)}) }).cachedDataRejected))`
    const out = execFileSync(process.execPath, ['-e', reader], { encoding: 'utf8', timeout: 30_000 })
    return out === 'false'
  } finally {
    rmSync(file, { force: true })
  }
}

describe('the CLI bundle’s code cache', () => {
  // These tests remake the cache from `--version` runs; the build's own goes back afterwards.
  let built: Buffer
  beforeAll(() => {
    built = readFileSync(CACHE)
  })
  afterAll(() => {
    writeFileSync(CACHE, built)
  })

  it('is made by the build, next to the bundle, from a serve that answered requests', () => {
    expect(existsSync(`${ROOT}dist/cli.cjs`)).toBe(true)
    expect(built.length).toBeGreaterThan(10_000)
    expect(v8Takes(built)).toBe(true)
    expect(v8Takes(Buffer.from('not a V8 code cache'))).toBe(false) // the probe can tell
    // A cache holds what was compiled when it was written: `--version` compiles the bundle's top
    // level only, the build's training serve also what start-up and first requests call.
    rmSync(CACHE, { force: true })
    run(['--version'])
    expect(built.length).toBeGreaterThan(statSync(CACHE).size * 1.2)
  })

  it('is rewritten at exit when a training run asks, even over a valid one', () => {
    writeFileSync(CACHE, built)
    expect(run(['--version'], { TOKEN_SANDBOX_CODE_CACHE: 'write-at-exit' }).trim()).toBe(version)
    const remade = readFileSync(CACHE)
    expect(remade.equals(built)).toBe(false)
    expect(remade.length).toBeGreaterThan(10_000)
  })

  it('is remade by the next run when it is damaged, and the run answers as usual', () => {
    writeFileSync(CACHE, Buffer.from('not a V8 code cache at all'))
    expect(run(['--version']).trim()).toBe(version)
    expect(statSync(CACHE).size).toBeGreaterThan(10_000)
    expect(readFileSync(CACHE).subarray(0, 26).toString()).not.toBe('not a V8 code cache at all')
  })

  it('is remade when missing, and used as is when valid', () => {
    rmSync(CACHE, { force: true })
    expect(run(['--version']).trim()).toBe(version)
    const made = readFileSync(CACHE)
    expect(run(['--version']).trim()).toBe(version)
    expect(readFileSync(CACHE).equals(made)).toBe(true)
  })

  it('keeps run-time imports working inside the bundle: all go through one helper the bin serves', () => {
    // A bare import() in the bundle would fail under the vm.Script: only the helper's may remain.
    expect(readFileSync(`${ROOT}dist/cli.cjs`, 'utf8').match(/\bimport\(/g)).toHaveLength(1)
    // `contract --help` loads the contract runner through it, and the sources through tsx.
    expect(run(['contract', '--help'])).toMatch(/^usage: token-sandbox contract/)
  })
})
