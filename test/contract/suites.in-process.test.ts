// Every contract suite against the in-process sandbox: msw intercepts the vendors' real hosts,
// and the sandbox-only cases reach the admin routes through `sandbox.handle`. The registry is
// composed with the scratch vendor (test/fixtures/vendors/onfido), whose suite runs too.
import { afterAll, beforeAll } from 'vitest'
import { setupSandboxServer } from '../../mocks/node.ts'
import { suitesOf } from '../../src/contract/suites.ts'
import { otherBaseUrls } from '../../src/contract/suite.ts'
import { createSandboxWith } from '../../src/sandbox.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import { onfido } from '../fixtures/vendors/onfido/index.ts'
import { failOnUnhandled } from '../support/msw-listen.ts'

const registry = { ...vendorDefinitions, onfido }
const contractSuites = await suitesOf(registry)
const { server, sandbox } = setupSandboxServer({ sandbox: createSandboxWith(registry) })
beforeAll(() => server.listen(failOnUnhandled))
afterAll(() => server.close())

for (const suite of contractSuites) {
  if (!suite.realBaseUrl) continue // the sandbox's own API has no real host to intercept
  const baseUrls = otherBaseUrls(suite, (api) => api.realBaseUrl) // e.g. CAF's BFF beside its Mobile API
  suite.define(suite.seeded({ baseUrl: suite.realBaseUrl, baseUrls, admin: sandbox, allowWrites: true }))
}
