// Fixtures given to the programmatic API (createSandbox, setupSandboxServer) are checked whole
// against the vendor's fixtureSchema before anything is built: a bad one throws a FixtureError
// with the same one line `serve` prints, never a crash deep inside a vendor's seeding.
import { describe, expect, it } from 'vitest'
import { checkFixtures, FixtureError, formatPath } from '../../src/core/fixtures.ts'
import { createSandbox } from '../../src/index.ts'
import { setupSandboxServer } from '../../mocks/node.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import type { SandboxOptions } from '../../src/sandbox.ts'

function thrown(make: () => unknown): FixtureError {
  try {
    make()
  } catch (err) {
    expect(err).toBeInstanceOf(FixtureError)
    return err as FixtureError
  }
  throw new Error('nothing was thrown')
}

const bad = { apiKeys: [{ key: 'nope' }] } as unknown as NonNullable<SandboxOptions['fixtures']>['complycube']

describe('fixtures given to the programmatic API', () => {
  it('createSandbox throws a FixtureError naming the vendor, the path and what is expected', () => {
    const err = thrown(() => createSandbox({ fixtures: { complycube: bad } }))
    expect(err.message).toBe('complycube fixtures: apiKeys[0].key: must be test_ (sandbox) or live_ (live) then visible ASCII characters')
    expect(err).toMatchObject({ vendor: 'complycube', path: 'apiKeys[0].key' })
    expect(err.message).not.toContain('\n')
  })

  it('setupSandboxServer throws the same error, before any handler exists', () => {
    const err = thrown(() => setupSandboxServer({ fixtures: { complycube: bad } }))
    expect(err.message).toBe('complycube fixtures: apiKeys[0].key: must be test_ (sandbox) or live_ (live) then visible ASCII characters')
  })

  it.each(Object.keys(vendorDefinitions))('%s: null instead of fixtures is one line about the whole of them', (vendor) => {
    const err = thrown(() => createSandbox({ fixtures: { [vendor]: null } as unknown as SandboxOptions['fixtures'] }))
    expect(err.path).toBe('')
    expect(err.message).toMatch(new RegExp(`^${vendor} fixtures: must be an object with `))
  })

  it('a valid custom seed is taken as given', () => {
    const sandbox = createSandbox({
      fixtures: { complycube: { apiKeys: [{ key: 'test_custom_0001', environment: 'sandbox' }], clients: [] } },
    })
    expect(sandbox.complycube.listKeys()).toEqual([{ key: 'test_custom_0001', environment: 'sandbox', name: '', revoked: false }])
  })

  it('reports the first problem of many, in document order', () => {
    const err = thrown(() => checkFixtures('caf', vendorDefinitions.caf.fixtureSchema, { mobileKeys: [{ environment: 'nowhere' }, { clientId: 1 }] }))
    expect(err.path).toBe('mobileKeys[0].environment')
  })
})

describe('formatPath', () => {
  it('writes a path as JavaScript would, and an odd key quoted and escaped on one line', () => {
    expect(formatPath(['tenants', 0, 'accounts', 1, 'cards', 2])).toBe('tenants[0].accounts[1].cards[2]')
    expect(formatPath([{ key: 'metadata' }, { key: 'a key' }])).toBe('metadata["a key"]')
    expect(formatPath(['x\n\u202e'])).toBe('["x\\n\\u202e"]')
    expect(formatPath([])).toBe('')
  })
})
