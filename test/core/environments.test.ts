// A vendor's environments, as the journal names them, are one list (src/sandbox.ts): its store's
// scopes plus any environment an extra base URL names. Fault rules, rate limits and /vendors all
// take that list, so what one accepts the others accept, and what none knows all refuse alike.
import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../src/node/sandbox.ts'
import { FaultError, RateLimitError } from '../../src/index.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import type { AnyVendor } from '../../src/core/vendor.ts'

// Any registered vendor will do: an extra base URL of its names an environment its store lacks.
const definition: AnyVendor = Object.values(vendorDefinitions)[0]!
const vendor = definition.name
const EXTRA = { base: 'https://partner.example/api', environment: 'partner' }
const withExtra = () => createSandbox({ baseUrls: { [vendor]: [EXTRA] } })
const environmentsOf = (sb: ReturnType<typeof createSandbox>) => sb.admin.vendors().find((v) => v.name === vendor)!.environments

describe("a vendor's environments", () => {
  it('/vendors lists the store scopes and the extra base URL environment', () => {
    const listed = environmentsOf(withExtra())
    expect(listed).toContain('partner')
    // Without the extra base URL, the store's scopes alone (as the vendor's seed makes them).
    const plain = environmentsOf(createSandbox())
    expect(plain).toEqual([...definition.store.scopes(definition.fixtures)])
    expect(plain).not.toContain('partner')
    expect(listed.filter((e) => e !== 'partner')).toEqual(plain)
  })

  it('a fault rule and a rate limit both take the extra environment', () => {
    const sb = withExtra()
    expect(() => sb.faults.add({ vendor, environment: 'partner', status: 503 })).not.toThrow()
    const setting = sb.rateLimits.set({ limits: [{ vendor, environment: 'partner', requests: 1, perMs: 1000 }] })
    expect(setting.limits).toEqual([{ vendor, environment: 'partner', requests: 1, perMs: 1000 }])
  })

  it('the start-up rate-limit option takes it too (before the vendors are built)', () => {
    const sb = createSandbox({ baseUrls: { [vendor]: [EXTRA] }, rateLimits: { [vendor]: { partner: { requests: 2, perMs: 1000 } } } })
    expect(sb.rateLimits.get().limits).toContainEqual({ vendor, environment: 'partner', requests: 2, perMs: 1000 })
  })

  it('an environment no list holds is refused by both, naming the same environments', () => {
    const sb = withExtra()
    let faultMessage = ''
    try {
      sb.faults.add({ vendor, environment: 'elsewhere', status: 503 })
    } catch (err) {
      expect(err).toBeInstanceOf(FaultError)
      faultMessage = (err as Error).message
    }
    let limitMessage = ''
    try {
      sb.rateLimits.set({ limits: [{ vendor, environment: 'elsewhere', requests: 1, perMs: 1000 }] })
    } catch (err) {
      expect(err).toBeInstanceOf(RateLimitError)
      limitMessage = (err as Error).message
    }
    const listed = environmentsOf(sb)
    for (const env of listed) {
      expect(faultMessage).toContain(env)
      expect(limitMessage).toContain(env)
    }
  })
})
