import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { prefersMainThreadScavenges } from '../../src/server/scavenger.ts'

const FIXTURE = fileURLToPath(new URL('./fixtures/scavenge-load.ts', import.meta.url))

describe('scavenges on the main thread (token-sandbox serve on two cores or fewer)', () => {
  it('is chosen on one or two cores only', () => {
    expect([1, 2, 3, 4, 16].map((cores) => prefersMainThreadScavenges(cores))).toEqual([true, true, false, false, false])
  })

  it('switches at run time, under allocation, and back, without losing an object', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', FIXTURE], { encoding: 'utf8', timeout: 60_000 })
    const result = JSON.parse(out.trim().split('\n').pop()!) as { kept: number; checksum: number; last: string }
    expect(result.last).toBe('payload-199-4999')
    expect(result.checksum).toBe(200 * 4999)
    expect(result.kept).toBeGreaterThan(25_000)
  })
})
