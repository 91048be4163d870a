import { describe, expect, it } from 'vitest'
import { vendorDefinitions } from '../src/vendors/registry.ts'
import { createSandbox } from '../src/node/sandbox.ts'
import type { Sandbox } from '../src/sandbox.ts'
import { SnapshotError } from '../src/core/snapshot.ts'
import type { SandboxSnapshot } from '../src/sandbox-state.ts'

const CC_KEY = 'test_tokensandbox_default_0001'
const CC_CLIENT = '5eb04fcd0f3e360008035eb1'
const CA = { username: 'hedmoral_admin', password: 'Hedmoral-Sandbox-1' }
const TXN = '0b6f2b1e-3c55-4f0a-9a43-5b0e7d2c1a99'

async function send(sandbox: Sandbox, method: string, path: string, init: { headers?: Record<string, string>; body?: unknown } = {}) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) }
  let body: Uint8Array | null = null
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = new TextEncoder().encode(JSON.stringify(init.body))
  }
  const res = await sandbox.handle({ method, url: new URL(path, 'http://127.0.0.1:4545'), headers, body })
  return res as { status: number; body: any }
}

/** The snapshot as it would be read back from disk, without the write time. */
const onDisk = (s: Sandbox) => {
  const { savedAt, ...rest } = JSON.parse(JSON.stringify(s.snapshot())) as SandboxSnapshot
  expect(Date.parse(savedAt)).not.toBeNaN()
  return rest
}

/** A sandbox with something changed in every vendor, and what each change produced. */
async function busySandbox(seed = 'state-a') {
  const a = createSandbox({ seed })
  // Frozen first, so every token below is still valid at the instant the snapshot keeps.
  a.clock.freeze(Date.parse('2031-05-06T07:08:09Z'))
  const client = await send(a, 'POST', '/complycube/v1/clients', {
    headers: { authorization: CC_KEY },
    body: { type: 'person', email: 'ada@example.com', personDetails: { firstName: 'Ada', lastName: 'Lovelace' } },
  })
  expect(client.status).toBe(200)
  const ccKey = a.complycube.createKey('live', 'created')
  a.complycube.revokeKey(CC_KEY.replace('default', 'revoked'))
  const ccToken = await a.complycube.issueToken({ environment: 'sandbox', clientId: CC_CLIENT, referrer: 'https://www.example.com/*' })

  const cafKey = a.caf.createKey({ environment: 'beta', name: 'new', products: ['FaceAuthenticator', 'CafSDK'] })
  a.caf.configure({ strictCpf: true, sessionTokenLifetimeSeconds: 600 })
  a.caf.registerFace('beta', '529.982.247-25', 'https://example.com/face.jpg')
  const mobile = await a.caf.mintToken({ clientId: cafKey.clientId, peopleId: '52998224725' })
  const session = await send(a, 'GET', '/caf/beta/bff/session-tokens', { headers: { authorization: `Bearer ${mobile}` } })
  expect(session.status).toBe(200)

  const caToken = await send(a, 'POST', '/ca/hedmoral/token', { body: { client_txn_id: TXN, client_app_id: 'APP', ...CA } })
  expect(caToken.status).toBe(200)
  const account = await send(a, 'POST', '/ca/hedmoral/accounts', {
    headers: { authorization: caToken.body.token },
    body: { tenant_id: 'hedmoral', account_id: 'ACC-NEW', name: 'New', contacts: [{ contact_id: 'c1', type: 'email', value: 'n@example.com' }] },
  })
  expect(account.status).toBe(200)
  return { a, clientId: client.body.id as string, ccKey, ccToken, cafKey, sessionToken: session.body.sessionToken as string, caToken: caToken.body.token as string }
}

describe('a sandbox snapshot', () => {
  it('is version 1 and plain JSON: clock, id generator, every vendor, the issued tokens', async () => {
    const { a } = await busySandbox()
    const snap = onDisk(a)
    expect(snap.version).toBe(1)
    expect(snap.clock).toEqual({ frozen: true, epochMs: Date.parse('2031-05-06T07:08:09Z') })
    expect(snap.ids).toHaveLength(4)
    expect(Object.keys(snap.vendors).sort()).toEqual(Object.keys(vendorDefinitions).sort())
    // ComplyCube SDK token, CAF mobile and session tokens, CA token.
    expect(snap.issued.length).toBe(4)
  })

  it('restores into a fresh sandbox exactly: restoring and snapshotting again gives the same document', async () => {
    const { a } = await busySandbox()
    const b = createSandbox({ seed: 'another-seed' })
    b.restore(JSON.parse(JSON.stringify(a.snapshot())))
    expect(onDisk(b)).toEqual(onDisk(a))
  })

  it('keeps ComplyCube keys, clients and the signing secret: a token issued before still verifies after', async () => {
    const { a, clientId, ccKey, ccToken } = await busySandbox()
    const b = createSandbox()
    b.restore(JSON.parse(JSON.stringify(a.snapshot())))
    expect(b.complycube.getClient('sandbox', clientId)?.email).toBe('ada@example.com')
    expect(b.complycube.listKeys()).toContainEqual({ key: ccKey.key, environment: 'live', name: 'created', revoked: false })
    expect(b.complycube.listKeys().find((k) => k.key === 'test_tokensandbox_revoked_0001')?.revoked).toBe(true)
    const verdict = await b.complycube.verifyToken({ token: ccToken, referrer: 'https://www.example.com/' })
    expect(verdict.accepted).toBe(true)
    const got = await send(b, 'GET', `/complycube/v1/clients/${clientId}`, { headers: { authorization: CC_KEY } })
    expect(got.status).toBe(200)
  })

  it('keeps CAF keys with their secrets, faces, settings and the session-token secret', async () => {
    const { a, cafKey, sessionToken } = await busySandbox()
    const b = createSandbox()
    b.restore(JSON.parse(JSON.stringify(a.snapshot())))
    expect(b.caf.settings()).toMatchObject({ strictCpf: true, sessionTokenLifetimeSeconds: 600 })
    expect(b.caf.listFaces('beta').map((f) => f.peopleId)).toContain('52998224725')
    // The key's secret came back: a token minted with it after the restore is accepted.
    const mobile = await b.caf.mintToken({ clientId: cafKey.clientId })
    expect((await b.caf.verifyToken({ token: mobile, environment: 'beta' })).accepted).toBe(true)
    // The session token signed before the restore opens a session after it.
    const opened = await send(b, 'POST', '/caf/beta/bff/sessions', {
      headers: { authorization: `Bearer ${sessionToken}` },
      body: { personId: '52998224725' },
    })
    expect(opened.status).toBe(200)
  })

  it('keeps CA accounts and tenant secrets: a token issued before still opens the account APIs', async () => {
    const { a, caToken } = await busySandbox()
    const b = createSandbox()
    b.restore(JSON.parse(JSON.stringify(a.snapshot())))
    expect(b.ca.accounts('hedmoral').map((x) => x.account_id)).toContain('ACC-NEW')
    const links = await send(b, 'GET', '/ca/hedmoral/accounts/ACC-NEW/links?tenant_id=hedmoral', { headers: { authorization: caToken } })
    expect(links.status).toBe(200)
    expect(links.body.account_id).toBe('ACC-NEW')
  })

  it('keeps the clock running with its offset when it was not frozen', () => {
    const a = createSandbox()
    a.clock.advance(3_600_000)
    const b = createSandbox()
    b.restore(JSON.parse(JSON.stringify(a.snapshot())))
    expect(b.clock.state().frozen).toBe(false)
    expect(Math.abs(b.clock.state().offsetMs - 3_600_000)).toBeLessThan(1_000)
  })

  it('goes on with the seeded id generator where it stopped, so new ids never repeat old ones', async () => {
    const a = createSandbox({ seed: 'same' })
    const first = a.complycube.createKey('sandbox').key
    const b = createSandbox({ seed: 'same' })
    b.restore(JSON.parse(JSON.stringify(a.snapshot())))
    const next = b.complycube.createKey('sandbox').key
    expect(next).not.toBe(first)
    // And it is exactly what `a` would have made next.
    expect(next).toBe(a.complycube.createKey('sandbox').key)
  })

  it('lists the restored tokens under /__sandbox/tokens', async () => {
    const { a } = await busySandbox()
    const b = createSandbox()
    b.restore(JSON.parse(JSON.stringify(a.snapshot())))
    expect(b.admin.tokens().map((t) => t.claims.jti)).toEqual(a.admin.tokens().map((t) => t.claims.jti))
  })

  it('keeps which request issued each token: vendor, environment and path survive the empty journal, seq does not', async () => {
    const { a } = await busySandbox()
    const before = a.admin.tokens()
    const snap = JSON.parse(JSON.stringify(a.snapshot())) as SandboxSnapshot
    const b = createSandbox()
    b.restore(snap)
    expect(b.journal.size()).toBe(0)
    const after = b.admin.tokens()
    expect(after.map(({ vendor, environment, path }) => ({ vendor, environment, path }))).toEqual(
      before.map(({ vendor, environment, path }) => ({ vendor, environment, path })),
    )
    // The CAF session token and the CA token came through requests; the ComplyCube and CAF
    // mobile tokens were made in-process (no request, so no origin before or after).
    expect(after.filter((t) => t.path !== null).map((t) => `${t.vendor} ${t.environment} ${t.path}`)).toEqual([
      'caf beta /caf/beta/bff/session-tokens',
      'ca hedmoral /ca/hedmoral/token',
    ])
    expect(before.filter((t) => t.path !== null).every((t) => typeof t.seq === 'number')).toBe(true)
    expect(after.every((t) => t.seq === null)).toBe(true)
    // And a restart after the restart keeps them still (no journal at all by then).
    const c = createSandbox()
    c.restore(JSON.parse(JSON.stringify(b.snapshot())))
    expect(c.admin.tokens().map((t) => t.path)).toEqual(after.map((t) => t.path))
  })
})

describe('restoring a snapshot that is not valid', () => {
  const valid = async () => JSON.parse(JSON.stringify((await busySandbox()).a.snapshot())) as Record<string, any>
  const refusal = (data: unknown) => {
    const b = createSandbox({ seed: 'fresh' })
    try {
      b.restore(data)
    } catch (err) {
      expect(err).toBeInstanceOf(SnapshotError)
      return { message: (err as Error).message, sandbox: b }
    }
    throw new Error('restore accepted it')
  }

  it('refuses another version, naming both versions', async () => {
    const data = await valid()
    data.version = 2
    expect(refusal(data).message).toBe('state version 2 is not supported; this token-sandbox reads version 1')
  })

  it('refuses JSON that is not a state: no version, not an object', () => {
    expect(refusal({ hello: 'world' }).message).toMatch(/no "version"/)
    expect(refusal([1, 2]).message).toMatch(/expected a JSON object/)
    expect(refusal(null).message).toMatch(/expected a JSON object/)
  })

  it('names the bad value in a corrupt row, and leaves the seed in place', async () => {
    const data = await valid()
    data.vendors.caf.db.mobileKey[1].revoked = 'yes'
    const { message, sandbox } = refusal(data)
    expect(message).toBe('caf.db.mobileKey[1].revoked must be a boolean')
    expect(sandbox.caf.listKeys().map((k) => k.clientId)).toContain('tokensandbox-prod-0001')
  })

  it('goes back to the seed when a later vendor is corrupt after an earlier one was restored', async () => {
    const data = await valid()
    data.vendors.ca.db.account[0].createdAtMs = 'yesterday'
    const { message, sandbox } = refusal(data)
    expect(message).toBe('ca.db.account[0].createdAtMs must be a number')
    // ComplyCube came first in the file and was restored; the failure put it back to the seed.
    expect(sandbox.complycube.listKeys().map((k) => k.key)).not.toContain(data.vendors.complycube.db.apiKey.at(-1).key)
    expect(sandbox.complycube.listKeys()).toHaveLength(3)
  })

  it('refuses unknown vendors, models and properties, duplicate keys, a bad clock and bad ids', async () => {
    const cases: [(d: Record<string, any>) => void, RegExp][] = [
      [(d) => (d.vendors.acme = {}), /unknown vendor 'acme'/],
      [(d) => (d.vendors.complycube.db.widget = []), /unknown model 'widget'/],
      [(d) => (d.vendors.complycube.db.apiKey[0].extra = 1), /apiKey\[0\] has an unknown property 'extra'/],
      [(d) => d.vendors.complycube.db.apiKey.push({ ...d.vendors.complycube.db.apiKey[0] }), /appears twice/],
      [(d) => (d.vendors.complycube.signingSecret = ''), /complycube.signingSecret must be a non-empty string/],
      [(d) => (d.vendors.caf.settings = { strictCpf: 'no' }), /caf.settings: 'strictCpf' must be a boolean/],
      [(d) => (d.vendors.ca.secrets = []), /ca.secrets must be an object/],
      [(d) => (d.clock = { frozen: true }), /clock.epochMs must be a number/],
      [(d) => (d.clock = { frozen: false, offsetMs: 1e20 }), /clock.offsetMs/],
      [(d) => (d.ids = [1, 2, 3]), /ids must be null or four/],
      [(d) => (d.issued = [{ token: 1 }]), /issued\[0\] must be/],
      [(d) => (d.issued[0].origin = { vendor: 'caf', path: 7 }), /issued\[0\].origin must be \{ vendor, environment, path \}/],
    ]
    for (const [corrupt, expected] of cases) {
      const data = await valid()
      corrupt(data)
      expect(refusal(data).message).toMatch(expected)
    }
  })
})

describe('watching a sandbox for changes', () => {
  it('hears about rows, signed tokens and clock moves, and nothing once stopped', async () => {
    const s = createSandbox()
    let n = 0
    const stop = s.watch(() => n++)
    s.complycube.createKey('sandbox')
    expect(n).toBeGreaterThan(0)
    let before = n
    await s.complycube.issueToken({ environment: 'sandbox', clientId: CC_CLIENT })
    expect(n).toBeGreaterThan(before)
    before = n
    s.clock.advance(1000)
    expect(n).toBe(before + 1)
    before = n
    // Reading changes nothing.
    s.complycube.listKeys()
    await send(s, 'GET', `/complycube/v1/clients/${CC_CLIENT}`, { headers: { authorization: CC_KEY } })
    expect(n).toBe(before)
    stop()
    s.complycube.createKey('sandbox')
    s.clock.advance(1000)
    expect(n).toBe(before)
  })
})
