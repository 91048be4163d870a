// Every registered vendor is complete: contract, contract suite, CLI subcommand, bench scenario,
// seed, doc page and README link. An incomplete one fails with the list of what it lacks — the
// scratch vendor (test/fixtures/vendors/onfido) too, with each of its pieces taken away in turn.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import type { AnyVendor } from '../../src/core/vendor.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import { missingParts } from '../support/vendor-completeness.ts'
import { onfido } from '../fixtures/vendors/onfido/index.ts'

describe('every registered vendor is complete', () => {
  it.each(Object.entries(vendorDefinitions))('%s', async (name, definition) => {
    expect(definition.name).toBe(name)
    expect(await missingParts(definition)).toEqual([])
  })
})

describe('the scratch vendor', () => {
  it('is complete in its one folder', async () => {
    expect(await missingParts(onfido)).toEqual([])
  })

  // Copies of its folder beside it (so its relative imports still resolve), each without one piece.
  const copies: string[] = []
  afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })))
  const without = (file: string): AnyVendor => {
    const dir = mkdtempSync(new URL(`../fixtures/vendors/onfido-without-`, import.meta.url).pathname)
    copies.push(dir)
    cpSync(new URL('../fixtures/vendors/onfido/', import.meta.url).pathname, dir, { recursive: true, filter: (src) => !src.endsWith(`/${file}`) })
    return { ...onfido, folder: `file://${dir}/` }
  }

  it.each([
    ['onfido.yaml', 'its OpenAPI contract onfido.yaml'],
    ['fixtures.json', 'its seed fixtures.json'],
    ['README.md', 'its doc page README.md'],
    ['contract.ts', "its contract suite (contract.ts whose default export is the suite, named 'onfido', for onfido.yaml)"],
    ['cli.ts', 'its CLI subcommand (cli.ts exporting `help` and `run`)'],
    ['bench.ts', 'its bench scenario (bench.ts exporting `scenario`)'],
  ])('without %s, is named as lacking it', async (file, part) => {
    expect(await missingParts(without(file))).toEqual([part])
  })

  it('without routes or an error builder, is named as lacking them', async () => {
    const { parserRefusal: _dropped, ...errors } = onfido.errors
    expect(await missingParts({ ...onfido, routes: [], errors: errors as typeof onfido.errors })).toEqual(['routes', 'the error builder errors.parserRefusal'])
  })
})

describe('a vendor’s admin routes', () => {
  it('are each named when its admin.yaml does not describe them', async () => {
    const route = { method: 'GET', path: '/applicants/:id/checks', handler: () => ({ status: 200 }) }
    expect(await missingParts({ ...onfido, adminRoutes: [route] as unknown as typeof onfido.adminRoutes })).toEqual(['the admin route GET /onfido/applicants/{id}/checks described in its admin.yaml'])
  })
})
