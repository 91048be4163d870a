// The browser bundle's build: an ESM file exporting the in-browser API, msw's worker script
// next to it, and a loud failure when a Node built-in creeps in.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { browserDist, refuseNodeBuiltins } from '../../scripts/build-browser.mjs'
import { requireBrowserSetup } from '../browser/support/chromium.ts'

describe('npm run build:browser', () => {
  it('writes dist/browser/token-sandbox.js, an ES module exporting setupSandboxWorker and createSandbox', () => {
    requireBrowserSetup()
    const code = readFileSync(join(browserDist, 'token-sandbox.js'), 'utf8')
    const exported = /export\s*\{([^}]*)\}\s*;?\s*(\/\/# sourceMappingURL=\S+\s*)?$/.exec(code)
    expect(exported, 'an ESM export list at the end of the bundle').not.toBeNull()
    const names = exported![1]!.split(',').map((p) => p.trim().split(/\s+as\s+/).pop())
    expect(names).toEqual(expect.arrayContaining(['setupSandboxWorker', 'createSandbox', 'createHandlers', 'decodeToken', 'mintCafToken']))
    // No require() of a Node module survived into the browser code.
    expect(code).not.toMatch(/require\(["'](node:)?(fs|path|http|crypto|os|child_process|net)["']\)/)
  })

  it('refuses a Node built-in, naming the file that imported it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ts-build-'))
    try {
      writeFileSync(join(dir, 'entry.ts'), "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n")
      const attempt = build({ absWorkingDir: dir, entryPoints: ['entry.ts'], bundle: true, write: false, platform: 'browser', format: 'esm', plugins: [refuseNodeBuiltins], logLevel: 'silent' })
      await expect(attempt).rejects.toThrow(/node:fs is a Node built-in; the browser bundle cannot use it \(imported by .*entry\.ts\)/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
