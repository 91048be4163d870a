// A lone UTF-16 surrogate ("\ud800", valid JSON) sent into a request could once brick
// `serve --state`: SQLite keeps text as UTF-8, where it becomes U+FFFD, so the row's key no longer
// matched its JSON (the next start exited 2) and "c\ud800" and "c\udfff" shared one row. Now the
// core refuses such a body with the vendor's 400 naming the field (src/core/well-formed.ts), for
// every write route of every vendor and of the admin API, and the state file keeps whatever key
// reaches it losslessly (src/server/row-keys.ts). Driven over HTTP and through the CLI.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminErrors } from '../../src/admin/errors.ts'
import { adminRoutes } from '../../src/admin/routes.ts'
import { illFormedPath, type FieldPath } from '../../src/core/well-formed.ts'
import type { Route } from '../../src/core/service.ts'
import type { AnyVendor } from '../../src/core/vendor.ts'
import { ADMIN_PREFIX } from '../../src/sandbox.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import { startServe } from '../support/serve-child.ts'
import { readStateDb } from '../support/state-db.ts'
import { APP_ID, HEDMORAL, TXN_ID } from '../vendors/ca/support.ts'
import { CORE_TOKENS, KEYS } from '../vendors/caf/support.ts'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'token-sandbox-surrogates-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, body: text ? (JSON.parse(text) as any) : undefined }
}

const caToken = async (base: string) => {
  const r = await post(`${base}/ca/hedmoral/token`, { client_txn_id: TXN_ID, client_app_id: APP_ID, username: HEDMORAL.username, password: HEDMORAL.password })
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body.token as string
}

describe('a lone surrogate in a CA contact_id, through serve --state (the issue’s example)', () => {
  it('is refused naming the field; the server restarts on the same file with the acknowledged account intact', async () => {
    const file = join(dir, 'ca-example.db')
    let child = await startServe(['--state', file, '--quiet'])
    try {
      const token = await caToken(child.url)
      const account = (contact_id: string, account_id: string) => ({
        tenant_id: 'hedmoral',
        account_id,
        name: 'Lone Surrogate',
        contacts: [{ contact_id, type: 'email', value: 'ls@example.com', is_default: true }],
      })
      const bad = await post(`${child.url}/ca/hedmoral/accounts`, account('c\ud800', 'ACC-LONE-1'), { authorization: token })
      expect(bad).toEqual({ status: 400, body: { error_code: 'invalid_input', error_description: 'Value for element {contacts[0].contact_id} is invalid' } })
      const other = await post(`${child.url}/ca/hedmoral/accounts`, account('c\udfff', 'ACC-LONE-2'), { authorization: token })
      expect(other.status).toBe(400)
      const good = await post(`${child.url}/ca/hedmoral/accounts`, account('c', 'ACC-LONE-3'), { authorization: token })
      expect(good.status, JSON.stringify(good.body)).toBe(200)
    } finally {
      await child.kill()
    }
    child = await startServe(['--state', file, '--quiet'])
    try {
      const res = await fetch(`${child.url}/__sandbox/ca/tenants/hedmoral/accounts`)
      const ids = ((await res.json()) as { accounts: { account_id: string; contacts: { contact_id: string }[] }[] }).accounts
      const kept = ids.find((a) => a.account_id === 'ACC-LONE-3')
      expect(kept?.contacts.map((c) => c.contact_id)).toEqual(['c'])
      expect(ids.map((a) => a.account_id)).not.toContain('ACC-LONE-1')
      expect(ids.map((a) => a.account_id)).not.toContain('ACC-LONE-2')
    } finally {
      await child.kill()
    }
  }, 90_000)
})

// ---- every write route ----

type AnyRoute = Route<unknown> & { api?: string; auth?: string }
type Credentials = (route: AnyRoute) => Promise<Record<string, string>>

/** Bodies with a lone surrogate as a value, deep in a list, and as a key: each one field the vendor's 400 must name. */
const BODIES: unknown[] = [
  { name: 'fine', value: 'x\ud800' },
  { nested: { list: ['fine', '\udfff tail'] } },
  { 'k\udc00ey': 'fine' },
  { lead: '\ud83d\ude00 a pair is fine', trail: 'cut pair \ud83d' },
]

/** What a test needs to get past each vendor's authentication to the body check: every registered vendor must be here. */
function credentialsFor(url: string): Record<string, Credentials> {
  const once = <T>(make: () => Promise<T>) => {
    let p: Promise<T> | undefined
    return () => (p ??= make())
  }
  const mobile = once(async () => (await post(`${url}${ADMIN_PREFIX}/caf/tokens/mint`, { clientId: KEYS.prod.clientId })).body.token as string)
  const session = once(async () => {
    const res = await fetch(`${url}/caf/prod/bff/session-tokens`, { headers: { authorization: `Bearer ${await mobile()}` } })
    return ((await res.json()) as { sessionToken: string }).sessionToken
  })
  const signature = { 'content-signature': '0'.repeat(64) }
  const attestation = once(async () => (await post(`${url}/caf/prod/sdk/attestations`, {}, { authorization: await mobile(), ...signature })).body.attestation as string)
  const ca = once(() => caToken(url))
  return {
    complycube: async () => ({ authorization: 'test_tokensandbox_default_0001' }),
    ca: async (route): Promise<Record<string, string>> => (route.path === '/token' ? {} : { authorization: await ca() }),
    caf: async (route): Promise<Record<string, string>> => {
      switch (route.auth) {
        case 'mobile-token':
          if (route.api === 'sdk') return { authorization: await mobile(), ...signature }
          return { authorization: route.api === 'bff' ? `Bearer ${await mobile()}` : await mobile() }
        case 'session-token':
        case 'any-token': // the BFF's analytics: a session token or the integrator's own
          return { authorization: `Bearer ${await session()}` }
        case 'attestation':
          return { authorization: await attestation(), ...signature }
        case 'core-token':
          return { authorization: CORE_TOKENS.prod }
        default:
          return {}
      }
    },
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH'])
const fill = (path: string) => path.replace(/:[A-Za-z_]+/g, 'x')
const withoutRequestId = (body: unknown) => {
  if (body && typeof body === 'object' && 'requestId' in body) {
    const { requestId: _, ...rest } = body as Record<string, unknown>
    return rest
  }
  return body
}

describe('every write route of every vendor, and of the admin API, with lone surrogates in its body', () => {
  const file = () => join(dir, 'every-route.db')
  let running: RunningServer
  beforeAll(async () => {
    running = await startServer({ host: '127.0.0.1', port: 0, stateFile: file(), seed: 'lone-surrogates' })
  })
  afterAll(() => running?.close())

  it('knows how to authenticate to every registered vendor', () => {
    expect(Object.keys(credentialsFor('')).sort()).toEqual(Object.keys(vendorDefinitions).sort())
  })

  const vendorCases = Object.values(vendorDefinitions as Record<string, AnyVendor>).flatMap((v) =>
    (v.routes as AnyRoute[]).filter((r) => WRITES.has(r.method)).map((r) => [`${v.name} ${r.method} ${r.path}`, v, r] as const),
  )

  it.each(vendorCases)('%s answers the vendor’s 400 naming the field, for each body', async (_name, vendor, route) => {
    const mount = running.sandbox.prefixes().find((m) => m.vendor === vendor.name && (m.api ?? null) === (route.api ?? m.api ?? null) && (m.environment === null || ['prod', 'hedmoral', 'sandbox'].includes(m.environment)))
    expect(mount, `a mount for ${route.api ?? 'all'}`).toBeDefined()
    const headers = await credentialsFor(running.url)[vendor.name]!(route)
    // CA reads its bodies itself (its Content-Type is optional), through the core's parser, on every POST.
    const readsJson = route.body !== 'none' || (vendor.name === 'ca' && route.method === 'POST')
    for (const body of BODIES) {
      const res = await fetch(`${running.url}${mount!.base}${fill(route.path)}`, { method: route.method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
      const text = await res.text()
      expect(res.status, `${JSON.stringify(body)} → ${text}`).toBeGreaterThanOrEqual(400)
      if (!readsJson) continue
      const expected = vendor.errors.illFormedString(illFormedPath(body) as FieldPath)
      expect(res.status, text).toBe(expected.status)
      expect(withoutRequestId(JSON.parse(text))).toEqual(withoutRequestId(expected.body))
    }
  })

  const adminCases = [
    ...Object.values(vendorDefinitions as Record<string, AnyVendor>).flatMap((v) =>
      (v.adminRoutes as AnyRoute[]).filter((r) => WRITES.has(r.method)).map((r) => [`${ADMIN_PREFIX}/${v.name}${r.path}`, r] as const),
    ),
    ...(adminRoutes as AnyRoute[]).filter((r) => WRITES.has(r.method)).map((r) => [`${ADMIN_PREFIX}${r.path}`, r] as const),
  ]

  it.each(adminCases)('POST %s answers the admin API’s 400 naming the field', async (path, route) => {
    for (const body of BODIES) {
      const res = await fetch(`${running.url}${fill(path)}`, { method: route.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      const text = await res.text()
      if (route.body === 'none') {
        // A route that reads no body cannot store what is in it.
        expect(res.status, text).not.toBe(500)
        continue
      }
      const expected = adminErrors.illFormedString(illFormedPath(body) as FieldPath)
      expect({ status: res.status, body: JSON.parse(text) }).toEqual({ status: expected.status, body: expected.body })
    }
  })

  it('paths cannot carry one: an encoded surrogate in a DELETE path matches no route', async () => {
    const token = await caToken(running.url)
    const res = await fetch(`${running.url}/ca/hedmoral/accounts/ACC-1001/contacts/c%ED%A0%80`, { method: 'DELETE', headers: { authorization: token } })
    expect(res.status).toBe(404)
  })

  it('leaves a state file with no such string, on which serve --state starts', async () => {
    await running.close()
    expect(illFormedPath(readStateDb(file()))).toBeNull()
    const child = await startServe(['--state', file(), '--quiet'])
    try {
      expect((await fetch(`${child.url}/__sandbox/health`)).status).toBe(200)
    } finally {
      await child.kill()
    }
  }, 60_000)
})
