// Every contract suite against the standalone server through `prism proxy <contract> --errors`:
// any request the suite sends or answer the sandbox gives that breaks the contract makes the
// call throw (see src/contract/prism.ts), and the file ends by checking none was seen.
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startPrism } from '../../src/contract/prism.ts'
import { contractSuites } from '../../src/contract/suites.ts'
import { CONTRACTS_DIR } from '../../src/contract/tools/generate.ts'
import { createSandbox } from '../../src/sandbox.ts'
import { startServer } from '../../src/server/server.ts'

// Every exchange that reached the sandbox (the journal is emptied by the admin suite's reset).
const reached: { method: string; path: string; status: number }[] = []
const sandbox = createSandbox()
const counted = {
  ...sandbox,
  handle: async (req: Parameters<typeof sandbox.handle>[0]) => {
    const res = await sandbox.handle(req)
    reached.push({ method: req.method, path: req.url.pathname, status: res.status })
    return res
  },
}
const running = await startServer({ host: '127.0.0.1', port: 0, sandbox: counted })
// One Prism per contract, started together so their start-up times overlap.
const prisms = await Promise.all(
  contractSuites.map((s) => startPrism({ mode: 'proxy', contract: join(CONTRACTS_DIR, s.contract), upstream: running.url + s.sandboxPath })),
)
afterAll(async () => {
  await Promise.all(prisms.map((p) => p.close()))
  await running.close()
})

contractSuites.forEach((suite, i) => {
  const prism = prisms[i]!
  suite.define(
    suite.seeded({ baseUrl: prism.url, admin: `${running.url}/__sandbox`, allowWrites: true, fetch: prism.fetch, throughPrism: true }),
  )
})

describe('through prism proxy --errors', () => {
  it('saw zero contract violations in any exchange', () => {
    for (const p of prisms) expect(p.violations).toEqual([])
  })

  it('forwarded the suites’ calls to the sandbox, successes and documented errors alike', () => {
    const tokens = reached.filter((e) => e.method === 'POST' && e.path === '/complycube/v1/tokens')
    expect(tokens.filter((e) => e.status === 200).length).toBeGreaterThanOrEqual(4)
    expect(tokens.some((e) => e.status === 400)).toBe(true)
    expect(reached.some((e) => e.path.startsWith('/complycube/v1/') && e.status === 401)).toBe(true)
    expect(reached.some((e) => e.path.startsWith('/complycube/v1/clients/') && e.status === 404)).toBe(true)
    expect(reached.some((e) => e.path.startsWith('/__sandbox/contracts/') && e.status === 200)).toBe(true)
  })
})
