// Attacks on the journal's memory: many requests with huge paths, ids and `iss` claims. The
// journal keeps bounded copies (path, reason, meta) within a byte budget, the admin lists are
// capped, and error messages quote only a clipped piece of the input.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { mintCafToken } from '../../src/vendors/caf/mint.ts'
import { JOURNAL_BYTE_BUDGET } from '../../src/core/journal.ts'
import { MAX_PATH_CHARS, MAX_REASON_CHARS } from '../../src/core/journal-entry.ts'
import { MAX_REQUESTS_ANSWER_BYTES } from '../../src/admin/routes.ts'

const KEY = 'test_tokensandbox_default_0001'
const HUGE = 200_000
const hugeId = (i: number) => `${i}-` + 'x'.repeat(HUGE)
const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

async function sequential(n: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < n; i++) await fn(i)
}

describe('the journal under huge inputs', () => {
  let s: RunningServer
  beforeAll(async () => {
    s = await startServer({ port: 0 })
  })
  afterAll(() => s.close())
  const admin = (path: string) => fetch(`${s.url}/__sandbox${path}`)

  it('keeps a 200 KB client id clipped with a visible marker, and the 404 quotes only a piece of it', async () => {
    const res = await fetch(`${s.url}/complycube/v1/clients/${hugeId(0)}`, { headers: { authorization: KEY } })
    expect(res.status).toBe(404)
    const text = await res.text()
    expect(text.length).toBeLessThan(1024)
    expect(JSON.parse(text)).toMatchObject({ type: 'resource_not_found', message: expect.stringContaining('…[truncated 199,') })
    const [entry] = (await (await admin('/requests?limit=1')).json()).requests
    expect(entry.path.length).toBeLessThan(MAX_PATH_CHARS + 64)
    expect(entry.path).toMatch(/…\[truncated [\d,]+ characters\]$/)
    expect(JSON.stringify(entry.meta).length).toBeLessThan(1024)
  })

  it('answers an unknown 200 KB path on every vendor with a short message', async () => {
    // With the credential each API takes: an unsimulated path is judged by it before its 404.
    const credentials: Record<string, string> = { '/complycube/v1': KEY, '/caf/prod/mobile': await mintCafToken({ clientId: 'tokensandbox-prod-0001', clientSecret: 'sandbox-prod-secret-0001-5c1e7a93d04b28f6e1a7c3d9' }) }
    for (const prefix of ['/complycube/v1', '/caf/prod/mobile', '/ca/default', '/__sandbox', '/nowhere']) {
      const res = await fetch(`${s.url}${prefix}/${'y'.repeat(HUGE)}`, { headers: credentials[prefix] ? { authorization: credentials[prefix] } : {} })
      expect(res.status, prefix).toBe(404)
      expect((await res.text()).length, prefix).toBeLessThan(1024)
    }
  })

  it('clips a CAF refusal that quotes a 150 KB iss', async () => {
    const token = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ iss: 'i'.repeat(150_000) })}.c2ln`
    const res = await fetch(`${s.url}/caf/prod/mobile/tokens/verify`, { headers: { authorization: token, product: 'FaceAuthenticator' } })
    expect(res.status).toBeLessThan(500)
    expect((await res.text()).length).toBeLessThan(1024)
    const [entry] = (await (await admin('/requests?vendor=caf&limit=1')).json()).requests
    expect(entry.reason.length).toBeLessThan(MAX_REASON_CHARS + 64)
    expect(entry.reason).toContain('…[truncated ')
  })

  it('stays within its byte budget after 300 requests with 200 KB ids, and lists at most about 1 MiB', async () => {
    await sequential(300, (i) => fetch(`${s.url}/complycube/v1/clients/${hugeId(i)}`, { headers: { authorization: KEY } }).then((r) => r.arrayBuffer()))
    const journal = s.sandbox.journal
    expect(journal.bytes()).toBeLessThanOrEqual(JOURNAL_BYTE_BUDGET)
    // Each entry is about 4.5 KB as kept: 300 of them, not 300 × 200 KB.
    expect(journal.bytes()).toBeLessThan(300 * 6 * 1024)
    const res = await admin('/requests?limit=1000')
    const text = await res.text()
    expect(text.length).toBeLessThan(MAX_REQUESTS_ANSWER_BYTES * 1.1)
    const page = JSON.parse(text)
    expect(page.truncated).toBe(true)
    // Paging back from the oldest entry of the answer reaches the rest.
    const older = await (await admin(`/requests?limit=1000&before=${page.requests[0].seq}`)).json()
    expect(older.requests.length).toBeGreaterThan(0)
    expect(older.requests.at(-1).seq).toBe(page.requests[0].seq - 1)
  })

  it('keeps memory bounded: 200 requests with 200 KB paths retain well under 200 × 200 KB of heap', async () => {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    // Warm up (first requests allocate caches), then measure.
    await sequential(20, (i) => fetch(`${s.url}/complycube/v1/clients/${hugeId(i)}?q=1`, { headers: { authorization: KEY } }).then((r) => r.arrayBuffer()))
    gc()
    const before = process.memoryUsage().heapUsed
    // A short id and a 200 KB query: the kept path is a slice of the whole URL unless copied.
    await sequential(100, (i) => fetch(`${s.url}/complycube/v1/clients/client-${i}-abcdefghijkl?q=${'q'.repeat(HUGE)}`, { headers: { authorization: KEY } }).then((r) => r.arrayBuffer()))
    await sequential(100, (i) => fetch(`${s.url}/complycube/v1/clients/${hugeId(i)}`, { headers: { authorization: KEY } }).then((r) => r.arrayBuffer()))
    gc()
    const retained = process.memoryUsage().heapUsed - before
    // Unbounded, this keeps at least 40 MB (200 × 200 KB); bounded, about 1 MB.
    expect(retained).toBeLessThan(15 * 1024 * 1024)
  })
})
