// Attacks on the HTTP edge, over raw sockets: pipelined garbage, an oversized head, malformed
// request lines to each vendor, slow and aborted requests. Every answer the client gets is JSON
// in the shape of the vendor it called (or the sandbox's), no earlier answer is lost, and
// nothing a client does is logged as an internal error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect } from 'node:net'
import { rawExchange as exchange } from '../support/raw-http.ts'
import { startServer, MAX_HEADER_BYTES, type RunningServer } from '../../src/server/server.ts'

const KEY = 'test_tokensandbox_default_0001'

/** The HTTP/1.1 answers in a byte stream, split on their content-length. */
function answers(text: string): { status: number; headers: Record<string, string>; body: string }[] {
  const out: { status: number; headers: Record<string, string>; body: string }[] = []
  let rest = text
  while (rest.startsWith('HTTP/1.1 ')) {
    const headEnd = rest.indexOf('\r\n\r\n')
    const [statusLine, ...lines] = rest.slice(0, headEnd).split('\r\n')
    const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]))
    const length = Number(headers['content-length'] ?? 0)
    out.push({ status: Number(statusLine!.split(' ')[1]), headers, body: rest.slice(headEnd + 4, headEnd + 4 + length) })
    rest = rest.slice(headEnd + 4 + length)
  }
  return out
}

describe('the HTTP edge', () => {
  let s: RunningServer
  const errors: unknown[] = []
  beforeAll(async () => {
    s = await startServer({ port: 0, headersTimeoutMs: 300, requestTimeoutMs: 300, onError: (e) => errors.push(e) })
  })
  afterAll(() => s.close())

  it('answers a valid request followed by garbage in the same packet: the valid answer, then a 400 in shape', async () => {
    const { text, closed } = await exchange(s.port, `GET /complycube/v1/clients HTTP/1.1\r\nHost: x\r\nAuthorization: ${KEY}\r\n\r\nGARBAGE\r\n\r\n`)
    const [first, second, ...more] = answers(text)
    expect(first!.status).toBe(200)
    expect(JSON.parse(first!.body)).toHaveProperty('items')
    expect(second!.status).toBe(400)
    expect(second!.headers['content-type']).toBe('application/json')
    expect(JSON.parse(second!.body)).toEqual({ error: { code: 'bad_request', message: 'The request is not valid HTTP' } })
    expect(more).toEqual([])
    expect(closed).toBe(true)
  })

  it('keeps every pipelined answer before the garbage, in order', async () => {
    const get = (n: number) => `GET /__sandbox/health?n=${n} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`
    const { text } = await exchange(s.port, get(1) + get(2) + get(3) + 'BLAH /x HTTP/1.1\r\n\r\n')
    expect(answers(text).map((a) => a.status)).toEqual([200, 200, 200, 400])
  })

  it.each([
    ['/complycube/v1/clients', (b: any) => expect(b).toEqual({ type: 'invalid_request', message: 'The request is not valid HTTP' })],
    ['/caf/prod/mobile/tokens/verify', (b: any) => expect(b).toMatchObject({ requestId: expect.any(String), message: 'The request is not valid HTTP' })],
    ['/ca/hedmoral/token', (b: any) => expect(b).toEqual({ error_code: 'invalid_input', error_description: 'The request is not valid HTTP' })],
    ['/__sandbox/health', (b: any) => expect(b).toEqual({ error: { code: 'bad_request', message: 'The request is not valid HTTP' } })],
  ])('answers a malformed header to %s with 400 in that vendor shape', async (path, check) => {
    const { text, closed } = await exchange(s.port, `GET ${path} HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n`)
    const [a] = answers(text)
    expect(a!.status).toBe(400)
    check(JSON.parse(a!.body))
    expect(closed).toBe(true)
  })

  it(`answers a head over ${MAX_HEADER_BYTES} bytes (a 1 MB token) with 431 in the vendor's shape`, async () => {
    const { text, closed } = await exchange(s.port, `GET /ca/hedmoral/accounts/a/links HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'t'.repeat(1_000_000)}\r\n\r\n`)
    const [a] = answers(text)
    expect(a!.status).toBe(431)
    expect(a!.headers['content-type']).toBe('application/json')
    expect(JSON.parse(a!.body)).toEqual({ error_code: 'invalid_input', error_description: expect.stringContaining(String(MAX_HEADER_BYTES)) })
    expect(closed).toBe(true)
  })

  it('answers a head just over the limit in one packet in the vendor shape', async () => {
    const { text } = await exchange(s.port, `GET /complycube/v1/clients HTTP/1.1\r\nHost: x\r\nX-Pad: ${'p'.repeat(MAX_HEADER_BYTES)}\r\n\r\n`)
    const [a] = answers(text)
    expect(a!.status).toBe(431)
    // The parser's bytes may or may not still hold the request line: either shape is JSON.
    expect(() => JSON.parse(a!.body)).not.toThrow()
  })

  it('answers slow headers with 408 in the vendor shape (the connection’s first request line), and logs nothing', async () => {
    const before = errors.length
    const { text, closed } = await exchange(s.port, 'GET /complycube/v1/clients HTTP/1.1\r\nHost: x\r\n', { waitMs: 4000 })
    const [a] = answers(text)
    expect(a!.status).toBe(408)
    expect(JSON.parse(a!.body)).toEqual({ type: 'invalid_request', message: 'The request did not arrive in time' })
    expect(closed).toBe(true)
    expect(errors.length).toBe(before)
  })

  it('logs nothing when a body never finishes (408) or the client aborts mid-body', async () => {
    const before = errors.length
    const head = `POST /complycube/v1/clients HTTP/1.1\r\nHost: x\r\nAuthorization: ${KEY}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":`
    const slow = answers((await exchange(s.port, head, { waitMs: 4000 })).text)
    expect(slow.map((a) => a.status)).toEqual([408])
    expect(JSON.parse(slow[0]!.body)).toEqual({ type: 'invalid_request', message: 'The request did not arrive in time' })
    await new Promise<void>((resolve) => {
      const socket = connect(s.port, '127.0.0.1', () => socket.write(head, () => setTimeout(() => (socket.destroy(), resolve()), 50)))
      socket.on('error', () => {})
    })
    await new Promise((r) => setTimeout(r, 200))
    expect(errors.length, String(errors[before])).toBe(before)
  })
})
