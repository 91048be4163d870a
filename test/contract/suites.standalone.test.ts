// Every contract suite against the standalone server on 127.0.0.1, over real HTTP; the registry
// composed with the scratch vendor (test/fixtures/vendors/onfido), whose suite runs too.
import { afterAll } from 'vitest'
import { suitesOf } from '../../src/contract/suites.ts'
import { otherBaseUrls } from '../../src/contract/suite.ts'
import { createSandboxWith } from '../../src/sandbox.ts'
import { startServer } from '../../src/server/server.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import { onfido } from '../fixtures/vendors/onfido/index.ts'

const registry = { ...vendorDefinitions, onfido }
const contractSuites = await suitesOf(registry)
const running = await startServer({ sandbox: createSandboxWith(registry), host: '127.0.0.1', port: 0 })
afterAll(() => running.close())

for (const suite of contractSuites) {
  const baseUrls = otherBaseUrls(suite, (api) => running.url + api.sandboxPath) // e.g. CAF's BFF beside its Mobile API
  suite.define(suite.seeded({ baseUrl: running.url + suite.sandboxPath, baseUrls, admin: `${running.url}/__sandbox`, allowWrites: true }))
}
