import { describe, expect, it } from 'vitest'
import { createIds } from '../../src/core/ids.ts'

describe('ids', () => {
  it('are the same sequence for the same seed', () => {
    const a = createIds('seed-1')
    const b = createIds('seed-1')
    expect([a.hex(24), a.uuid(), a.secret(16)]).toEqual([b.hex(24), b.uuid(), b.secret(16)])
  })

  it('differ between seeds, and are random without one', () => {
    expect(createIds('seed-1').hex(24)).not.toBe(createIds('seed-2').hex(24))
    expect(createIds().hex(24)).not.toBe(createIds().hex(24))
  })

  it('have the documented shapes', () => {
    const ids = createIds('shapes')
    expect(ids.hex(24)).toMatch(/^[a-f0-9]{24}$/)
    expect(ids.hex(7)).toMatch(/^[a-f0-9]{7}$/)
    expect(ids.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(ids.secret(40)).toMatch(/^[A-Za-z0-9]{40}$/)
  })

  it('do not repeat within a long run', () => {
    const ids = createIds('unique')
    const seen = new Set(Array.from({ length: 10_000 }, () => ids.hex(24)))
    expect(seen.size).toBe(10_000)
  })
})
