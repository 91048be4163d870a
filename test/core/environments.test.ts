// A vendor's environments, as the journal names them, are one list (src/sandbox.ts): its store's
// scopes plus any environment an extra base URL names. Fault rules, rate limits and /vendors all
// take that list, so what one accepts the others accept, and what none knows all refuse alike.
import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../src/node/sandbox.ts'
import { FaultError, RateLimitError } from '../../src/index.ts'

// CA's environments are its tenants; an extra base URL of its names one more.
const withExtra = () => createSandbox({ baseUrls: { ca: [{ base: 'https://acs.partner.example/afi/apiv1', environment: 'partner' }] } })

describe("a vendor's environments", () => {
  it('/vendors lists the store scopes and the extra base URL environment', () => {
    const sb = withExtra()
    const ca = sb.admin.vendors().find((v) => v.name === 'ca')!
    expect(ca.environments).toContain('partner')
    expect(ca.environments).toContain('hedmoral')
    // Without the extra base URL, the store's scopes alone.
    const plain = createSandbox().admin.vendors().find((v) => v.name === 'ca')!
    expect(plain.environments).not.toContain('partner')
    expect(ca.environments.filter((e) => e !== 'partner')).toEqual(plain.environments)
  })

  it('a fault rule and a rate limit both take the extra environment', () => {
    const sb = withExtra()
    expect(() => sb.faults.add({ vendor: 'ca', environment: 'partner', status: 503 })).not.toThrow()
    const setting = sb.rateLimits.set({ limits: [{ vendor: 'ca', environment: 'partner', requests: 1, perMs: 1000 }] })
    expect(setting.limits).toEqual([{ vendor: 'ca', environment: 'partner', requests: 1, perMs: 1000 }])
  })

  it('the start-up rate-limit option takes it too (before the vendors are built)', () => {
    const sb = createSandbox({
      baseUrls: { ca: [{ base: 'https://acs.partner.example/afi/apiv1', environment: 'partner' }] },
      rateLimits: { ca: { partner: { requests: 2, perMs: 1000 } } },
    })
    expect(sb.rateLimits.get().limits).toContainEqual({ vendor: 'ca', environment: 'partner', requests: 2, perMs: 1000 })
  })

  it('an environment no list holds is refused by both, naming the same environments', () => {
    const sb = withExtra()
    let faultMessage = ''
    try {
      sb.faults.add({ vendor: 'ca', environment: 'elsewhere', status: 503 })
    } catch (err) {
      expect(err).toBeInstanceOf(FaultError)
      faultMessage = (err as Error).message
    }
    let limitMessage = ''
    try {
      sb.rateLimits.set({ limits: [{ vendor: 'ca', environment: 'elsewhere', requests: 1, perMs: 1000 }] })
    } catch (err) {
      expect(err).toBeInstanceOf(RateLimitError)
      limitMessage = (err as Error).message
    }
    const listed = sb.admin.vendors().find((v) => v.name === 'ca')!.environments
    for (const env of listed) {
      expect(faultMessage).toContain(env)
      expect(limitMessage).toContain(env)
    }
  })
})
