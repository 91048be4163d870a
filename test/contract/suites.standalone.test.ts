// Every contract suite against the standalone server on 127.0.0.1, over real HTTP.
import { afterAll } from 'vitest'
import { contractSuites } from '../../src/contract/suites.ts'
import { startServer } from '../../src/server/server.ts'

const running = await startServer({ host: '127.0.0.1', port: 0 })
afterAll(() => running.close())

for (const suite of contractSuites) {
  suite.define(suite.seeded({ baseUrl: running.url + suite.sandboxPath, admin: `${running.url}/__sandbox`, allowWrites: true }))
}
