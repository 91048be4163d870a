// No secret leaks into what the sandbox shows or prints. Every vendor is driven through its
// success and failure paths with real credentials (a ComplyCube API key, a CAF clientSecret, a
// CA password), near misses of them, and credentials put where they do not belong (malformed
// bodies, wrong headers); then the journal, the token list, the admin listings and the
// server's own output are searched for every secret and every token the run produced.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import caSeed from '../../fixtures/ca.json' with { type: 'json' }
import { startServe, type ServeChild } from '../support/serve-child.ts'
import { readStateDb } from '../support/state-db.ts'

const CC_CLIENT = '5eb04fcd0f3e360008035eb1'
const TXN = '0b6f2b1e-3c55-4f0a-9a43-5b0e7d2c1a99'
/** Random and long: any 8-character piece of one of these showing up is a leak, not a coincidence. */
const random = (n = 24) => randomBytes(n).toString('base64url')

let dir: string
let server: ServeChild
const secrets = new Map<string, string>()
/** Token strings the run was given: bearer credentials too. */
const tokens: string[] = []

interface Answer {
  status: number
  text: string
  body: any
}
async function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown; raw?: string } = {}): Promise<Answer> {
  const headers = { ...(init.body !== undefined || init.raw !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers }
  const body = init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined)
  const res = await fetch(server.url + path, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, ...(body !== undefined ? { body } : {}) })
  const text = await res.text()
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  return { status: res.status, text, body: parsed }
}

/** Credentials sent where they do not belong: bodies that are not JSON, unquoted values, wrong types. */
const misplaced = (field: string, secret: string) => [
  `{"${field}":${secret}}`,
  `{"${field}":"${secret}",`,
  `{"x":1,"${field}":"${secret}"`,
  `${secret}`,
]

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'token-sandbox-secrets-'))
  // CA with a password nobody else uses (the seeded one contains the tenant's name).
  const caPassword = `Pw-${random()}`
  secrets.set('CA password', caPassword)
  const ca = structuredClone(caSeed)
  ca.tenants[0]!.serviceAccounts[0]!.password = caPassword
  writeFileSync(join(dir, 'ca.json'), JSON.stringify(ca))
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ fixtures: { ca: join(dir, 'ca.json') } }))
  server = await startServe(['--quiet', '--config', join(dir, 'config.json'), '--state', join(dir, 'state.db')])
}, 60_000)

afterAll(async () => {
  await server?.kill()
  rmSync(dir, { recursive: true, force: true })
})

describe('secrets hygiene', () => {
  it('drives ComplyCube with a live API key, near misses and misplaced keys', async () => {
    const created = await call('/__sandbox/complycube/keys', { body: { environment: 'sandbox', name: 'hygiene' } })
    expect(created.status).toBe(201)
    const key: string = created.body.key
    // The journal shows a key redacted to its first and last four characters (`test_abcd…wxyz`),
    // by design; the secret is the random part after the prefix, and no 8 characters of it may show.
    secrets.set('ComplyCube API key', key.slice('test_'.length))
    const auth = { authorization: key }
    expect((await call(`/complycube/v1/clients/${CC_CLIENT}`, { headers: auth })).status).toBe(200)
    expect((await call('/complycube/v1/clients', { headers: auth, body: { type: 'person', email: 'h@example.com', personDetails: { firstName: 'H', lastName: 'Y' } } })).status).toBe(200)
    const issued = await call('/complycube/v1/tokens', { headers: auth, body: { clientId: CC_CLIENT, referrer: 'https://www.example.com/*' } })
    expect(issued.status).toBe(200)
    tokens.push(issued.body.token)
    expect((await call('/__sandbox/complycube/tokens/verify', { body: { token: issued.body.token, referrer: 'https://evil.example/' } })).body.accepted).toBe(false)

    const wrongWays: Record<string, string>[] = [{ authorization: `${key}x` }, { authorization: `Bearer ${key}` }, { authorization: key.replace('test_', 'live_') }, { 'x-api-key': key }]
    for (const headers of wrongWays) {
      expect((await call(`/complycube/v1/clients/${CC_CLIENT}`, { headers })).status).toBe(401)
    }
    for (const raw of misplaced('apiKey', key)) {
      expect((await call('/complycube/v1/clients', { headers: auth, raw })).status).toBeGreaterThanOrEqual(400)
    }
    expect((await call('/complycube/v1/tokens', { headers: auth, body: { clientId: key } })).status).toBeGreaterThanOrEqual(400)
    // A revoked key, used again.
    expect((await call(`/__sandbox/complycube/keys/${key}/revoke`, { method: 'POST', headers: { 'content-type': 'application/json' } })).status).toBe(200)
    expect((await call(`/complycube/v1/clients/${CC_CLIENT}`, { headers: auth })).status).toBe(401)
  })

  it('drives CAF with a clientSecret: self-signed tokens, tokens signed with the wrong secret, the secret itself as a token', async () => {
    const created = await call('/__sandbox/caf/keys', { body: { environment: 'prod', name: 'hygiene', products: ['FaceAuthenticator', 'CafSDK', 'PassiveFaceLiveness'] } })
    expect(created.status).toBe(201)
    const { clientId, clientSecret } = created.body as { clientId: string; clientSecret: string }
    secrets.set('CAF clientSecret', clientSecret)
    const sign = (secret: string, claims: Record<string, unknown> = {}) =>
      new SignJWT({ iss: clientId, ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret))

    const good = await sign(clientSecret, { peopleId: '12345678909', exp: Math.floor(Date.now() / 1000) + 600 })
    tokens.push(good)
    const session = await call('/caf/prod/bff/session-tokens', { headers: { authorization: `Bearer ${good}` } })
    expect(session.status).toBe(200)
    tokens.push(session.body.sessionToken)
    expect((await call('/caf/prod/bff/sessions', { headers: { authorization: `Bearer ${session.body.sessionToken}` }, body: { personId: '12345678909' } })).status).toBe(200)
    // The Mobile API takes the raw token.
    expect((await call('/caf/prod/mobile/faces/authenticate', { headers: { authorization: good }, body: { peopleId: '12345678909', imageUrl: 'https://example.com/a.jpg' } })).status).toBe(200)
    const verified = await call('/caf/prod/mobile/tokens/verify', { headers: { authorization: good, product: 'FaceAuthenticator' } })
    expect(verified.body.status).toBe('VALID')

    const wrong = await sign(`${clientSecret}x`)
    for (const authorization of [`Bearer ${wrong}`, `Bearer ${clientSecret}`, clientSecret, `Bearer ${good}x`, `Basic ${clientSecret}`]) {
      const r = await call('/caf/prod/bff/session-tokens', { headers: { authorization } })
      expect(r.status, authorization.slice(0, 12)).toBeGreaterThanOrEqual(400)
      expect((await call('/caf/prod/mobile/tokens/verify', { headers: { authorization, product: 'FaceAuthenticator' } })).body.status).toBe('INVALID')
    }
    for (const raw of misplaced('clientSecret', clientSecret)) {
      expect((await call('/caf/prod/mobile/faces/authenticate', { headers: { authorization: good }, raw })).status).toBeGreaterThanOrEqual(400)
    }
    expect((await call('/__sandbox/caf/tokens/verify', { body: { token: wrong, environment: 'prod' } })).body.accepted).toBe(false)
    expect((await call('/__sandbox/caf/tokens/mint', { body: { clientId, clientSecret } })).status).toBe(400)
  })

  it('drives CA with a password: right, wrong, misplaced, and in malformed bodies', async () => {
    const password = secrets.get('CA password')!
    const login = (fields: Record<string, unknown>) =>
      call('/ca/hedmoral/token', { body: { client_txn_id: TXN, client_app_id: 'HYGIENE', username: 'hedmoral_admin', password, ...fields } })
    const ok = await login({})
    expect(ok.status).toBe(200)
    tokens.push(ok.body.token)
    expect((await call('/ca/hedmoral/accounts/ACC-1001/links?tenant_id=hedmoral', { headers: { authorization: ok.body.token } })).status).toBe(200)
    expect((await call('/ca/hedmoral/accounts/ACC-1001/links?tenant_id=hedmoral', { headers: { authorization: `Bearer ${ok.body.token}` } })).status).toBe(400)
    expect((await call('/ca/hedmoral/accounts/ACC-1001/links?tenant_id=hedmoral', { headers: { authorization: password } })).status).toBe(400)

    for (const fields of [{ password: `${password}X` }, { username: password }, { username: 'nobody' }, { password: [password] }, { password: { value: password } }, { client_txn_id: password }, { client_app_id: password.repeat(20) }]) {
      expect((await login(fields)).status, JSON.stringify(Object.keys(fields))).toBe(400)
    }
    // Against the other tenant, where this account does not exist.
    expect((await call('/ca/kvarnby/token', { body: { client_txn_id: TXN, client_app_id: 'H', username: 'hedmoral_admin', password } })).status).toBe(400)
    for (const raw of misplaced('password', password)) {
      expect((await call('/ca/hedmoral/token', { raw })).status).toBe(400)
    }
    expect((await call('/ca/hedmoral/token', { raw: `{"username":"hedmoral_admin","password":"${password}"}`, headers: { 'content-type': 'text/plain' } })).status).toBe(400)
  })

  it('then finds no secret and no token in the journal, the token list, the admin listings or the server output', async () => {
    // The sandbox's own signing secrets, read from the state file, must not show up either.
    const state = readStateDb(join(dir, 'state.db'))
    secrets.set('ComplyCube signing secret', state.vendors.complycube.signingSecret)
    secrets.set('CAF signing secret', state.vendors.caf.signingSecret)
    for (const [tenant, secret] of Object.entries(state.vendors.ca.secrets)) secrets.set(`CA ${tenant} secret`, secret as string)
    expect(secrets.size).toBeGreaterThanOrEqual(7)
    expect(tokens).toHaveLength(4)

    const journal = await call('/__sandbox/requests?limit=1000')
    expect(journal.body.requests.length).toBeGreaterThan(40)
    const places: [string, string][] = [
      ['the journal', journal.text],
      ['/__sandbox/tokens', (await call('/__sandbox/tokens')).text],
      ['/__sandbox/caf/keys', (await call('/__sandbox/caf/keys')).text],
      ['/__sandbox/ca/tenants', (await call('/__sandbox/ca/tenants')).text],
      ['/__sandbox/vendors', (await call('/__sandbox/vendors')).text],
    ]
    await server.kill('SIGTERM')
    places.push(['the server stdout', server.stdout()], ['the server stderr', server.stderr()])

    const leaks: string[] = []
    for (const [where, text] of places) {
      for (const [what, secret] of secrets) {
        // Any 8 characters in a row of it: error messages quote snippets, not whole values.
        for (let i = 0; i + 8 <= secret.length; i++) {
          if (text.includes(secret.slice(i, i + 8))) {
            leaks.push(`${what} (…${secret.slice(i, i + 8)}…) in ${where}`)
            break
          }
        }
      }
      for (const token of tokens) {
        const signature = token.split('.')[2]!
        if (text.includes(token) || text.includes(signature)) leaks.push(`a token (…${signature.slice(0, 8)}…) in ${where}`)
      }
    }
    expect(leaks).toEqual([])
    // The journal still says why things were refused.
    const reasons = (journal.body.requests as { reason?: string }[]).map((e) => e.reason).filter(Boolean)
    expect(reasons).toEqual(expect.arrayContaining(['unknown API key', 'wrong password']))
  })
})
