// Every contract suite against the in-process sandbox: msw intercepts the vendors' real hosts,
// and the sandbox-only cases reach the admin routes through `sandbox.handle`.
import { afterAll, beforeAll } from 'vitest'
import { setupSandboxServer } from '../../mocks/node.ts'
import { contractSuites } from '../../src/contract/suites.ts'

const { server, sandbox } = setupSandboxServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

for (const suite of contractSuites) {
  if (!suite.realBaseUrl) continue // the sandbox's own API has no real host to intercept
  suite.define(suite.seeded({ baseUrl: suite.realBaseUrl, admin: sandbox, allowWrites: true }))
}
