// The sandbox surface's in-process methods (what /__sandbox's routes call).
import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../src/node/sandbox.ts'

/** Every ISO 8601 instant in the sandbox's state, as epoch ms. */
const instants = (sandbox: ReturnType<typeof createSandbox>) => {
  const { savedAt: _, ...state } = sandbox.snapshot() as unknown as Record<string, unknown>
  return [...JSON.stringify(state).matchAll(/"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)"/g)].map((m) => Date.parse(m[1]!))
}

describe('reset', () => {
  it('after the clock moved 61 minutes on, dates the seed by real time, not the moved clock', () => {
    const sandbox = createSandbox()
    sandbox.clock.advance(61 * 60_000)
    sandbox.reset()
    expect(sandbox.clock.state()).toMatchObject({ frozen: false })
    expect(Math.abs(sandbox.clock.state().offsetMs)).toBeLessThan(1_000)
    const seen = instants(sandbox)
    expect(seen.length).toBeGreaterThan(0)
    for (const t of seen) expect(t, new Date(t).toISOString()).toBeLessThanOrEqual(Date.now() + 1_000)
  })
})
