// `serve --state FILE`: state survives restarts and crashes; a change is acknowledged only
// once its transaction is committed (SQLite, WAL, synchronous=FULL); writes are grouped.
import { spawnSync } from 'node:child_process'
import { Agent, request } from 'node:http'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createSandbox } from '../../src/node/sandbox.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { openStateFile, StateFileError } from '../../src/server/state-file.ts'
import { startServe, type ServeChild } from '../support/serve-child.ts'
import { SOURCE_CLI } from '../support/cli.ts'
import { runCli } from '../support/cli-run.ts'
import { readStateDb } from '../support/state-db.ts'

const CC_KEY = 'test_tokensandbox_default_0001'
const CC_CLIENT = '5eb04fcd0f3e360008035eb1'
const CA_LOGIN = { client_txn_id: '0b6f2b1e-3c55-4f0a-9a43-5b0e7d2c1a99', client_app_id: 'STATE_TEST', username: 'hedmoral_admin', password: 'Hedmoral-Sandbox-1' }
const REFERRER = 'https://www.example.com/*'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'token-sandbox-state-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
const readState = readStateDb

describe('the state file, in-process', () => {
  let n = 0
  const fresh = () => join(dir, `state-${++n}.db`)

  it('is created from the seed when missing (readable by its owner only) and loaded on the next start', async () => {
    const file = fresh()
    const first = await startServer({ stateFile: file })
    expect(first.stateFile?.opened).toBe('created')
    const created = await (await fetch(`${first.url}/__sandbox/complycube/keys`, json({ name: 'kept' }))).json()
    // The database and SQLite's side files, while it is open.
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(statSync(f).mode & 0o777, f).toBe(0o600)
    await first.close()

    const second = await startServer({ stateFile: file })
    expect(second.stateFile?.opened).toBe('loaded')
    const keys = (await (await fetch(`${second.url}/__sandbox/complycube/keys`)).json()).keys
    expect(keys).toContainEqual(created)
    await second.close()
  })

  it('has the change on disk by the time the response arrives', async () => {
    const file = fresh()
    const running = await startServer({ stateFile: file })
    const res = await fetch(`${running.url}/complycube/v1/clients`, {
      ...json({ type: 'person', email: 'disk@example.com', personDetails: { firstName: 'D', lastName: 'K' } }),
      headers: { 'content-type': 'application/json', authorization: CC_KEY },
    })
    expect(res.status).toBe(200)
    const { id } = await res.json()
    // Read straight away: no waiting, no flushing.
    expect(readState(file).vendors.complycube.db.client.map((c: { id: string }) => c.id)).toContain(id)
    await running.close()
  })

  it('writes only for requests that changed state: not for reads or refusals; yes for a GET that signs a token', async () => {
    const file = fresh()
    const running = await startServer({ stateFile: file })
    const writes = () => running.stateFile!.writes()
    const start = writes()
    await fetch(`${running.url}/__sandbox/health`)
    await fetch(`${running.url}/complycube/v1/clients/${CC_CLIENT}`, { headers: { authorization: CC_KEY } })
    await fetch(`${running.url}/complycube/v1/clients`, { ...json({ type: 'robot' }), headers: { 'content-type': 'application/json', authorization: CC_KEY } })
    await fetch(`${running.url}/complycube/v1/clients`, { ...json({}), headers: { 'content-type': 'application/json', authorization: 'test_wrong' } })
    expect(writes()).toBe(start)
    // CAF's GET /session-tokens signs a session token: the token list changed.
    const mobile = await (await fetch(`${running.url}/__sandbox/caf/tokens/mint`, json({ clientId: 'tokensandbox-prod-0001' }))).json()
    const afterMint = writes()
    expect(afterMint).toBeGreaterThan(start)
    const session = await fetch(`${running.url}/caf/prod/bff/session-tokens`, { headers: { authorization: `Bearer ${mobile.token}` } })
    expect(session.status).toBe(200)
    expect(writes()).toBeGreaterThan(afterMint)
    // Moving the clock is a change too.
    const beforeClock = writes()
    await fetch(`${running.url}/__sandbox/clock/advance`, json({ by: '1h' }))
    expect(writes()).toBe(beforeClock + 1)
    expect(readState(file).clock).toMatchObject({ frozen: false })
    await running.close()
  })

  it('groups concurrent commits: the callers of one turn of the event loop share one write', async () => {
    const sandbox = createSandbox()
    const store = await openStateFile(sandbox, fresh())
    const before = store.writes()
    sandbox.complycube.createKey('sandbox', 'grouped')
    await Promise.all(Array.from({ length: 50 }, () => store.commit()))
    // A write starts on the turn after the first commit: the in-process change and the 50 are in it.
    expect(store.writes() - before).toBe(1)
    await store.close()
  })

  it('keeps in-process changes too: written in the background, and at close', async () => {
    const file = fresh()
    const running = await startServer({ stateFile: file })
    const before = running.stateFile!.writes()
    const key = running.sandbox.complycube.createKey('live', 'in-process')
    // Nothing here asks for a write: wait for the background one, not a fixed time.
    await vi.waitFor(() => expect(running.stateFile!.writes()).toBeGreaterThan(before), { interval: 5 })
    expect(readState(file).vendors.complycube.db.apiKey.map((k: { key: string }) => k.key)).toContain(key.key)
    running.sandbox.clock.freeze(Date.parse('2032-02-02T00:00:00Z'))
    await running.close()
    expect(readState(file).clock).toEqual({ frozen: true, epochMs: Date.parse('2032-02-02T00:00:00Z') })
  })

  it('answers 503 in the sandbox error shape when the change cannot be written, and says why in the log', async () => {
    const sub = mkdtempSync(join(dir, 'gone-'))
    const errors: unknown[] = []
    const running = await startServer({ stateFile: join(sub, 'state.db'), onError: (e) => errors.push(e) })
    rmSync(sub, { recursive: true })
    const res = await fetch(`${running.url}/__sandbox/complycube/keys`, json({ name: 'lost' }))
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ error: { code: 'state_not_saved', message: expect.stringMatching(/could not write its state file/) } })
    expect(String(errors[0])).toMatch(/ENOENT/)
    // Closing tries a last write, reports it, and still closes.
    await running.close()
    expect(errors.length).toBeGreaterThan(1)
  })

  it('leaves no temp file behind, and removes those a killed process left', async () => {
    const sub = mkdtempSync(join(dir, 'temps-'))
    const file = join(sub, 'state.db')
    for (const side of ['', '-wal', '-shm', '-journal']) writeFileSync(join(sub, `.state.db.999999999.1.abcd.tmp${side}`), '{"half":')
    const running = await startServer({ stateFile: file })
    await fetch(`${running.url}/__sandbox/complycube/keys`, json({}))
    await running.close()
    // Closed, SQLite's -wal and -shm are gone too.
    expect(readdirSync(sub)).toEqual(['state.db'])
  })

  it('refuses an unknown version or a corrupt file with a StateFileError naming the file', async () => {
    const cases: [string, RegExp][] = [
      ['{"version":7,"vendors":{}}', /state version 7 is not supported; this token-sandbox reads version 1/],
      ['{"version":1,', /is corrupt \(not valid JSON/],
      ['', /is empty; delete it to start from the seed/],
      ['[]', /not a token-sandbox state/],
    ]
    for (const [text, message] of cases) {
      const file = fresh()
      writeFileSync(file, text)
      const err = await startServer({ stateFile: file }).then(
        () => null,
        (e: unknown) => e,
      )
      expect(err).toBeInstanceOf(StateFileError)
      expect((err as Error).message).toMatch(message)
      expect((err as Error).message).toContain(file)
      // The file is left as it was for the user to look at.
      expect(readFileSync(file, 'utf8')).toBe(text)
    }
  })
})

describe('one server per state file', () => {
  it('refuses a second open of a file still open, and allows it once the first is closed', async () => {
    const file = join(dir, 'locked-in-process.db')
    const first = await startServer({ stateFile: file })
    const lock = join(dir, '.locked-in-process.db.lock')
    expect(readFileSync(lock, 'utf8').trim()).toBe(String(process.pid))
    const err = await startServer({ stateFile: file }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(StateFileError)
    expect((err as Error).message).toMatch(/is in use by this process .*one server per state file/)
    // The refused server left the first one's lock alone.
    expect(readFileSync(lock, 'utf8').trim()).toBe(String(process.pid))
    await first.close()
    expect(existsSync(lock)).toBe(false)
    const again = await startServer({ stateFile: file })
    expect(again.stateFile?.opened).toBe('loaded')
    await again.close()
  })

  it('takes over the lock of a process that is gone (killed, crashed)', async () => {
    const file = join(dir, 'stale-lock.db')
    writeFileSync(join(dir, '.stale-lock.db.lock'), '999999999\n')
    const running = await startServer({ stateFile: file })
    expect(readFileSync(join(dir, '.stale-lock.db.lock'), 'utf8').trim()).toBe(String(process.pid))
    await running.close()
  })

  it('releases the lock when opening fails on a corrupt file', async () => {
    const file = join(dir, 'corrupt-then-fixed.json')
    writeFileSync(file, '{ not json')
    await expect(startServer({ stateFile: file })).rejects.toThrow(/is corrupt/)
    expect(existsSync(join(dir, '.corrupt-then-fixed.json.lock'))).toBe(false)
  })

  it('makes a second `serve --state` on the same file exit 2, naming the running one’s pid', async () => {
    const file = join(dir, 'locked-cli.db')
    const first = await startServe(['--state', file])
    try {
      const r = spawnSync(process.execPath, [...SOURCE_CLI, 'serve', '--port', '0', '--state', file], {
        encoding: 'utf8',
        timeout: 30_000,
      })
      expect(r.status).toBe(2)
      expect(r.stderr).toContain(`is in use by another process (pid ${first.child.pid})`)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    } finally {
      await first.kill()
    }
    // Stopped with SIGTERM, it freed the file.
    expect(existsSync(join(dir, '.locked-cli.db.lock'))).toBe(false)
  }, 60_000)
})

describe('token-sandbox serve --state', () => {
  it('exits 2 with a message, not a stack trace, for a corrupt file or an unknown version', async () => {
    const cases = [
      ['{"version":2}', /state version 2 is not supported/],
      ['{ not json', /is corrupt/],
    ] as const
    // The two starts at once.
    const runs = await Promise.all(
      cases.map(([text]) => {
        const file = join(dir, `cli-${Math.random().toString(36).slice(2)}.json`)
        writeFileSync(file, text)
        return runCli(['serve', '--port', '0', '--state', file], {}, 30_000)
      }),
    )
    for (const [i, [, message]] of cases.entries()) {
      const r = runs[i]!
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
  })
})

/** One acknowledged write, and how to check it is still there. */
type Acked =
  | { kind: 'ccClient'; id: string }
  | { kind: 'ccUpdated'; id: string; email: string }
  | { kind: 'ccDeleted'; id: string }
  | { kind: 'ccKey'; key: string }
  | { kind: 'cafKey'; clientId: string }
  | { kind: 'caAccount'; account_id: string }
  | { kind: 'ccToken'; token: string; round: number }
  | { kind: 'caToken'; token: string; round: number }

/** The connection to the server broke (it was killed): what `fetch` reports as a TypeError. */
class ConnectionLost extends Error {}

// The burst and the read-back send a few thousand requests: over node:http and one keep-alive
// agent they cost the test process about a third of the CPU `fetch` does.
const agent = new Agent({ keepAlive: true })
afterAll(() => agent.destroy())

/** `fetch`'s subset these loops use; resolves once the whole body has arrived. */
function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; json(): Promise<any>; arrayBuffer(): Promise<unknown> }> {
  return new Promise((resolve, reject) => {
    const lost = (err: unknown) => reject(new ConnectionLost(String(err)))
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', lost)
      res.on('close', () => {
        if (!res.complete) return lost('response cut short')
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({ status: res.statusCode!, json: async () => JSON.parse(text), arrayBuffer: async () => chunks })
      })
    })
    req.on('error', lost)
    req.end(init.body)
  })
}

async function caToken(url: string): Promise<string> {
  const res = await send(`${url}/ca/hedmoral/token`, json(CA_LOGIN))
  expect(res.status).toBe(200)
  return ((await res.json()) as { token: string }).token
}

/**
 * Sends writes from `workers` concurrent loops until the server dies. Each write counts as
 * acknowledged only when its 2xx response has been read in full.
 */
async function burst(url: string, round: number, acked: Acked[], onAck: () => void): Promise<void> {
  const ca = await caToken(url)
  let i = 0
  const cc = { 'content-type': 'application/json', authorization: CC_KEY }
  const newClient = async () => {
    const n = i++
    const res = await send(`${url}/complycube/v1/clients`, {
      ...json({ type: 'person', email: `r${round}-${n}@example.com`, personDetails: { firstName: 'R', lastName: `N${n}` } }),
      headers: cc,
    })
    if (res.status !== 200) throw new Error(`client ${res.status}`)
    return ((await res.json()) as { id: string }).id
  }
  const ops: (() => Promise<Acked>)[] = [
    async () => ({ kind: 'ccClient', id: await newClient() }),
    // A row updated, and one deleted: acknowledged once the update or delete is.
    async () => {
      const id = await newClient()
      const email = `updated-${round}-${i++}@example.com`
      const res = await send(`${url}/complycube/v1/clients/${id}`, { ...json({ email }), headers: cc })
      if (res.status !== 200) throw new Error(`client update ${res.status}`)
      await res.arrayBuffer()
      return { kind: 'ccUpdated', id, email }
    },
    async () => {
      const id = await newClient()
      const res = await send(`${url}/complycube/v1/clients/${id}`, { method: 'DELETE', headers: { authorization: CC_KEY } })
      if (res.status !== 204) throw new Error(`client delete ${res.status}`)
      return { kind: 'ccDeleted', id }
    },
    async () => {
      const res = await send(`${url}/__sandbox/complycube/keys`, json({ name: `r${round}` }))
      if (res.status !== 201) throw new Error(`cc key ${res.status}`)
      return { kind: 'ccKey', key: ((await res.json()) as { key: string }).key }
    },
    async () => {
      const res = await send(`${url}/__sandbox/caf/keys`, json({ environment: 'prod', name: `r${round}`, products: ['FaceAuthenticator'] }))
      if (res.status !== 201) throw new Error(`caf key ${res.status}`)
      return { kind: 'cafKey', clientId: ((await res.json()) as { clientId: string }).clientId }
    },
    async () => {
      const account_id = `R${round}-${i++}`
      const res = await send(`${url}/ca/hedmoral/accounts`, {
        ...json({ tenant_id: 'hedmoral', account_id }),
        headers: { 'content-type': 'application/json', authorization: ca },
      })
      if (res.status !== 200) throw new Error(`ca account ${res.status}`)
      await res.arrayBuffer()
      return { kind: 'caAccount', account_id }
    },
    async () => {
      const res = await send(`${url}/complycube/v1/tokens`, {
        ...json({ clientId: CC_CLIENT, referrer: REFERRER }),
        headers: { 'content-type': 'application/json', authorization: CC_KEY },
      })
      if (res.status !== 200) throw new Error(`cc token ${res.status}`)
      return { kind: 'ccToken', token: ((await res.json()) as { token: string }).token, round }
    },
    async () => {
      const res = await send(`${url}/ca/hedmoral/token`, json(CA_LOGIN))
      if (res.status !== 200) throw new Error(`ca token ${res.status}`)
      return { kind: 'caToken', token: ((await res.json()) as { token: string }).token, round }
    },
  ]
  const worker = async (w: number) => {
    for (let k = w; ; k++) {
      let result: Acked
      try {
        result = await ops[k % ops.length]!()
      } catch (err) {
        // The process was killed: the connection failed. Anything else is a real failure.
        if (err instanceof ConnectionLost) return
        throw err
      }
      acked.push(result)
      onAck()
    }
  }
  await Promise.all(Array.from({ length: 16 }, (_, w) => worker(w)))
}

/** Every acknowledged write is there: each one is read back (16 reads at a time: they are independent). */
async function expectAllThere(url: string, acked: Acked[], round: number): Promise<void> {
  const ccKeys = new Set(((await (await send(`${url}/__sandbox/complycube/keys`)).json()).keys as { key: string }[]).map((k) => k.key))
  const cafKeys = new Set(((await (await send(`${url}/__sandbox/caf/keys`)).json()).keys as { clientId: string }[]).map((k) => k.clientId))
  const ca = await caToken(url)
  let next = 0
  const reader = async () => {
    while (next < acked.length) await check(acked[next++]!)
  }
  await Promise.all(Array.from({ length: 16 }, reader))

  async function check(a: Acked): Promise<void> {
    switch (a.kind) {
      case 'ccClient': {
        const res = await send(`${url}/complycube/v1/clients/${a.id}`, { headers: { authorization: CC_KEY } })
        expect(res.status, `client ${a.id}`).toBe(200)
        break
      }
      case 'ccUpdated': {
        const res = await send(`${url}/complycube/v1/clients/${a.id}`, { headers: { authorization: CC_KEY } })
        expect(res.status, `client ${a.id}`).toBe(200)
        expect(((await res.json()) as { email: string }).email, `client ${a.id}`).toBe(a.email)
        break
      }
      case 'ccDeleted': {
        const res = await send(`${url}/complycube/v1/clients/${a.id}`, { headers: { authorization: CC_KEY } })
        expect(res.status, `deleted client ${a.id}`).toBe(404)
        break
      }
      case 'ccKey':
        expect(ccKeys.has(a.key), `key ${a.key.slice(0, 8)}…`).toBe(true)
        break
      case 'cafKey':
        expect(cafKeys.has(a.clientId), `CAF key ${a.clientId}`).toBe(true)
        break
      case 'caAccount': {
        const res = await send(`${url}/ca/hedmoral/accounts/${a.account_id}/links?tenant_id=hedmoral`, { headers: { authorization: ca } })
        expect(res.status, `account ${a.account_id}`).toBe(200)
        break
      }
      // Tokens are judged by the clock of the round that issued them (later rounds move it).
      case 'ccToken':
        if (a.round === round) {
          const v = await (await send(`${url}/__sandbox/complycube/tokens/verify`, json({ token: a.token, referrer: 'https://www.example.com/' }))).json()
          expect(v.accepted, `ComplyCube token: ${v.verdict}`).toBe(true)
        }
        break
      case 'caToken':
        if (a.round === round) {
          const v = await (await send(`${url}/__sandbox/ca/tokens/verify`, json({ token: a.token }))).json()
          expect(v.accepted, `CA token: ${v.verdict}`).toBe(true)
        }
        break
    }
  }
}

describe('serve --state survives SIGKILL in the middle of a burst of creates, updates and deletes', () => {
  const ROUNDS = 5
  let file: string
  let server: ServeChild | null = null
  afterAll(async () => {
    await server?.kill('SIGKILL')
  })

  it(`keeps every acknowledged write, the signing secrets and the clock, over ${ROUNDS} kills at random points`, async () => {
    file = join(dir, 'crash.db')
    const acked: Acked[] = []
    server = await startServe(['--quiet', '--state', file])
    for (let round = 0; round < ROUNDS; round++) {
      // Each round leaves the clock differently: frozen at an instant, or running with an offset.
      const frozenAt = Date.UTC(2030, 0, 1 + round, 12)
      if (round % 2 === 0) await fetch(`${server.url}/__sandbox/clock/freeze`, json({ at: frozenAt }))
      else {
        await fetch(`${server.url}/__sandbox/clock/reset`, json({}))
        await fetch(`${server.url}/__sandbox/clock/advance`, json({ by: `${round}h` }))
      }

      const killAfter = 20 + Math.floor(Math.random() * 200)
      let acks = 0
      const victim = server
      const done = burst(victim.url, round, acked, () => {
        if (++acks === killAfter) victim.child.kill('SIGKILL')
      })
      await done
      const { signal } = await victim.exited
      expect(signal).toBe('SIGKILL')
      expect(acks).toBeGreaterThanOrEqual(killAfter)

      // The database is whole: whatever moment the kill came, it passes SQLite's check and reads.
      const state = readState(file)
      expect(state.version).toBe(1)

      server = await startServe(['--quiet', '--state', file])
      expect(server.stdout()).toContain('(loaded)')
      const clock = await (await fetch(`${server.url}/__sandbox/clock`)).json()
      if (round % 2 === 0) expect(clock).toMatchObject({ frozen: true, epochMs: frozenAt })
      else {
        expect(clock.frozen).toBe(false)
        expect(Math.abs(clock.offsetMs - round * 3_600_000)).toBeLessThan(30_000)
      }
      await expectAllThere(server.url, acked, round)
    }
    expect(new Set(acked.map((a) => a.kind)).size).toBe(8)
  }, 180_000)
})
