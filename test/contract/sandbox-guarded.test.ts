// The sandbox surface's contract on a server set up the way `serve` is off loopback: the admin
// guard on (an admin token) and a state file. The whole admin suite runs with the token, straight
// and through `prism proxy --errors` — so the contract's optional security lets token-carrying
// and token-less requests through to the sandbox, whose 401 it documents — and then the 503 the
// server answers when the state file cannot be written is checked against the contract too.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createCaller, show } from '../../src/contract/http.ts'
import { startPrism } from '../../src/contract/prism.ts'
import { sandboxContract } from '../../src/contract/sandbox.ts'
import { CONTRACTS_DIR } from '../support/paths.ts'
import { startServer } from '../../src/server/server.ts'

const TOKEN = 'contract-suite-admin-token-0001'
const dir = mkdtempSync(join(tmpdir(), 'token-sandbox-guarded-'))
const writeErrors: unknown[] = []
const running = await startServer({
  host: '127.0.0.1',
  port: 0,
  adminToken: TOKEN,
  stateFile: join(dir, 'state.db'),
  onError: (err) => writeErrors.push(err),
})
const prism = await startPrism({ mode: 'proxy', contract: join(CONTRACTS_DIR, 'sandbox.yaml'), upstream: `${running.url}/__sandbox` })
afterAll(async () => {
  await prism.close()
  await running.close()
  rmSync(dir, { recursive: true, force: true })
})

sandboxContract({ baseUrl: `${running.url}/__sandbox`, adminToken: TOKEN, allowWrites: true })
sandboxContract({ baseUrl: prism.url, adminToken: TOKEN, allowWrites: true, fetch: prism.fetch, throughPrism: true })

describe('a sandbox whose state file cannot be written', () => {
  const api = createCaller(prism.url, prism.fetch)
  const auth = { authorization: `Bearer ${TOKEN}` }

  it('answers a change 503 state_not_saved, as the contract documents, and a read as usual', async () => {
    rmSync(dir, { recursive: true, force: true })
    const change = await api('POST', '/caf/settings', { headers: auth, json: { strictCpf: false } })
    expect(change.status, show(change)).toBe(503)
    expect(change.body, show(change)).toEqual({ error: { code: 'state_not_saved', message: expect.stringMatching(/could not write its state file/) } })
    expect(writeErrors.length).toBeGreaterThan(0)
    const read = await api('GET', '/caf/settings', { headers: auth })
    expect(read.status, show(read)).toBe(200)
  })

  it('still refuses a request without the admin token before anything else', async () => {
    const res = await api('POST', '/clock/reset', { headers: { 'content-type': 'application/json' } })
    expect(res.status, show(res)).toBe(401)
    expect(res.body?.error?.code).toBe('unauthorized')
  })
})

describe('through prism proxy --errors, guarded', () => {
  it('saw zero contract violations', () => {
    expect(prism.violations).toEqual([])
  })
})
