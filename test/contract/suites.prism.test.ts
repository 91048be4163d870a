// Every contract suite against the standalone server through `prism proxy <contract> --errors`:
// any request the suite sends or answer the sandbox gives that breaks the contract makes the
// call throw (see src/contract/prism.ts), and the file ends by checking none was seen.
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startPrism } from '../../src/contract/prism.ts'
import { contractSuites } from '../../src/contract/suites.ts'
import { otherBaseUrls } from '../../src/contract/suite.ts'
import { CONTRACTS_DIR } from '../support/paths.ts'
import { apiRoutes, startApiRouter, type ApiRouter } from '../support/api-router.ts'
import { createSandbox } from '../../src/node/sandbox.ts'
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
// One Prism per contract, started together so their start-up times overlap. A vendor with other
// APIs on base URLs of their own (a proxy has one upstream): when the contract's paths tell its
// APIs apart (CAF's Mobile API, BFF, SDK and Core APIs), its one Prism forwards to a router that
// sends each path to its API's base path; otherwise (CA's second tenant, on the same paths) one
// Prism more per other API.
const routers: ApiRouter[] = []
const started = await Promise.all(
  contractSuites.map(async (s) => {
    const contract = join(CONTRACTS_DIR, s.contract)
    const others = s.otherApis ?? []
    const routes = others.length ? apiRoutes(contract, [s.sandboxPath, ...others.map((api) => api.sandboxPath)]) : null
    if (routes) {
      const router = await startApiRouter(running.url, routes)
      routers.push(router)
      const prism = await startPrism({ mode: 'proxy', contract, upstream: router.url })
      return { prism, others: new Map(others.map((api) => [api.name, prism])) }
    }
    const [prism, ...rest] = await Promise.all(
      [s.sandboxPath, ...others.map((api) => api.sandboxPath)].map((path) => startPrism({ mode: 'proxy', contract, upstream: running.url + path })),
    )
    return { prism: prism!, others: new Map(others.map((api, j) => [api.name, rest[j]!])) }
  }),
)
const allPrisms = [...new Set(started.flatMap((s) => [s.prism, ...s.others.values()]))]
afterAll(async () => {
  await Promise.all(allPrisms.map((p) => p.close()))
  await Promise.all(routers.map((r) => r.close()))
  await running.close()
})

contractSuites.forEach((suite, i) => {
  const { prism, others } = started[i]!
  const baseUrls = otherBaseUrls(suite, (api) => others.get(api.name)!.url)
  suite.define(
    suite.seeded({ baseUrl: prism.url, baseUrls, admin: `${running.url}/__sandbox`, allowWrites: true, fetch: prism.fetch, throughPrism: true }),
  )
})

describe('through prism proxy --errors', () => {
  it('saw zero contract violations in any exchange', () => {
    for (const p of allPrisms) expect(p.violations).toEqual([])
  })

  it('forwarded the suites’ calls to the sandbox, successes and documented errors alike', () => {
    const tokens = reached.filter((e) => e.method === 'POST' && e.path === '/complycube/v1/tokens')
    expect(tokens.filter((e) => e.status === 200).length).toBeGreaterThanOrEqual(4)
    expect(tokens.some((e) => e.status === 400)).toBe(true)
    expect(reached.some((e) => e.path.startsWith('/complycube/v1/') && e.status === 401)).toBe(true)
    expect(reached.some((e) => e.path.startsWith('/complycube/v1/clients/') && e.status === 404)).toBe(true)
    expect(reached.some((e) => e.path.startsWith('/__sandbox/contracts/') && e.status === 200)).toBe(true)
    // CAF: each API reached through the CAF Prism (routed to its base path), successes and documented errors.
    expect(reached.some((e) => e.path === '/caf/prod/mobile/tokens/verify' && e.status === 200)).toBe(true)
    expect(reached.some((e) => e.path === '/caf/prod/mobile/faces/authenticate' && e.status === 401)).toBe(true)
    expect(reached.some((e) => e.path === '/caf/prod/mobile/faces/authenticate' && e.status === 404)).toBe(true)
    expect(reached.some((e) => e.path === '/caf/prod/bff/session-tokens' && e.status === 200)).toBe(true)
    expect(reached.some((e) => e.path === '/caf/prod/bff/sessions' && e.status === 200)).toBe(true)
    // CAF's SDK API (the upload's PUT included) and Core API faces, through the same Prism.
    expect(reached.some((e) => e.path === '/caf/prod/sdk/attestations' && e.status === 200)).toBe(true)
    expect(reached.some((e) => e.path === '/caf/prod/sdk/attestations' && e.status === 401)).toBe(true)
    expect(reached.some((e) => e.method === 'PUT' && e.path.startsWith('/caf/prod/sdk/uploads/') && e.status === 200)).toBe(true)
    expect(reached.some((e) => e.path === '/caf/prod/sdk/documents/quality' && e.status === 200)).toBe(true)
    expect(reached.some((e) => e.path === '/caf/prod/core/v1/faces' && e.status === 200)).toBe(true)
    expect(reached.some((e) => e.path.startsWith('/caf/prod/core/v1/faces/attempts/') && e.status === 404)).toBe(true)
    // CA: the Token API and the account APIs of both tenants, each through its own Prism (same paths).
    expect(reached.some((e) => e.path === '/ca/hedmoral/token' && e.status === 200)).toBe(true)
    expect(reached.some((e) => e.path === '/ca/hedmoral/token' && e.status === 400)).toBe(true)
    expect(reached.some((e) => e.path === '/ca/kvarnby/token' && e.status === 200)).toBe(true)
    expect(reached.some((e) => e.method === 'POST' && e.path === '/ca/hedmoral/accounts' && e.status === 200)).toBe(true)
    expect(reached.some((e) => e.path.startsWith('/ca/hedmoral/accounts/') && e.status === 400)).toBe(true)
    expect(reached.some((e) => e.path.startsWith('/ca/kvarnby/accounts/') && e.status === 400)).toBe(true)
  })
})
