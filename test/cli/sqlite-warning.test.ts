// node:sqlite is experimental on Node 22, which prints an ExperimentalWarning the first time it
// is loaded. `serve --state` loads it, but the user asked for a state file, not for an
// experimental feature: the CLI's process does not print that one warning, and prints every other.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { startServe } from '../support/serve-child.ts'

const dir = mkdtempSync(join(tmpdir(), 'token-sandbox-warning-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// The Node 22 this machine's checks run the supported lines with; skipped where there is none.
const NODE22 = process.env.TOKEN_SANDBOX_NODE22 ?? join(homedir(), '.cache/token-sandbox-node22/node_modules/.bin/node')
const BIN = fileURLToPath(new URL('../../bin/token-sandbox.js', import.meta.url))
const HIDE = fileURLToPath(new URL('../../src/cli/sqlite-warning.ts', import.meta.url))

describe.skipIf(!existsSync(NODE22))('on Node 22', () => {
  it('node:sqlite alone prints the ExperimentalWarning (what there is to hide)', () => {
    const r = spawnSync(NODE22, ['-e', "require('node:sqlite')"], { encoding: 'utf8', timeout: 30_000 })
    expect(r.stderr).toMatch(/ExperimentalWarning: SQLite is an experimental feature/)
  })

  it('`serve --state` (the built CLI) prints no warning', async () => {
    const serve = await startServe(['--quiet', '--state', join(dir, 'built.db')], {}, 30_000, [NODE22, BIN])
    await serve.kill()
    expect(serve.stdout()).toContain('(created from the seed)')
    expect(serve.stderr()).toBe('')
  }, 60_000)

  it('other warnings are still printed, the SQLite one is still an event', () => {
    const script = `
      const { hideSqliteExperimentalWarning } = await import(${JSON.stringify(HIDE)})
      hideSqliteExperimentalWarning()
      const seen = []
      process.on('warning', (w) => seen.push(w.name))
      await import('node:sqlite')
      process.emitWarning('something else', 'DeprecationWarning')
      setTimeout(() => console.log(JSON.stringify(seen)), 20)`
    const tsx = import.meta.resolve('tsx')
    const r = spawnSync(NODE22, ['--import', tsx, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 })
    expect(r.stderr).not.toMatch(/SQLite is an experimental feature/)
    expect(r.stderr).toMatch(/DeprecationWarning: something else/)
    expect(JSON.parse(r.stdout)).toEqual(['ExperimentalWarning', 'DeprecationWarning'])
  })
})
