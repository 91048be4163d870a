// `token-sandbox serve` loads only the Node built-ins serving needs before it listens: each
// built-in is compiled at start-up, and `serve` is started hundreds of times a day in CI.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/paths.ts'

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

function loaded(args: string[], env: Record<string, string> = {}): Promise<string[]> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ['-r', preload, `${ROOT}bin/token-sandbox.js`, 'serve', '--port', '0', '--quiet', ...args],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, DEBUG: '', ...env } },
      (_err, _stdout, stderr) => {
        const line = /^MODULES (.*)$/m.exec(stderr)
        if (line) resolve(line[1]!.split(','))
        else reject(new Error(`serve did not listen:\n${stderr}`))
      },
    ),
  )
}

describe('the built-ins `serve` loads before it listens (the built CLI)', () => {
  it('are what serving needs: http, crypto; not the terminal, nor v8', async () => {
    // No terminal probing (colour support and the like), nor V8 flags, even when DEBUG is set. The two starts at once.
    const [modules, withDebug] = await Promise.all([loaded([]), loaded([], { DEBUG: '*' })])
    for (const needed of ['http', 'crypto']) expect(modules).toContain(needed)
    for (const spared of ['tty', 'v8']) {
      expect(modules).not.toContain(spared)
      expect(withDebug).not.toContain(spared)
    }
  })
})

/** The modules `file` imports statically (what loading it loads), following its own chunks. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  const code = readFileSync(`${ROOT}dist/${file}`, 'utf8')
  for (const [, specifier] of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w$*{}\s,]*?from\s*)?["']([^"']+)["']/g)) {
    if (seen.has(specifier!)) continue
    seen.add(specifier!)
    if (specifier!.startsWith('./')) staticImports(specifier!.slice(2), seen)
  }
  return seen
}

describe('the CLI bundle', () => {
  it('loads vitest only for `contract`: serve neither loads it nor needs it installed', () => {
    const loaded = [...staticImports('cli.mjs')]
    expect(loaded).toContain('node:http')
    expect(loaded.filter((m) => m.startsWith('vitest'))).toEqual([])
  })
})

