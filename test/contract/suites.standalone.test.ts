// Every contract suite against the standalone server on 127.0.0.1, over real HTTP.
import { afterAll } from 'vitest'
import { contractSuites } from '../../src/contract/suites.ts'
import { otherBaseUrls } from '../../src/contract/suite.ts'
import { startServer } from '../../src/server/server.ts'

const running = await startServer({ host: '127.0.0.1', port: 0 })
afterAll(() => running.close())

for (const suite of contractSuites) {
  const baseUrls = otherBaseUrls(suite, (api) => running.url + api.sandboxPath) // e.g. CAF's BFF beside its Mobile API
  suite.define(suite.seeded({ baseUrl: running.url + suite.sandboxPath, baseUrls, admin: `${running.url}/__sandbox`, allowWrites: true }))
}
