// A fourth vendor, written in one folder (test/fixtures/vendors/acme) and added with one
// registry line, is served beside the real ones on both transports, with everything the core
// owns — its error shape on bad input, environment isolation, reset, snapshot, restore and the
// change feed — without a line of lifecycle code of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupSandboxServer } from '../../mocks/node.ts'
import { createSandboxWith, type Sandbox, type StateChange } from '../../src/sandbox.ts'
import { startServer } from '../../src/server/server.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import { acme } from '../fixtures/vendors/acme/index.ts'
import { failOnUnhandled } from '../support/msw-listen.ts'

// The one registry line.
const registry = { ...vendorDefinitions, acme }

const GOOD = { client_id: 'acme-test-1', client_secret: 'acme-test-secret' }

interface Reach {
  sandbox: Sandbox
  base(environment: 'test' | 'live'): string
  close(): Promise<void>
}

const transports: [string, () => Promise<Reach>][] = [
  [
    'msw',
    async () => {
      const sandbox = createSandboxWith(registry, { seed: 'acme' })
      const { server } = setupSandboxServer({ sandbox })
      server.listen(failOnUnhandled)
      return { sandbox, base: (e) => (e === 'test' ? 'https://sandbox.acme.example/v1' : 'https://api.acme.example/v1'), close: async () => server.close() }
    },
  ],
  [
    'server',
    async () => {
      const sandbox = createSandboxWith(registry, { seed: 'acme' })
      const running = await startServer({ sandbox, host: '127.0.0.1', port: 0 })
      return { sandbox, base: (e) => `${running.url}/acme/${e}`, close: () => running.close() }
    },
  ],
]

const post = (url: string, body: unknown, contentType = 'application/json') =>
  fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) })

describe.each(transports)('a scratch fourth vendor, %s transport', (_name, start) => {
  let t: Reach
  beforeAll(async () => {
    t = await start()
  })
  afterAll(() => t.close())

  it('answers its routes, and the real vendors are still there', async () => {
    const res = await post(`${t.base('test')}/oauth/token`, GOOD)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { access_token: string; expires_in: number }
    expect(body.access_token.split('.')).toHaveLength(3)
    expect(body.expires_in).toBe(600)
    expect(Object.keys(t.sandbox.describe())).toEqual(['complycube', 'caf', 'ca', 'acme'])
    expect(t.sandbox.journal.list({ vendor: 'acme', limit: 1 })[0]).toMatchObject({ vendor: 'acme', environment: 'test', status: 200 })
  })

  it('answers bad input and unknown paths in its own error shape (the core’s builders)', async () => {
    const malformed = await post(`${t.base('test')}/oauth/token`, '{"client_id":')
    expect(malformed.status).toBe(400)
    expect(await malformed.json()).toEqual({ error: 'invalid_request', error_description: 'body is not JSON' })
    const unknown = await fetch(`${t.base('test')}/nowhere`)
    expect(unknown.status).toBe(404)
    // Acme has no authenticate: straight to the 404 that says the sandbox does not simulate the path.
    expect(await unknown.json()).toEqual({
      error: 'not_found',
      error_description: 'GET /nowhere: token-sandbox does not simulate this path; the simulated ones are in /__sandbox/contracts/acme.yaml and docs/vendors/acme.md',
    })
    expect((await post(`${t.base('test')}/oauth/token`, { client_id: 'acme-test-1', client_secret: 'nope' })).status).toBe(401)
  })

  it('keeps its environments apart: the test client is unknown on the live host', async () => {
    const res = await post(`${t.base('live')}/oauth/token`, GOOD)
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ error: 'invalid_client' })
  })

  it('gets reset, snapshot, restore and the change feed from the core', async () => {
    const heard: StateChange[] = []
    const stop = t.sandbox.watch((c) => heard.push(c))
    await post(`${t.base('test')}/oauth/token`, GOOD)
    stop()
    const grant = heard.find((c) => c.kind === 'row' && c.vendor === 'acme')
    expect(grant).toMatchObject({ kind: 'row', vendor: 'acme', model: 'grant', row: { environment: 'test', clientId: 'acme-test-1' } })

    const saved = t.sandbox.snapshot()
    const part = saved.vendors.acme as { signingSecret: string; db: { grant: unknown[]; client: unknown[] } }
    expect(part.signingSecret).toEqual(expect.any(String))
    expect(part.db.grant.length).toBeGreaterThanOrEqual(2)

    t.sandbox.reset()
    const grants = async () => ((await (await fetch(`${t.base('test')}/clients/acme-test-1/grants`)).json()) as { grants: string[] }).grants
    expect(await grants()).toEqual([])
    t.sandbox.restore(JSON.parse(JSON.stringify(saved)))
    expect(await grants()).toHaveLength(part.db.grant.length)
    expect(() => t.sandbox.restore({ ...saved, vendors: { ...saved.vendors, acme: { ...part, db: { grant: [{ environment: 'staging', id: 'g', clientId: 'c', issuedAtMs: 1 }] } } } })).toThrow(
      "acme.db.grant[0].environment must be one of test, live",
    )
  })
})
