// Every contract suite against the in-process sandbox: msw intercepts the vendors' real hosts,
// and the sandbox-only cases reach the admin routes through `sandbox.handle`.
import { afterAll, beforeAll } from 'vitest'
import { setupSandboxServer } from '../../mocks/node.ts'
import { contractSuites } from '../../src/contract/suites.ts'
import { otherBaseUrls } from '../../src/contract/suite.ts'

import { failOnUnhandled } from '../support/msw-listen.ts'
const { server, sandbox } = setupSandboxServer()
beforeAll(() => server.listen(failOnUnhandled))
afterAll(() => server.close())

for (const suite of contractSuites) {
  if (!suite.realBaseUrl) continue // the sandbox's own API has no real host to intercept
  const baseUrls = otherBaseUrls(suite, (api) => api.realBaseUrl) // e.g. CAF's BFF beside its Mobile API
  suite.define(suite.seeded({ baseUrl: suite.realBaseUrl, baseUrls, admin: sandbox, allowWrites: true }))
}
