// A fourth vendor — Onfido's SDK token API, written in one folder (test/fixtures/vendors/onfido)
// and added by composing the registry, with no other edit — is served beside the real ones on
// both transports, with everything the core owns (its error shape on bad input, environments,
// reset, snapshot, restore, the change feed, a restart from --state) and everything the kit
// derives from the registry: the CLI's `token` command and help, the contract kit (its suite
// run on both transports, its exports), the bench's scenarios, the docs index and a fuzzer.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DatabaseSync } from 'node:sqlite'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { setupSandboxServer } from '../../mocks/node.ts'
import { main } from '../../src/cli.ts'
import { suitesOf } from '../../src/contract/suites.ts'
import { createSandboxWith, type Sandbox, type StateChange } from '../../src/sandbox.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import { referenceRequestOf, scenariosOf, soakMixOf } from '../../bench/scenarios.ts'
import { vendorDocsIndex } from '../../src/contract/tools/vendor-docs.ts'
import { vendorExports } from '../../src/contract/tools/vendor-exports.ts'
import { onfido } from '../fixtures/vendors/onfido/index.ts'
import { failOnUnhandled } from '../support/msw-listen.ts'
import { FUZZ_RUNS, jsonish } from '../support/fuzz.ts'

// The one registry entry.
const registry = { ...vendorDefinitions, onfido }

const TOKEN = 'api_sandbox.tokensandbox_eu_0001'
const APPLICANT = '6b1c6a6e-0000-4000-8000-000000000001'
const auth = (token = TOKEN) => ({ authorization: `Token token=${token}`, 'content-type': 'application/json' })

interface Reach {
  sandbox: Sandbox
  base(region: 'eu' | 'us' | 'ca'): string
  close(): Promise<void>
}

const transports: [string, () => Promise<Reach>][] = [
  [
    'msw',
    async () => {
      const sandbox = createSandboxWith(registry, { seed: 'onfido' })
      const { server } = setupSandboxServer({ sandbox })
      server.listen(failOnUnhandled)
      return { sandbox, base: (r) => `https://api.${r}.onfido.com/v3.6`, close: async () => server.close() }
    },
  ],
  [
    'server',
    async () => {
      const sandbox = createSandboxWith(registry, { seed: 'onfido' })
      const running = await startServer({ sandbox, host: '127.0.0.1', port: 0 })
      return { sandbox, base: (r) => `${running.url}/onfido/${r}/v3.6`, close: () => running.close() }
    },
  ],
]

const post = (url: string, body: unknown, headers: Record<string, string> = auth()) =>
  fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) })

describe.each(transports)('a scratch fourth vendor, %s transport', (_name, start) => {
  let t: Reach
  beforeAll(async () => {
    t = await start()
  })
  afterAll(() => t.close())

  it('issues an SDK token for an applicant, and the real vendors are still there', async () => {
    const res = await post(`${t.base('eu')}/sdk_token`, { applicant_id: APPLICANT })
    expect(res.status).toBe(200)
    const { token } = (await res.json()) as { token: string }
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { app: string; exp: number; iat: number }
    expect(claims).toMatchObject({ app: APPLICANT, ref: '*://*/*' })
    expect(claims.exp - claims.iat).toBe(90 * 60)
    expect(Object.keys(t.sandbox.describe())).toEqual([...Object.keys(vendorDefinitions), 'onfido'])
    expect(t.sandbox.journal.list({ vendor: 'onfido', limit: 1 })[0]).toMatchObject({ vendor: 'onfido', environment: 'sandbox', status: 200 })
  })

  it('answers bad input, bad credentials and unknown paths in its own error shape', async () => {
    const malformed = await post(`${t.base('eu')}/sdk_token`, '{"applicant_id":')
    expect(malformed.status).toBe(400)
    expect(await malformed.json()).toEqual({ error: { type: 'bad_request', message: 'Invalid JSON' } })
    const invalid = await post(`${t.base('eu')}/applicants`, { first_name: 7, nickname: 'x' })
    expect(invalid.status).toBe(422)
    expect(await invalid.json()).toEqual({
      error: { type: 'validation_error', message: expect.any(String), fields: { nickname: ['is not permitted'], first_name: ['must be a non-empty string'], last_name: ["can't be blank"] } },
    })
    const unknown = await fetch(`${t.base('eu')}/nowhere`, { headers: auth() })
    expect(unknown.status).toBe(404)
    // Authenticated, so past the credential check: Onfido's 404, saying the sandbox does not simulate the path.
    expect(await unknown.json()).toEqual({
      error: {
        type: 'resource_not_found',
        message: 'No route GET /v3.6/nowhere: token-sandbox does not simulate this path; the simulated ones are in /__sandbox/contracts/onfido.yaml and docs/vendors/onfido.md',
      },
    })
    const anonymous = await post(`${t.base('eu')}/sdk_token`, { applicant_id: APPLICANT }, { 'content-type': 'application/json' })
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({ error: { type: 'authorization_error' } })
  })

  it('keeps environments and regions apart: a live token does not see sandbox applicants, an EU token fails on the US host', async () => {
    const live = await post(`${t.base('eu')}/sdk_token`, { applicant_id: APPLICANT }, auth('api_live.tokensandbox_eu_0001'))
    expect(live.status).toBe(422)
    expect(await live.json()).toMatchObject({ error: { fields: { applicant_id: ['not found'] } } })
    expect((await post(`${t.base('us')}/sdk_token`, { applicant_id: APPLICANT })).status).toBe(401)
  })

  it('gets reset, snapshot, restore and the change feed from the core', async () => {
    const heard: StateChange[] = []
    const stop = t.sandbox.watch((c) => heard.push(c))
    const made = (await (await post(`${t.base('eu')}/applicants`, { first_name: 'Ada', last_name: 'Lovelace' })).json()) as { id: string; href: string }
    stop()
    expect(made.href).toBe(`/v3.6/applicants/${made.id}`)
    expect(heard.find((c) => c.kind === 'row' && c.vendor === ('onfido' as never))).toMatchObject({ kind: 'row', model: 'applicant', row: { environment: 'sandbox', id: made.id } })

    const saved = t.sandbox.snapshot()
    const part = saved.vendors.onfido as { signingSecret: string; db: { applicant: unknown[] } }
    expect(part.signingSecret).toEqual(expect.any(String))
    const read = () => fetch(`${t.base('eu')}/applicants/${made.id}`, { headers: auth() })
    t.sandbox.reset()
    expect((await read()).status).toBe(404)
    t.sandbox.restore(JSON.parse(JSON.stringify(saved)))
    expect(await (await read()).json()).toMatchObject({ id: made.id, first_name: 'Ada' })
    const bad = { ...saved, vendors: { ...saved.vendors, onfido: { ...part, db: { applicant: [{ environment: 'staging', id: 'a', first_name: 'A', last_name: 'B', email: '', created_at: 'x' }] } } } }
    expect(() => t.sandbox.restore(bad)).toThrow('onfido.db.applicant[0].environment must be one of sandbox, live')
  })
})

describe('the scratch vendor in the kit (all derived from the composed registry)', () => {
  let running: RunningServer
  beforeAll(async () => {
    running = await startServer({ sandbox: createSandboxWith(registry), host: '127.0.0.1', port: 0 })
  })
  afterAll(() => running.close())

  it('has a `token` command in the CLI, and the help lists it', async () => {
    const out: string[] = []
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line))
    try {
      expect(await main(['--help'], registry)).toBe(0)
      expect(await main(['token', '--help'], registry)).toBe(0)
      const base = `${running.url}/onfido/eu/v3.6`
      expect(await main(['token', 'onfido', '--api-token', TOKEN, '--applicant-id', APPLICANT, '--base-url', base], registry)).toBe(0)
    } finally {
      log.mockRestore()
    }
    expect(out[0]).toContain('onfido')
    expect(out[1]).toMatch(/vendors: .*onfido/)
    expect(out[2]!.split('.')).toHaveLength(3)
  })

  it('has its contract suite in the contract kit', async () => {
    const names = (await suitesOf(registry)).map((s) => s.name)
    expect(names).toEqual([...Object.keys(vendorDefinitions), 'onfido', 'sandbox'])
  })

  it('has a bench scenario, which the server answers, in the soak’s mix and able to be the peers’ reference', async () => {
    const all = await scenariosOf(registry)
    expect(Object.keys(all)).toEqual([...Object.keys(vendorDefinitions), 'onfido'])
    const scenario = all.onfido!
    const res = await fetch(running.url + scenario.path, { method: scenario.method, headers: scenario.headers, body: scenario.body })
    expect(res.status).toBe(200)
    const soak = await soakMixOf(registry, running.url)
    expect(soak.filter((m) => m.vendor === 'onfido').map((m) => m.request)).toEqual([scenario])
    // Marked as the reference, it is what the peers (WireMock, Prism) and the in-process run are asked, on its own host.
    const others = Object.fromEntries(Object.entries(all).map(([name, s]) => [name, { ...s, reference: name === 'onfido' }]))
    const reference = referenceRequestOf(registry, others)
    expect(reference.realUrl.href).toBe('https://api.eu.onfido.com/v3.6/sdk_token')
    expect(reference.below).toBe('/sdk_token')
    expect(reference.contractFile).toBe(fileURLToPath(new URL('../fixtures/vendors/onfido/onfido.yaml', import.meta.url)))
  })

  it('is in the docs index and the contract entry’s exports that `npm run generate` writes', () => {
    expect(vendorDocsIndex(registry)).toContain('- [Onfido (scratch vendor)](../../test/fixtures/vendors/onfido/README.md) (`onfido`)')
    expect(vendorExports(registry)).toContain("export * from '../../test/fixtures/vendors/onfido/contract.ts'")
  })

  it('survives fuzzing of every route: no 5xx, every error in its shape', async () => {
    const routes = onfido.routes.map((r) => ({ method: r.method, path: r.path.replace(':id', APPLICANT) }))
    const body = jsonish({ applicant_id: fc.constant(APPLICANT), first_name: fc.string(), last_name: fc.string(), email: fc.string(), referrer: fc.string() })
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, fc.boolean(), async (route, raw, authorized) => {
        const res = await fetch(`${running.url}/onfido/eu/v3.6${route.path}`, {
          method: route.method,
          headers: authorized ? auth() : { 'content-type': 'application/json' },
          ...(route.method === 'GET' || raw === undefined ? {} : { body: raw as string | Uint8Array<ArrayBuffer> }),
        })
        expect(res.status).toBeLessThan(500)
        const answer = (await res.json()) as { error?: { type?: unknown; message?: unknown } }
        if (res.status >= 400) expect(answer.error).toMatchObject({ type: expect.any(String), message: expect.any(String) })
      }),
      { numRuns: Math.min(FUZZ_RUNS, 300) },
    )
  })
})

describe('the scratch vendor across a restart (serve --state)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onfido-state-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps what it acknowledged: an applicant, and a token signed before still verifies after', async () => {
    const stateFile = join(dir, 'state.db')
    const first = await startServer({ sandbox: createSandboxWith(registry), host: '127.0.0.1', port: 0, stateFile })
    const made = (await (await post(`${first.url}/onfido/eu/v3.6/applicants`, { first_name: 'Grace', last_name: 'Hopper' })).json()) as { id: string }
    const also = (await (await post(`${first.url}/onfido/eu/v3.6/applicants`, { first_name: 'Alan', last_name: 'Turing' })).json()) as { id: string }
    const secret = (first.sandbox.snapshot().vendors.onfido as { signingSecret: string }).signingSecret
    await first.close()

    const second = await startServer({ sandbox: createSandboxWith(registry), host: '127.0.0.1', port: 0, stateFile })
    try {
      const res = await fetch(`${second.url}/onfido/eu/v3.6/applicants/${made.id}`, { headers: auth() })
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ id: made.id, first_name: 'Grace' })
      const other = await fetch(`${second.url}/onfido/eu/v3.6/applicants/${also.id}`, { headers: auth() })
      expect(await other.json()).toMatchObject({ id: also.id, first_name: 'Alan' })
      const seeded = await fetch(`${second.url}/onfido/eu/v3.6/applicants/${APPLICANT}`, { headers: auth() })
      expect(seeded.status).toBe(200)
      expect((second.sandbox.snapshot().vendors.onfido as { signingSecret: string }).signingSecret).toBe(secret)
    } finally {
      await second.close()
    }
    // Each row is keyed in the state file by its model's key field, the seeded one too (the
    // sandbox it was given knows the scratch vendor's models; the static registry does not).
    const db = new DatabaseSync(stateFile, { readOnly: true })
    const keys = (db.prepare("SELECT key FROM rows WHERE vendor = 'onfido' AND model = 'applicant'").all() as { key: string }[]).map((r) => r.key)
    db.close()
    expect(keys.sort()).toEqual([APPLICANT, made.id, also.id].sort())
  })
})
