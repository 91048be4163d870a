// Requests node:http's parser refuses before the sandbox reads them — a head over the limit
// (431), a malformed header (400), a head that arrives too slowly (408) — are answered in the
// shape of the vendor their path names, for every vendor in the registry and for a scratch one
// added beside them, over raw sockets (and TLS). The sandbox's own paths keep its admin shape.
// The expected shape is the vendor's own: the keys of the 404 it answers on the same prefix.
import { readFileSync } from 'node:fs'
import { connect as tlsConnect } from 'node:tls'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandboxWith } from '../../src/sandbox.ts'
import { startServer, MAX_HEADER_BYTES, type RunningServer } from '../../src/server/server.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import { onfido } from '../fixtures/vendors/onfido/index.ts'
import { rawExchange } from '../support/raw-http.ts'

const registry = { ...vendorDefinitions, onfido }

/** The first standalone prefix of a vendor (by name: the scratch one is not a VendorName). */
const prefixOf = (s: RunningServer, name: string) => s.sandbox.prefixes().find((m) => m.vendor === (name as never))!.base

interface Answer {
  status: number
  body: unknown
}

function firstAnswer(text: string): Answer {
  const headEnd = text.indexOf('\r\n\r\n')
  expect(headEnd, `no HTTP answer in ${JSON.stringify(text.slice(0, 200))}`).toBeGreaterThan(0)
  const head = text.slice(0, headEnd)
  expect(head).toMatch(/\r\ncontent-type: application\/json/i)
  return { status: Number(head.split(' ')[1]), body: JSON.parse(text.slice(headEnd + 4)) }
}

/** The keys of a JSON value, nested: what "the same shape" means here. */
function shape(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return typeof value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]).sort(([a], [b]) => String(a).localeCompare(String(b))))
}

const ATTACKS = {
  'a head over the limit': { status: 431, payload: (path: string) => `GET ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Token token=${'t'.repeat(MAX_HEADER_BYTES + 1024)}\r\n\r\n` },
  'a malformed header line': { status: 400, payload: (path: string) => `GET ${path} HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n` },
  'a head that never ends (slow)': { status: 408, payload: (path: string) => `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` },
} as const

describe('parser refusals speak the language of the vendor the path names', () => {
  let s: RunningServer
  beforeAll(async () => {
    s = await startServer({ sandbox: createSandboxWith(registry), port: 0, headersTimeoutMs: 300, requestTimeoutMs: 300 })
  })
  afterAll(() => s.close())

  /** Every vendor's first prefix (from the registry: nothing here names a vendor), plus the sandbox's. */
  const surfaces = () => [
    ...Object.keys(registry).map((name) => ({ name, base: prefixOf(s, name) })),
    { name: 'sandbox', base: '/__sandbox' },
    { name: 'a vendor’s admin routes (sandbox shape)', base: `/__sandbox/${Object.keys(registry)[0]}` },
  ]

  it('covers every registered vendor and the scratch one', () => {
    expect(surfaces().map((x) => x.name)).toEqual([...Object.keys(vendorDefinitions), 'onfido', 'sandbox', expect.any(String)])
  })

  it.each(Object.entries(ATTACKS))('%s: each surface answers in its own shape', async (_attack, { status, payload }) => {
    const results = await Promise.all(
      surfaces().map(async ({ name, base }) => {
        const path = `${base}/no-such-route-for-this-test`
        const own = await fetch(`${s.url}${path}`)
        const ownShape = shape(await own.json())
        const { text, closed } = await rawExchange(s.port, payload(path), { waitMs: 5000 })
        const answer = firstAnswer(text)
        return { name, status: answer.status, shape: shape(answer.body), ownShape, closed, body: answer.body }
      }),
    )
    for (const r of results) {
      expect(r.status, r.name).toBe(status)
      expect(r.shape, `${r.name}: ${JSON.stringify(r.body)}`).toEqual(r.ownShape)
      expect(r.closed, r.name).toBe(true)
    }
    // The shapes really differ: a vendor's refusal is not the sandbox's.
    const sandboxShape = results.find((r) => r.name === 'sandbox')!.shape
    for (const r of results.slice(0, Object.keys(registry).length)) expect(r.shape, r.name).not.toEqual(sandboxShape)
  })

  it('keeps the vendor shape for a refusal after an earlier request on the same connection (pipelined)', async () => {
    const vendor = prefixOf(s, 'onfido')
    const first = `GET /__sandbox/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`
    const { text } = await rawExchange(s.port, first + ATTACKS['a malformed header line'].payload(`${vendor}/v3.6/applicants`))
    const second = text.slice(text.indexOf('HTTP/1.1 400'))
    expect(firstAnswer(second).body).toEqual({ error: { type: 'validation_error', message: 'The request is not valid HTTP' } })
  })

  it('an unknown path and garbage get the sandbox shape', async () => {
    const garbage = firstAnswer((await rawExchange(s.port, 'GARBAGE\r\n\r\n')).text)
    expect(garbage).toEqual({ status: 400, body: { error: { code: 'bad_request', message: 'The request is not valid HTTP' } } })
    const nowhere = firstAnswer((await rawExchange(s.port, ATTACKS['a head over the limit'].payload('/nowhere'))).text)
    expect(nowhere.body).toMatchObject({ error: { code: 'bad_request' } })
  })
})

describe('over TLS', () => {
  const dir = fileURLToPath(new URL('../fixtures/tls/', import.meta.url))
  const ca = readFileSync(`${dir}localhost.pem`)
  let s: RunningServer
  beforeAll(async () => {
    s = await startServer({ sandbox: createSandboxWith(registry), port: 0, tls: { cert: ca, key: readFileSync(`${dir}localhost-key.pem`) } })
  })
  afterAll(() => s.close())

  it('answers an oversized head to the scratch vendor in its shape', async () => {
    const base = prefixOf(s, 'onfido')
    const text = await new Promise<string>((resolve, reject) => {
      const socket = tlsConnect({ host: '127.0.0.1', port: s.port, ca, servername: 'localhost' }, () => socket.write(ATTACKS['a head over the limit'].payload(`${base}/v3.6/sdk_token`)))
      let out = ''
      socket.on('data', (d: Buffer) => (out += d.toString('latin1')))
      socket.on('close', () => resolve(out))
      socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve(out) : reject(e)))
    })
    expect(firstAnswer(text)).toMatchObject({ status: 431, body: { error: { type: 'validation_error', message: expect.stringContaining(String(MAX_HEADER_BYTES)) } } })
  })
})
