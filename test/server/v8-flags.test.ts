// The V8 flags `serve` changes while it runs can be put back for a moment: V8 refuses a code
// cache made under other flag values than its own, so bin/token-sandbox.js makes the bundle's
// cache with them at their defaults.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Script } from 'node:vm'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { resetV8Flag, setV8Flag, withDefaultV8Flags } from '../../src/server/v8-flags.ts'

const SOURCE = 'function twice(x) { return 2 * x }; twice(21)'

/** A code cache for SOURCE, made now (under the flags of this moment). */
function cacheNow(): Buffer {
  const script = new Script(SOURCE, { filename: 'v8-flags-probe.js' })
  script.runInThisContext()
  return script.createCachedData()
}

const dir = mkdtempSync(join(tmpdir(), 'token-sandbox-v8-flags-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * Whether a fresh Node process (V8's default flags, as the next `serve` has) takes `cache`. Not
 * this process: V8 keeps what it compiled in memory and would not even read the cache.
 */
function accepted(cache: Buffer): boolean {
  const file = join(dir, 'probe.cache')
  writeFileSync(file, cache)
  const reader = `const { Script } = require('node:vm'); const cachedData = require('node:fs').readFileSync(${JSON.stringify(file)})
process.stdout.write(String(new Script(${JSON.stringify(SOURCE)}, { filename: 'v8-flags-probe.js', cachedData }).cachedDataRejected))`
  const out = spawnSync(process.execPath, ['-e', reader], { encoding: 'utf8', timeout: 30_000 })
  if (out.stdout !== 'true' && out.stdout !== 'false') throw new Error(`the reader failed: ${out.stderr}`)
  return out.stdout === 'false'
}

describe('V8 flags changed by the server', () => {
  afterEach(() => {
    resetV8Flag('semi-space-growth-factor')
    resetV8Flag('parallel-scavenge')
  })

  it('make a code cache made while they are changed useless to a process with the defaults', () => {
    setV8Flag('semi-space-growth-factor', '1')
    const cache = cacheNow()
    resetV8Flag('semi-space-growth-factor')
    expect(accepted(cache)).toBe(false)
  })

  it('are at their defaults inside withDefaultV8Flags: a cache made there is taken', () => {
    setV8Flag('semi-space-growth-factor', '1')
    setV8Flag('parallel-scavenge', false)
    const cache = withDefaultV8Flags(cacheNow)
    resetV8Flag('semi-space-growth-factor')
    resetV8Flag('parallel-scavenge')
    expect(accepted(cache)).toBe(true)
  })

  it('are changed back after withDefaultV8Flags, also when its function throws', () => {
    setV8Flag('semi-space-growth-factor', '1')
    expect(() =>
      withDefaultV8Flags(() => {
        throw new Error('boom')
      }),
    ).toThrow('boom')
    const cache = cacheNow() // made with the factor back at 1
    resetV8Flag('semi-space-growth-factor')
    expect(accepted(cache)).toBe(false)
  })

  it('leave nothing to put back once reset to the default', () => {
    setV8Flag('semi-space-growth-factor', '1')
    setV8Flag('semi-space-growth-factor', '2')
    let cache: Buffer | null = null
    withDefaultV8Flags(() => {
      cache = cacheNow()
    })
    expect(accepted(cacheNow())).toBe(true)
    expect(accepted(cache!)).toBe(true)
  })
})
