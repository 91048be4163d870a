// `token-sandbox serve` loads only the Node built-ins serving needs before it listens: each
// built-in is compiled at start-up, and `serve` is started hundreds of times a day in CI.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../src/contract/tools/generate.ts'

const dir = mkdtempSync(join(tmpdir(), 'token-sandbox-modules-'))
const preload = join(dir, 'report-modules.cjs')
// Prints the built-ins loaded once the server listens (the bin and the bundle are loaded by then), and exits.
writeFileSync(
  preload,
  `const http = require('node:http'); const listen = http.Server.prototype.listen
http.Server.prototype.listen = function (...args) {
  this.once('listening', () => { process.stderr.write('MODULES ' + process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)).join(',') + '\\n'); process.exit(0) })
  return listen.apply(this, args)
}
`,
)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function loaded(args: string[], env: Record<string, string> = {}): string[] {
  const r = spawnSync(process.execPath, ['-r', preload, `${ROOT}bin/token-sandbox.js`, 'serve', '--port', '0', '--quiet', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, TOKEN_SANDBOX_FROM_SOURCE: '', DEBUG: '', ...env },
  })
  const line = /^MODULES (.*)$/m.exec(r.stderr)
  if (!line) throw new Error(`serve did not listen:\n${r.stderr}`)
  return line[1]!.split(',')
}

describe('the built-ins `serve` loads before it listens (the built CLI)', () => {
  // Skipped: on Node 22+ (the package's engines now) `serve` loads internal/modules/esm/loader
  // before it listens. The start-up tuning this guards is being removed on another branch.
  it.skip('are what serving needs: http, crypto, v8; not fs/promises, the terminal, node:module or the ES module loader', () => {
    const modules = loaded([])
    for (const needed of ['http', 'crypto', 'v8']) expect(modules).toContain(needed)
    // fs/promises only for --state; tty/os probing only for @mswjs/data's debug logs when DEBUG
    // asks; node:module and the ES loader only for run-time imports (`contract`).
    for (const spared of ['internal/fs/promises', 'tty', 'module', 'internal/modules/esm/loader']) expect(modules).not.toContain(spared)
  })

  it('include fs/promises when a state file is kept', () => {
    const state = join(dir, 'state.json')
    expect(loaded(['--state', state])).toContain('internal/fs/promises')
  })

  it('include the terminal probing of @mswjs/data’s debug logs when DEBUG asks for them', () => {
    expect(loaded([], { DEBUG: 'token-sandbox-test-nothing' })).toContain('tty')
  })
})
