// `token-sandbox serve` stops on SIGTERM and SIGINT within its 2 s grace whatever faults are
// pending: five requests parked by a 60 s fault delay are dropped (their delay cancelled, their
// connections closed, their handlers never run), and with --state nothing acknowledged is lost.
// The real CLI, driven over HTTP.
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { mintCafToken } from '../../src/vendors/caf/mint.ts'
import { startServe } from '../support/serve-child.ts'
import { KEYS } from '../vendors/caf/support.ts'

const KEY = 'test_tokensandbox_default_0001'
const dir = mkdtempSync(join(tmpdir(), 'serve-signals-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Answer {
  status: number
  body: string
}

/** One request; resolves with the answer, or with the error when the connection ends without one. */
function send(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer | Error> {
  const u = new URL(path, base)
  const payload = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve) => {
    const req = request({ host: u.hostname, port: u.port, method, path: u.pathname + u.search, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (text += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      res.on('error', resolve)
    })
    req.on('error', resolve)
    req.end(payload)
  })
}

const answered = (a: Answer | Error): Answer => {
  if (a instanceof Error) throw a
  return a
}

const client = (email: string) => ({ type: 'person', email, personDetails: { firstName: 'Ana', lastName: 'Souza' } })

// Every test here starts its own `serve` children and state file: they all run side by side.
describe.concurrent.each(['SIGTERM', 'SIGINT'] as const)('serve, %s while five requests wait on a 60 s fault delay', (signal) => {
  it.each([
    ['without a state file', false],
    ['with --state', true],
  ])('%s: exits 0 within 2.5 s, the parked requests dropped, nothing acknowledged lost', async (_label, withState) => {
    const file = join(dir, `${signal}.db`)
    const args = withState ? ['--state', file, '--quiet'] : ['--quiet']
    const serve = await startServe(args)
    let kept = ''
    try {
      const created = answered(await send(serve.url, 'POST', '/complycube/v1/clients', { authorization: KEY }, client('kept@example.com')))
      expect(created.status, created.body).toBe(200)
      kept = (JSON.parse(created.body) as { id: string }).id

      const fault = answered(await send(serve.url, 'POST', '/__sandbox/faults', {}, { delayMs: 60_000, times: 50 }))
      expect(fault.status, fault.body).toBe(201)
      const parked = Array.from({ length: 5 }, (_, i) => send(serve.url, 'POST', '/complycube/v1/clients', { authorization: KEY }, client(`parked${i}@example.com`)))
      // Until all five are inside their delay.
      for (let hits = 0; hits < 5; ) {
        await new Promise((r) => setTimeout(r, 50))
        const list = JSON.parse(answered(await send(serve.url, 'GET', '/__sandbox/faults')).body) as { faults: { hits: number }[] }
        hits = list.faults[0]?.hits ?? 0
      }

      const started = performance.now()
      serve.child.kill(signal)
      const exit = await serve.exited
      const took = performance.now() - started
      expect(exit, serve.stderr()).toEqual({ code: 0, signal: null })
      expect(took).toBeLessThan(2_500)
      expect(serve.stdout()).toContain(`${signal}: shutting down`)
      expect(serve.stderr()).toBe('')
      // None of the parked requests was answered.
      for (const p of await Promise.all(parked)) expect(p).toBeInstanceOf(Error)
    } finally {
      await serve.kill('SIGKILL')
    }
    if (!withState) return

    // The state file opens, holds the acknowledged client, and none of the parked ones.
    const again = await startServe(args)
    try {
      expect(answered(await send(again.url, 'GET', `/complycube/v1/clients/${kept}`, { authorization: KEY })).status).toBe(200)
      const list = JSON.parse(answered(await send(again.url, 'GET', '/complycube/v1/clients?pageSize=100', { authorization: KEY })).body) as { items: { email: string }[] }
      expect(list.items.map((c) => c.email)).toContain('kept@example.com')
      expect(list.items.map((c) => c.email).filter((e) => e.startsWith('parked'))).toEqual([])
    } finally {
      await again.kill()
    }
  }, 90_000)
})

describe.concurrent('serve, SIGTERM while bodies and heads are still arriving', () => {
  it('a half-sent upload, a half-sent JSON body and a half-sent head: exits 0 once the 2 s grace is over', async () => {
    const serve = await startServe(['--quiet'])
    try {
      const port = Number(new URL(serve.url).port)
      const sdk = (path: string, authorization: string, body: unknown) =>
        send(serve.url, 'POST', `/caf/prod/sdk${path}`, { authorization, 'content-signature': 'a'.repeat(64) }, body).then((a) => JSON.parse(answered(a).body) as Record<string, string>)
      const { attestation } = await sdk('/attestations', await mintCafToken(KEYS.prod), { platform: 'web' })
      const putUrl = new URL((await sdk('/uploads', attestation!, { contentType: 'image/png' }))['putUrl']!)
      const written: Promise<void>[] = []
      const raw = (text: string) => {
        const socket = connect(port, '127.0.0.1')
        socket.on('error', () => {})
        written.push(new Promise((resolve) => socket.write(text, () => resolve())))
        return socket
      }
      const sockets = [
        // A signed upload (a large-body route, read when the core asks) that stops halfway.
        raw(`PUT ${putUrl.pathname}${putUrl.search} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/png\r\nContent-Length: 4000000\r\n\r\n${'x'.repeat(100_000)}`),
        raw('POST /complycube/v1/clients HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":'),
        // A slow client's head (no blank line yet).
        raw('POST /complycube/v1/clients HTTP/1.1\r\nHost: 127.0.0.1\r\n'),
      ]
      // Each half-sent request is with the server: its bytes were written, and a request on a
      // connection opened after them has been answered (the server accepts connections in order).
      await Promise.all(written)
      expect(answered(await send(serve.url, 'GET', '/__sandbox/health')).status).toBe(200)
      const started = performance.now()
      serve.child.kill('SIGTERM')
      const exit = await serve.exited
      expect(exit, serve.stderr()).toEqual({ code: 0, signal: null })
      expect(performance.now() - started).toBeLessThan(3_000)
      expect(serve.stderr()).toBe('')
      for (const s of sockets) s.destroy()
    } finally {
      await serve.kill('SIGKILL')
    }
  }, 60_000)
})
