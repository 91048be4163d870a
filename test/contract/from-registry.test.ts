// What `npm run generate` derives from the registry besides the contract types. The package's `token-sandbox/contract` entry exports every registered vendor's suite by its
// names (`complycubeContract`, `complycubeSuite`, ...) through src/contract/vendors.ts, which
// `npm run generate` writes from the registry: adding a vendor adds its exports, with no edit
// to the entry. The committed file must be what the registry generates now.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import * as entry from '../../src/contract/index.ts'
import { SANDBOX_CONTRACT, spliceAdmin } from '../../src/contract/tools/vendor-admin.ts'
import { VENDOR_DOCS_INDEX, vendorDocsIndex } from '../../src/contract/tools/vendor-docs.ts'
import { VENDOR_EXPORTS_FILE, vendorExports } from '../../src/contract/tools/vendor-exports.ts'
import { loadSuite } from '../../src/vendors/kit.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import { onfido } from '../fixtures/vendors/onfido/index.ts'

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('the contract entry’s vendor exports (src/contract/vendors.ts)', () => {
  it('are what the registry generates now (else run `npm run generate`)', () => {
    expect(readFileSync(VENDOR_EXPORTS_FILE, 'utf8'), 'src/contract/vendors.ts is stale: run npm run generate').toBe(vendorExports())
  })

  it.each(Object.keys(vendorDefinitions))('hold %s’s suite, its <vendor>Contract and <vendor>Suite', async (name) => {
    const suite = await loadSuite(vendorDefinitions[name as keyof typeof vendorDefinitions])
    const named = entry as Record<string, unknown>
    expect(named[`${name}Suite`]).toBe(suite)
    expect(named[`${name}Contract`]).toBe(suite.define)
  })

  it('take a new vendor from its folder: the scratch vendor’s named exports, the kit’s default left out', async () => {
    const dir = mkdtempSync(fileURLToPath(new URL('../fixtures/vendors/exports-', import.meta.url)))
    dirs.push(dir)
    const file = join(dir, 'vendors.ts')
    writeFileSync(file, vendorExports({ ...vendorDefinitions, onfido }, file))
    const composed = (await import(file)) as Record<string, unknown>
    expect(composed.onfidoContract).toBe((await loadSuite(onfido)).define)
    expect(composed.complycubeSuite).toBe(entry.complycubeSuite)
    expect(composed).not.toHaveProperty('default')
  })
})

// Typed, not just present: a wrong option shape fails `tsc` (this function is type-checked, never run).
export function typed(): void {
  // @ts-expect-error: apiKey is a string
  entry.complycubeContract({ baseUrl: 'http://127.0.0.1:1/complycube/v1', apiKey: 7 })
  // @ts-expect-error: CA's suite takes tenants, not an API key
  entry.caContract({ baseUrl: 'http://127.0.0.1:1/ca', apiKey: 'x' })
}

describe('the docs index (docs/vendors/README.md)', () => {
  it('is what the registry generates now (else run `npm run generate`), a line for each vendor’s page', () => {
    const committed = readFileSync(VENDOR_DOCS_INDEX, 'utf8')
    expect(committed, 'docs/vendors/README.md is stale: run npm run generate').toBe(vendorDocsIndex())
    for (const name of Object.keys(vendorDefinitions)) expect(committed).toContain(`](${name}.md) (\`${name}\`)`)
  })

  it('lists a new vendor by its page’s title, and names a vendor whose page is missing', () => {
    expect(vendorDocsIndex({ ...vendorDefinitions, onfido })).toContain('- [Onfido (scratch vendor)](../../test/fixtures/vendors/onfido/README.md) (`onfido`)\n')
    expect(() => vendorDocsIndex({ ...vendorDefinitions, onfido: { ...onfido, folder: new URL('../fixtures/vendors/', import.meta.url).href + 'nowhere/' } })).toThrow(
      'onfido: no doc page test/fixtures/vendors/nowhere/README.md',
    )
  })
})

describe('the vendors’ admin routes in the sandbox contract (contracts/sandbox.yaml)', () => {
  it('are what the vendors’ admin.yaml files splice in now (else run `npm run generate`)', () => {
    const committed = readFileSync(SANDBOX_CONTRACT, 'utf8')
    expect(spliceAdmin(committed), 'contracts/sandbox.yaml is stale: run npm run generate').toBe(committed)
  })

  it('take a new vendor’s admin.yaml, in its sections, and refuse a path outside its own', () => {
    const dir = mkdtempSync(fileURLToPath(new URL('../fixtures/vendors/admin-', import.meta.url)))
    dirs.push(dir)
    const vendor = { ...onfido, folder: pathToFileURL(`${dir}/`).href }
    const admin = (path: string) =>
      [
        '# Onfido’s sandbox-only routes.',
        'tags:',
        '  - name: Onfido',
        'paths:',
        `  ${path}:`,
        '    get:',
        '      tags: [Onfido]',
        '      responses:',
        "        '200': { $ref: '#/components/responses/OnfidoWebhooks' }",
        'responses:',
        '  OnfidoWebhooks:',
        '    description: The webhooks it would have sent.',
        '',
      ].join('\n')
    writeFileSync(join(dir, 'admin.yaml'), admin('/onfido/webhooks'))
    const spliced = spliceAdmin(readFileSync(SANDBOX_CONTRACT, 'utf8'), { ...vendorDefinitions, onfido: vendor })
    expect(spliced).toContain("  - name: Onfido\n  # <<< each vendor's tags\n")
    expect(spliced).toContain("  /onfido/webhooks:\n    get:\n      tags: [Onfido]\n      responses:\n        '200': { $ref: '#/components/responses/OnfidoWebhooks' }\n  # <<< each vendor's paths\n")
    expect(spliced).toContain("    OnfidoWebhooks:\n      description: The webhooks it would have sent.\n    # <<< each vendor's responses\n")
    writeFileSync(join(dir, 'admin.yaml'), admin('/complycube/webhooks'))
    expect(() => spliceAdmin(readFileSync(SANDBOX_CONTRACT, 'utf8'), { ...vendorDefinitions, onfido: vendor })).toThrow('path /complycube/webhooks is not under /onfido/')
  })
})
