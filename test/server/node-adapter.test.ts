// The node:http adapter writes the answers ready in one event-loop turn together: a batch must
// keep each answer with its own request, and one answer that cannot be written must not take
// the others with it.
import { createServer, request, type Server } from 'node:http'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRequestListener } from '../../src/server/node-adapter.ts'
import { createSandbox } from '../../src/node/sandbox.ts'
import type { SandboxRequest, SandboxResponse } from '../../src/core/types.ts'

describe('node:http adapter, answers written in batches', () => {
  let server: Server
  let url: string
  const errors: unknown[] = []
  beforeAll(async () => {
    const handle = async (req: SandboxRequest): Promise<SandboxResponse> => {
      const n = req.url.searchParams.get('n')
      // A header value with a newline: node:http refuses to write it.
      if (req.url.pathname.startsWith('//')) return { status: 200, headers: {}, body: { origin: req.url.origin, path: req.url.pathname } }
      if (req.url.pathname === '/bad') return { status: 200, headers: { 'x-broken': 'a\nb' }, body: { n } }
      // Answers become ready in an order other than the requests': later ones first.
      await new Promise((r) => setTimeout(r, 20 - (Number(n) % 20)))
      return { status: 200, headers: { 'content-type': 'application/json' }, body: { n } }
    }
    server = createServer()
    server.on('request', createRequestListener({ sandbox: createSandbox(), bodyLimit: 1024, origin: 'http://127.0.0.1', handle, onError: (e) => errors.push(e) }))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it('answers each of 200 concurrent requests with its own body', async () => {
    const got = await Promise.all(Array.from({ length: 200 }, async (_, i) => (await (await fetch(`${url}/ok?n=${i}`)).json()) as { n: string }))
    expect(got.map((g) => Number(g.n))).toEqual(Array.from({ length: 200 }, (_, i) => i))
  })

  it('answers 500 for the one answer it cannot write, and the rest of the batch normally', async () => {
    const before = errors.length
    const [bad, ...ok] = await Promise.all([fetch(`${url}/bad?n=x`), ...Array.from({ length: 20 }, (_, i) => fetch(`${url}/ok?n=${i}`))])
    expect(bad!.status).toBe(500)
    expect(await bad!.json()).toEqual({ error: { code: 'internal', message: 'The sandbox failed to answer' } })
    expect(ok.map((r) => r.status)).toEqual(Array(20).fill(200))
    expect(errors.length).toBe(before + 1)
  })

  it('reads a target that starts with // as a path on this server, never as another host', async () => {
    const { port } = server.address() as AddressInfo
    const body = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '//evil.example/x' }, (res) => {
        let text = ''
        res.on('data', (d) => (text += d))
        res.on('end', () => resolve(text))
      })
      req.on('error', reject)
      req.end()
    })
    expect(JSON.parse(body)).toEqual({ origin: 'http://127.0.0.1', path: '//evil.example/x' })
  })
})

describe('node:http adapter, request bodies', () => {
  let server: Server
  let port: number
  beforeAll(async () => {
    // Echoes what the adapter read: the body's text, or that it was too large.
    const handle = async (req: SandboxRequest): Promise<SandboxResponse> => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { method: req.method, body: req.body ? Buffer.from(req.body).toString() : null, tooLarge: req.bodyTooLarge === true },
    })
    server = createServer()
    server.on('request', createRequestListener({ sandbox: createSandbox(), bodyLimit: 64, origin: 'http://127.0.0.1', handle }))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  /** Sends `parts` on one connection, pausing between them; resolves with the answer's JSON. */
  const exchange = (parts: string[], pauseMs = 30) =>
    new Promise<unknown>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1')
      let text = ''
      socket.on('data', (d) => {
        text += d
        const [head, body] = text.split('\r\n\r\n')
        const length = Number(/content-length: (\d+)/i.exec(head ?? '')?.[1])
        if (body !== undefined && Buffer.byteLength(body) >= length) {
          socket.destroy()
          resolve(JSON.parse(body))
        }
      })
      socket.on('error', reject)
      socket.on('connect', async () => {
        for (const [i, part] of parts.entries()) {
          if (i > 0) await new Promise((r) => setTimeout(r, pauseMs))
          socket.write(part)
        }
      })
    })
  const head = (extra: string) => `POST /x HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n${extra}\r\n`

  it('reads a body that came with its headers', async () => {
    expect(await exchange([head('content-length: 7\r\n') + '{"a":1}'])).toEqual({ method: 'POST', body: '{"a":1}', tooLarge: false })
  })

  it('reads a body that arrives after its headers, in pieces', async () => {
    expect(await exchange([head('content-length: 13\r\n'), '{"a":', '"later"}'])).toEqual({ method: 'POST', body: '{"a":"later"}', tooLarge: false })
  })

  it('reads a chunked body, whole or in pieces, and an empty one', async () => {
    const chunked = head('transfer-encoding: chunked\r\n')
    expect(await exchange([chunked + '3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n'])).toEqual({ method: 'POST', body: 'abcde', tooLarge: false })
    expect(await exchange([chunked + '3\r\nabc\r\n', '2\r\nde\r\n0\r\n\r\n'])).toEqual({ method: 'POST', body: 'abcde', tooLarge: false })
    expect(await exchange([chunked + '0\r\n\r\n'])).toEqual({ method: 'POST', body: null, tooLarge: false })
  })

  it('stops at the limit, whether the size was declared, arrived at once or arrived late', async () => {
    const big = 'x'.repeat(100)
    const tooLarge = { method: 'POST', body: null, tooLarge: true }
    expect(await exchange([head('content-length: 100\r\n') + big])).toEqual(tooLarge)
    const chunked = head('transfer-encoding: chunked\r\n')
    expect(await exchange([chunked + `64\r\n${big}\r\n0\r\n\r\n`])).toEqual(tooLarge)
    expect(await exchange([chunked + `32\r\n${big.slice(50)}\r\n`, `32\r\n${big.slice(50)}\r\n0\r\n\r\n`])).toEqual(tooLarge)
  })
})

