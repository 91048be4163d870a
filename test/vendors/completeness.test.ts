// Every registered vendor is complete: contract, contract suite, CLI subcommand, bench scenario,
// seed, doc page and README link. An incomplete one fails with the list of what it lacks.
import { describe, expect, it } from 'vitest'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import { missingParts } from '../support/vendor-completeness.ts'
import { acme } from '../fixtures/vendors/acme/index.ts'

describe('every registered vendor is complete', () => {
  it.each(Object.entries(vendorDefinitions))('%s', async (name, definition) => {
    expect(definition.name).toBe(name)
    expect(await missingParts(definition, new URL(`../../src/vendors/${name}/`, import.meta.url))).toEqual([])
  })
})

describe('an incomplete vendor', () => {
  it('is named with each part it lacks (the scratch vendor has no contract, suite, seed file or docs)', async () => {
    expect(await missingParts(acme, new URL('../fixtures/vendors/acme/', import.meta.url))).toEqual([
      'its OpenAPI contract contracts/acme.yaml',
      'its seed fixtures/acme.json',
      'its fixture JSON Schema fixtures/schema/acme.schema.json (npm run generate)',
      'its doc page docs/vendors/acme.md',
      'a README link to docs/vendors/acme.md',
      "its contract suite (contract.ts exporting `suite`, named 'acme', for acme.yaml)",
    ])
  })
})
