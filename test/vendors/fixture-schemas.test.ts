// The JSON Schemas shipped in fixtures/schema/ are the sandbox's own fixture validation, as
// JSON Schema: regenerated from each vendor's fixtureSchema they equal the committed files, and
// a JSON Schema validator (ajv) and the sandbox agree on valid and invalid fixtures. The rules
// JSON Schema cannot state (across fields: a key seeded twice, a key's prefix against its
// environment, a card linked twice) are the sandbox's alone, and the test says so.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { checkFixtures } from '../../src/core/fixtures.ts'
import { FIXTURE_SCHEMA_DIR, writeFixtureSchemas } from '../../src/contract/tools/fixture-schemas.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const vendors = Object.keys(vendorDefinitions) as (keyof typeof vendorDefinitions)[]
const seedOf = (vendor: string): Json => JSON.parse(readFileSync(new URL(`../../fixtures/${vendor}.json`, import.meta.url), 'utf8')) as Json
const committed = (vendor: string) => readFileSync(join(FIXTURE_SCHEMA_DIR, `${vendor}.schema.json`), 'utf8')

const ajv = new Ajv({ allErrors: false, strict: true })
addFormats.default(ajv)
const jsonSchemaAccepts = (vendor: string, fixture: unknown) => ajv.compile(JSON.parse(committed(vendor)) as object)(fixture)
const sandboxAccepts = (vendor: keyof typeof vendorDefinitions, fixture: unknown) => {
  try {
    checkFixtures<unknown>(vendor, vendorDefinitions[vendor].fixtureSchema, fixture)
    return true
  } catch {
    return false
  }
}

/** A copy of the vendor's seed, changed. */
const variant = (vendor: string, change: (f: Json) => void): Json => {
  const f = structuredClone(seedOf(vendor))
  change(f)
  return f
}

// Samples both must accept, and samples both must refuse (structure: types, required and
// unknown keys, formats, enums, lengths, ranges).
const SAMPLES: Record<keyof typeof vendorDefinitions, { valid: Json[]; invalid: [string, unknown][] }> = {
  complycube: {
    valid: [
      { apiKeys: [], clients: [] },
      variant('complycube', (f) => (f.clients[0].metadata = { crm: '42' })),
      variant('complycube', (f) => delete f.$comment),
    ],
    invalid: [
      ['an array', []],
      ['a key without its prefix', { apiKeys: [{ key: 'nope', environment: 'sandbox' }], clients: [] }],
      ['a number for a key', variant('complycube', (f) => (f.apiKeys[0].key = 1))],
      ['no clients', { apiKeys: [] }],
      ['a short client id', variant('complycube', (f) => (f.clients[0].id = 'short'))],
      ['an unknown environment', variant('complycube', (f) => (f.clients[0].environment = 'staging'))],
      ['an unknown key', variant('complycube', (f) => (f.apiKeys[0].secret = 'x'))],
      ['a createdAt that is no date', variant('complycube', (f) => (f.clients[0].createdAt = 'yesterday'))],
      ['revoked as a string', variant('complycube', (f) => (f.apiKeys[0].revoked = 'yes'))],
    ],
  },
  caf: {
    valid: [{ mobileKeys: [] }, variant('caf', (f) => (f.sessionTokenSecret = 'a-secret-of-enough-length')), variant('caf', (f) => (f.faces[0].peopleId = '123.456.789-09'))],
    invalid: [
      ['an array', []],
      ['settings as an array', variant('caf', (f) => (f.settings = []))],
      ['a short clientId', variant('caf', (f) => (f.mobileKeys[0].clientId = 'short'))],
      ['a short clientSecret', variant('caf', (f) => (f.mobileKeys[0].clientSecret = 'short'))],
      ['an unknown product', variant('caf', (f) => (f.mobileKeys[0].products = ['Teleport']))],
      ['a fractional clock skew', variant('caf', (f) => (f.settings.clockSkewSeconds = 1.5))],
      ['a lifetime past a week', variant('caf', (f) => (f.settings.sessionTokenLifetimeSeconds = 604801))],
      ['a peopleId that is no CPF', variant('caf', (f) => (f.faces[0].peopleId = '1234'))],
      ['an imageUrl that is no URL', variant('caf', (f) => (f.faces[0].imageUrl = 'faces/1.jpg'))],
      ['no mobileKeys', { apiTokens: [] }],
    ],
  },
  ca: {
    valid: [
      { tenants: [{ id: 't1', serviceAccounts: [] }] },
      variant('ca', (f) => (f.tenants[0].lenientApiVersion = true)),
      variant('ca', (f) => (f.tenants[0].accounts[0].devices = [])),
    ],
    invalid: [
      ['an array', []],
      ['no tenants', { tenants: [] }],
      ['a tenant id with a space', variant('ca', (f) => (f.tenants[0].id = 'a b'))],
      ['token minutes past a week', variant('ca', (f) => (f.tenants[0].tokenMinutes = 10081))],
      ['a card number with letters', variant('ca', (f) => (f.tenants[0].cards[0] = '4111-1111'))],
      ['a contact of an unknown type', variant('ca', (f) => (f.tenants[0].accounts[0].contacts[0].type = 'fax'))],
      ['an unknown operation', variant('ca', (f) => (f.tenants[0].serviceAccounts[0].operations = ['reboot']))],
      ['a service account without a password', variant('ca', (f) => delete f.tenants[0].serviceAccounts[0].password)],
      ['a baseUrl that is not absolute', variant('ca', (f) => (f.tenants[0].baseUrl = '/arcot'))],
    ],
  },
}

// What only the sandbox refuses: JSON Schema cannot relate one field to another.
const SANDBOX_ONLY: Record<keyof typeof vendorDefinitions, [string, Json][]> = {
  complycube: [
    ['a live_ key said to be sandbox', variant('complycube', (f) => (f.apiKeys[0].key = 'live_abcdef'))],
    ['a key seeded twice', variant('complycube', (f) => f.apiKeys.push({ ...f.apiKeys[0] }))],
    ['a person client without personDetails', variant('complycube', (f) => delete f.clients[0].personDetails)],
  ],
  caf: [['a clientId seeded twice', variant('caf', (f) => (f.mobileKeys[1].clientId = f.mobileKeys[0].clientId))]],
  ca: [
    ['a card linked to two accounts', variant('ca', (f) => (f.tenants[0].accounts[2].cards = ['4111111111111111']))],
    ['two tenants with one id', variant('ca', (f) => (f.tenants[1].id = f.tenants[0].id))],
  ],
}

describe('fixtures/schema/<vendor>.schema.json', () => {
  it('is what `npm run generate` makes from each registered vendor\'s fixtureSchema (regenerate when this fails)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ts-fixture-schemas-'))
    await writeFixtureSchemas(out)
    for (const vendor of vendors) expect(readFileSync(join(out, `${vendor}.schema.json`), 'utf8'), vendor).toBe(committed(vendor))
  })

  it.each(vendors)('%s: the shipped seed names its schema in $schema, and both validators accept it', (vendor) => {
    const seed = seedOf(vendor)
    expect(seed.$schema).toBe(`./schema/${vendor}.schema.json`)
    expect(jsonSchemaAccepts(vendor, seed)).toBe(true)
    expect(sandboxAccepts(vendor, seed)).toBe(true)
  })

  it.each(vendors)('%s: JSON Schema and the sandbox agree on valid and invalid samples', (vendor) => {
    const { valid, invalid } = SAMPLES[vendor]
    for (const sample of valid) expect([jsonSchemaAccepts(vendor, sample), sandboxAccepts(vendor, sample)], JSON.stringify(sample).slice(0, 200)).toEqual([true, true])
    for (const [what, sample] of invalid) expect([jsonSchemaAccepts(vendor, sample), sandboxAccepts(vendor, sample)], what).toEqual([false, false])
  })

  it.each(vendors)('%s: rules across fields are the sandbox\'s alone (JSON Schema lets them through)', (vendor) => {
    for (const [what, sample] of SANDBOX_ONLY[vendor]) expect([jsonSchemaAccepts(vendor, sample), sandboxAccepts(vendor, sample)], what).toEqual([true, false])
  })
})
