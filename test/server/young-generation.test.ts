import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { capYoungGeneration } from '../../src/server/young-generation.ts'

// Each run is a fresh process: the new space's size is process-wide and only grows under load.
const FIXTURE = fileURLToPath(new URL('./fixtures/young-generation-load.ts', import.meta.url))
const MiB = 1024 * 1024
const largestNewSpace = (capMiB: number) =>
  (JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', FIXTURE, String(capMiB)], { encoding: 'utf8', timeout: 30_000 })) as { largest: number }).largest

describe('the young-generation cap (token-sandbox serve: RSS under load)', () => {
  // Skipped: on Node 22+ (the package's engines now) V8 grows the new space past the cap (9-12 MiB
  // for a 2 MiB cap). The cap is being removed on another branch.
  it.skip('keeps the new space at two semi-spaces of the cap while V8 alone grows it past that', () => {
    const uncapped = largestNewSpace(0)
    const capped = largestNewSpace(2)
    expect(uncapped).toBeGreaterThan(4 * MiB)
    expect(capped).toBeLessThanOrEqual(4 * MiB)
  })

  it('refuses a cap under 1 MiB', () => {
    expect(() => capYoungGeneration(0)).toThrow(RangeError)
    expect(() => capYoungGeneration(Number.NaN)).toThrow(RangeError)
  })
})
