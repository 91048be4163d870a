// bin/token-sandbox.js loads the CLI bundle with V8's code cache (dist/cli.cjs.cache), made by
// `npm run build` and remade by the first run after it is missing or refused. A cache must only
// ever make start-up faster: a missing, damaged or foreign one changes nothing the CLI does.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../../src/contract/tools/generate.ts'

const BIN = `${ROOT}bin/token-sandbox.js`
const CACHE = `${ROOT}dist/cli.cjs.cache`
const version = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version
const run = (...args: string[]) =>
  execFileSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, TOKEN_SANDBOX_FROM_SOURCE: '' } })

describe('the CLI bundle’s code cache', () => {
  it('is made by the build, next to the bundle', () => {
    expect(existsSync(`${ROOT}dist/cli.cjs`)).toBe(true)
    expect(statSync(CACHE).size).toBeGreaterThan(10_000)
  })

  it('is remade by the next run when it is damaged, and the run answers as usual', () => {
    writeFileSync(CACHE, Buffer.from('not a V8 code cache at all'))
    expect(run('--version').trim()).toBe(version)
    expect(statSync(CACHE).size).toBeGreaterThan(10_000)
    expect(readFileSync(CACHE).subarray(0, 26).toString()).not.toBe('not a V8 code cache at all')
  })

  it('is remade when missing, and used as is when valid', () => {
    rmSync(CACHE, { force: true })
    expect(run('--version').trim()).toBe(version)
    const made = readFileSync(CACHE)
    expect(run('--version').trim()).toBe(version)
    expect(readFileSync(CACHE).equals(made)).toBe(true)
  })

  it('keeps run-time imports working inside the bundle: all go through one helper the bin serves', () => {
    // A bare import() in the bundle would fail under the vm.Script: only the helper's may remain.
    expect(readFileSync(`${ROOT}dist/cli.cjs`, 'utf8').match(/\bimport\(/g)).toHaveLength(1)
    // `contract --help` loads the contract runner through it, and the sources through tsx.
    expect(run('contract', '--help')).toMatch(/^usage: token-sandbox contract/)
  })
})
