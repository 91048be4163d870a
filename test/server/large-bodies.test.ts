// A route may take a larger body than the sandbox's bodyLimit (CAF's upload PUT: 16 MiB). On the
// standalone server such a body is read only once the request passed every check that needs no
// body (the PUT URL's signature, expiry and Content-Type), and the bytes past bodyLimit that
// actually arrive share a budget (64 MiB by default): idle connections that only declare a large
// body hold nothing, a flood that sends bytes gets the vendor's 413 naming the budget, and the
// budget comes back as each request is answered. Driven over raw sockets and HTTP.
import { createServer, request, type IncomingMessage, type Server } from 'node:http'
import { connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRequestListener } from '../../src/server/node-adapter.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { createSandbox } from '../../src/node/sandbox.ts'
import type { Sandbox } from '../../src/sandbox.ts'
import { mintCafToken } from '../../src/vendors/caf/mint.ts'
import { UPLOAD_MAX_BYTES } from '../../src/vendors/caf/sdk-uploads.ts'
import { KEYS } from '../vendors/caf/support.ts'

const MiB = 1024 * 1024
const SIGNATURE = 'a3f1c2e4b5d60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90'
const SDK = '/caf/prod/sdk'

/** A fresh upload's putUrl, made the way DocumentDetector makes it (attestation, then POST /uploads). */
async function newPutUrl(base: string, contentType = 'image/png'): Promise<string> {
  const post = async (path: string, authorization: string, body: unknown) => {
    const res = await fetch(`${base}${SDK}${path}`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json', 'content-signature': SIGNATURE },
      body: JSON.stringify(body),
    })
    expect(res.status, path).toBe(200)
    return (await res.json()) as Record<string, string>
  }
  const { attestation } = await post('/attestations', await mintCafToken(KEYS.prod), { platform: 'web', sdkVersion: 'dd@6.2.0' })
  return (await post('/uploads', attestation!, { contentType }))['putUrl']!
}

/** Path and query of a URL: what a request line carries. */
const target = (url: string) => {
  const u = new URL(url)
  return u.pathname + u.search
}

/** A raw connection that sends a PUT's head (and `sent` body bytes), then nothing; collects what comes back. */
function idlePut(port: number, path: string, declared: number, { contentType = 'image/png', sent = 0, expect = false } = {}) {
  const socket: Socket = connect(port, '127.0.0.1')
  let text = ''
  const answered = new Promise<{ text: string; closed: boolean }>((resolve) => {
    socket.on('data', (d) => (text += d.toString('latin1')))
    socket.on('close', () => resolve({ text, closed: true }))
    socket.on('error', () => {})
  })
  socket.write(`PUT ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: ${contentType}\r\nContent-Length: ${declared}\r\n${expect ? 'Expect: 100-continue\r\n' : ''}\r\n`)
  if (sent > 0) socket.write(Buffer.alloc(sent))
  return { answered, socket, text: () => text }
}

const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0)
const bodyOf = (raw: string) => JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as { message: string }

/** A PUT of `size` bytes to `url` through node:http; `hold` sends `first` bytes and waits for release(). */
function put(url: string, size: number, { hold = false, first = 1, contentType = 'image/png' } = {}) {
  const u = new URL(url)
  const req = request({ host: u.hostname, port: u.port, method: 'PUT', path: u.pathname + u.search, headers: { 'content-type': contentType, 'content-length': size } })
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res: IncomingMessage) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
  })
  const rest = () => req.end(Buffer.alloc(size - first))
  req.write(Buffer.alloc(first))
  if (!hold) rest()
  return { answer, release: rest }
}

describe('idle uploads on the standalone server (default 64 MiB budget)', () => {
  let running: RunningServer
  beforeAll(async () => {
    running = await startServer({ host: '127.0.0.1', port: 0, requestTimeoutMs: 30_000 })
  })
  afterAll(() => running.close())

  it('four idle PUTs declaring 16 MiB to an unknown upload URL are refused at once, unread, and a 2 MiB upload then succeeds', async () => {
    const started = performance.now()
    const idle = Array.from({ length: 4 }, () => idlePut(running.port, `${SDK}/uploads/zzzz`, UPLOAD_MAX_BYTES))
    const answers = await Promise.all(idle.map((c) => c.answered))
    // Answered and closed well before the 30 s request timeout: not one body byte was awaited.
    expect(performance.now() - started).toBeLessThan(2_000)
    for (const a of answers) {
      expect(a.closed).toBe(true)
      expect(statusOf(a.text)).toBe(403)
      expect(bodyOf(a.text).message).toBe('The upload URL is not valid')
    }
    const ok = await put(await newPutUrl(running.url), 2 * MiB).answer
    expect(ok.status, ok.body).toBe(200)
  })

  it('idle PUTs with a wrong signature, an expired URL or another Content-Type are refused before the body, each with its reason', async () => {
    const url = await newPutUrl(running.url)
    const wrongSignature = target(url).replace(/signature=[0-9a-f]+/, 'signature=' + '0'.repeat(64))
    const cases = [
      { path: wrongSignature, contentType: 'image/png', message: 'The upload URL is not valid' },
      { path: target(url).replace(/signature=[^&]+/, ''), contentType: 'image/png', message: 'The upload URL is not valid' },
      { path: target(url), contentType: 'image/jpeg', message: "The Content-Type does not match the upload's contentType" },
    ]
    for (const c of cases) {
      const a = await idlePut(running.port, c.path, UPLOAD_MAX_BYTES, { contentType: c.contentType }).answered
      expect(statusOf(a.text), c.path).toBe(403)
      expect(bodyOf(a.text).message).toBe(c.message)
    }
    running.sandbox.clock.advance(16 * 60 * 1000)
    try {
      const a = await idlePut(running.port, target(url), UPLOAD_MAX_BYTES).answered
      expect(statusOf(a.text)).toBe(403)
      expect(bodyOf(a.text).message).toBe('The upload URL has expired')
    } finally {
      running.sandbox.clock.reset()
    }
  })

  it('idle PUTs to valid upload URLs that declare 16 MiB and send nothing hold no budget: a 2 MiB upload still succeeds', async () => {
    const idle = await Promise.all(Array.from({ length: 6 }, async () => idlePut(running.port, target(await newPutUrl(running.url)), UPLOAD_MAX_BYTES)))
    try {
      await new Promise((r) => setTimeout(r, 100))
      const ok = await put(await newPutUrl(running.url), 2 * MiB).answer
      expect(ok.status, ok.body).toBe(200)
      // Still waiting for their bodies (no answer yet), holding nothing.
      for (const c of idle) expect(c.text()).toBe('')
    } finally {
      for (const c of idle) c.socket.destroy()
    }
  })

  it('curl’s Expect: 100-continue upload: an unknown URL gets its final 403 and no 100 (its body is never sent); a signed one gets 100 Continue, then 200', async () => {
    const refused = idlePut(running.port, `${SDK}/uploads/zzzz`, 2 * MiB, { expect: true })
    const a = await refused.answered
    expect(a.text.startsWith('HTTP/1.1 403 ')).toBe(true)
    expect(a.text).not.toContain('100 Continue')

    const accepted = idlePut(running.port, target(await newPutUrl(running.url)), 2 * MiB, { expect: true })
    while (!accepted.text().includes('\r\n\r\n')) await new Promise((r) => setTimeout(r, 10))
    expect(accepted.text()).toBe('HTTP/1.1 100 Continue\r\n\r\n')
    accepted.socket.write(Buffer.alloc(2 * MiB))
    while (!/HTTP\/1\.1 [2-5]\d\d /.test(accepted.text())) await new Promise((r) => setTimeout(r, 10))
    expect(accepted.text()).toContain('HTTP/1.1 200 OK')
    accepted.socket.destroy()
  })

  it('a JSON POST with Expect: 100-continue (within the sandbox’s limit) still gets 100 Continue, then its answer', async () => {
    const body = JSON.stringify({ type: 'person', email: 'ana@example.com', personDetails: { firstName: 'Ana', lastName: 'Souza' } })
    const socket = connect(running.port, '127.0.0.1')
    let text = ''
    socket.on('data', (d) => (text += d.toString('latin1')))
    socket.write(
      `POST /complycube/v1/clients HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: test_tokensandbox_default_0001\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    )
    while (!text.includes('\r\n\r\n')) await new Promise((r) => setTimeout(r, 10))
    expect(text).toBe('HTTP/1.1 100 Continue\r\n\r\n')
    socket.write(body)
    while (!text.includes('"id"')) await new Promise((r) => setTimeout(r, 10))
    expect(text).toContain('HTTP/1.1 200 OK')
    socket.destroy()
  })

  it('a PUT declaring more than the route takes gets 413 naming the route’s limit, without its body being read', async () => {
    const a = await idlePut(running.port, target(await newPutUrl(running.url)), UPLOAD_MAX_BYTES + 1).answered
    expect(a.closed).toBe(true)
    expect(statusOf(a.text)).toBe(413)
    expect(bodyOf(a.text).message).toBe(`The request body is too large (limit ${UPLOAD_MAX_BYTES} bytes)`)
  })
})

describe('large bodies that arrive share a budget (20 MiB here)', () => {
  let server: Server
  let sandbox: Sandbox
  let base = ''
  beforeAll(async () => {
    sandbox = createSandbox()
    server = createServer()
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    server.on('request', createRequestListener({ sandbox, origin: base, largeBodyBudget: 20 * MiB }))
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it('a flood of 12 MiB uploads: the second, sent while the first holds 11 MiB of the budget, gets 413 naming the budget; the budget comes back once the first is answered', async () => {
    const url = await newPutUrl(base)
    const connected = new Promise<Socket>((r) => server.once('connection', r))
    const first = put(url, 12 * MiB, { hold: true, first: 12 * MiB - 1 })
    // Until the server has read (and so charged) what the first one sent.
    const socket = await connected
    while (socket.bytesRead < 12 * MiB - 1) await new Promise((r) => setTimeout(r, 20))
    const second = await put(await newPutUrl(base), 12 * MiB).answer
    expect(second.status).toBe(413)
    const message = (JSON.parse(second.body) as { message: string }).message
    expect(message).toContain(`${20 * MiB} bytes`)
    expect(message).not.toContain(String(UPLOAD_MAX_BYTES))
    expect(sandbox.journal.list({ vendor: 'caf', status: 413 }).at(-1)?.reason).toMatch(/^body not read: the 20971520 bytes/)
    // A body within the sandbox's own limit costs no budget.
    expect((await put(await newPutUrl(base), 512 * 1024).answer).status).toBe(200)
    first.release()
    expect((await first.answer).status).toBe(200)
    expect((await put(await newPutUrl(base), 12 * MiB).answer).status).toBe(200)
  })

  it('an upload whose client hangs up mid-body gives its bytes back to the budget', async () => {
    for (let i = 0; i < 3; i++) {
      const connected = new Promise<Socket>((r) => server.once('connection', r))
      const quitter = idlePut(Number(new URL(base).port), target(await newPutUrl(base)), 16 * MiB, { sent: 12 * MiB })
      const socket = await connected
      while (socket.bytesRead < 12 * MiB) await new Promise((r) => setTimeout(r, 20))
      quitter.socket.destroy()
      await quitter.answered
    }
    // Three quitters held 33 MiB between them had nothing come back: a 20 MiB budget would refuse this one.
    expect((await put(await newPutUrl(base), 12 * MiB).answer).status).toBe(200)
  })

  it('a chunked upload past the route’s limit gets 413 naming the route’s limit', async () => {
    const u = new URL(await newPutUrl(base))
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: u.hostname, port: u.port, method: 'PUT', path: u.pathname + u.search, headers: { 'content-type': 'image/png', 'transfer-encoding': 'chunked' } })
      req.on('response', (res) => {
        let body = ''
        res.on('data', (d) => (body += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      })
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)))
      for (let i = 0; i < 17; i++) req.write(Buffer.alloc(MiB))
      req.end()
    })
    expect(answer.status).toBe(413)
    expect((JSON.parse(answer.body) as { message: string }).message).toBe(`The request body is too large (limit ${UPLOAD_MAX_BYTES} bytes)`)
  })
})
