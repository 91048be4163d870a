// The journal's reason for a refusal, on the answer itself (X-Token-Sandbox-Reason): on both
// transports, for every vendor mount in the registry, made header-safe however odd the reason,
// and readable by a cross-origin page where the server answers CORS. The vendor's body is as before.
import { validateHeaderValue } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { MAX_REASON_HEADER_CHARS, REASON_HEADER, reasonHeaderValue } from '../../src/core/reason-header.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { rawExchange } from '../support/raw-http.ts'
import { transports, type Transport } from '../support/transports.ts'
import { cafBase } from '../vendors/caf/support.ts'

const CC_KEY = 'test_tokensandbox_default_0001'
const CLIENT = '5eb04fcd0f3e360008035eb1'

describe.each(transports)('the reason header over %s', (_name, start) => {
  let t: Transport
  beforeAll(async () => {
    t = await start()
  })
  afterAll(() => t.close())
  beforeEach(() => t.sandbox.reset())

  const lastReason = () => t.sandbox.journal.list().at(-1)?.reason

  it("carries the journal's reason on a refusal under every vendor mount (no route there, or its credential refused)", async () => {
    const mounts = t.sandbox.baseUrls()
    // Every vendor the registry mounts, each of its APIs and environments.
    expect(new Set(mounts.map((m) => m.vendor))).toEqual(new Set(Object.keys(t.sandbox.describe())))
    for (const m of mounts) {
      const res = await fetch(`${t.baseUrl(m.vendor, m.environment)}/no-such-route-here`)
      const reason = lastReason()
      expect(res.status, m.base).toBeGreaterThanOrEqual(400)
      expect(reason, m.base).toBeTruthy()
      expect(res.headers.get(REASON_HEADER), m.base).toBe(reason)
    }
  })

  it("ComplyCube: a wrong API key's 401 says why, and its body is the vendor's", async () => {
    const res = await fetch(`${t.baseUrl('complycube')}/tokens`, {
      method: 'POST',
      headers: { authorization: 'not-a-key', 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: CLIENT, referrer: 'https://www.example.com/*' }),
    })
    expect(res.status).toBe(401)
    expect(res.headers.get(REASON_HEADER)).toBe(lastReason())
    expect(Object.keys(await res.json()).sort()).toEqual(['message', 'type'])
  })

  it("CAF: a session-token request with a credential CAF doesn't know says why", async () => {
    const res = await fetch(`${cafBase(t, 'prod', 'bff')}/session-tokens`, { headers: { authorization: 'not-a-token' } })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.headers.get(REASON_HEADER)).toBe(lastReason())
  })

  it('CA: an unsupported CA_com_apiVersion, with control characters in it, arrives escaped as the journal shows it', async () => {
    const ca = t.sandbox.baseUrls().find((m) => m.vendor === 'ca')!
    const res = await fetch(`${t.baseUrl('ca', ca.environment)}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', CA_com_apiVersion: '9\u0085\u00e9' },
      body: '{}',
    })
    expect(res.status).toBe(400)
    const reason = lastReason()!
    // The journal writes the C1 control as \uXXXX; the header writes latin-1 é the same way.
    expect(reason).toContain('9\\u0085\u00e9')
    expect(res.headers.get(REASON_HEADER)).toBe(reason.replace('\u00e9', '\\u00e9'))
    expect(await res.json()).toMatchObject({})
  })

  it('marks an injected fault the same way, and an answer that is not a refusal not at all', async () => {
    t.sandbox.faults.add({ vendor: 'complycube', status: 503 })
    const tokens = () =>
      fetch(`${t.baseUrl('complycube')}/tokens`, {
        method: 'POST',
        headers: { authorization: CC_KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: CLIENT, referrer: 'https://www.example.com/*' }),
      })
    const faulted = await tokens()
    expect(faulted.status).toBe(503)
    expect(faulted.headers.get(REASON_HEADER)).toMatch(/^fault .+: status 503$/)
    expect(faulted.headers.get(REASON_HEADER)).toBe(lastReason())
    // An answer that is not a refusal carries none.
    const ok = await tokens()
    expect(ok.status).toBe(200)
    expect(ok.headers.get(REASON_HEADER)).toBeNull()
  })
})

describe('reasonHeaderValue', () => {
  const valid = (v: string) => {
    expect(() => validateHeaderValue(REASON_HEADER, v)).not.toThrow()
    expect(new Headers({ [REASON_HEADER]: v }).get(REASON_HEADER)).toBe(v)
  }

  it('keeps a printable ASCII reason as it is', () => {
    expect(reasonHeaderValue('invalid clientId')).toBe('invalid clientId')
  })

  it('writes CR/LF, controls, bidi controls, non-latin-1 and astral characters as \\uXXXX, leaving a valid header', () => {
    const odd = 'a\r\nSet-Cookie: x=1\u0000\u001b[31m\u202eevil\u2066日本\u00e9😀'
    const v = reasonHeaderValue(odd)
    expect(v).toBe('a\\u000d\\u000aSet-Cookie: x=1\\u0000\\u001b[31m\\u202eevil\\u2066\\u65e5\\u672c\\u00e9\\ud83d\\ude00')
    expect(v).toMatch(/^[\x20-\x7e]*$/)
    valid(v)
  })

  it('caps a long reason, saying how much was cut', () => {
    const v = reasonHeaderValue('x'.repeat(200_000))
    expect(v.length).toBeLessThanOrEqual(MAX_REASON_HEADER_CHARS)
    expect(v).toMatch(/\.\.\.\[\d+ more characters\]$/)
    valid(v)
  })
})

describe('the reason header across origins (standalone server)', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ host: '127.0.0.1', port: 0, cors: ['http://localhost:5173'] })
  })
  afterAll(() => server.close())

  it("is named in Access-Control-Expose-Headers, so the page's own code can read it", async () => {
    for (const [path, origin] of [
      ['/complycube/v1/tokens', 'http://localhost:5173'],
      // CAF's BFF answers any origin.
      ['/caf/prod/bff/session-tokens', 'https://shop.example'],
    ] as const) {
      const res = await fetch(server.url + path, { method: path.includes('bff') ? 'GET' : 'POST', headers: { origin, authorization: 'wrong' } })
      expect(res.status, path).toBeGreaterThanOrEqual(400)
      expect(res.headers.get('access-control-allow-origin'), path).toBe(origin)
      expect(res.headers.get(REASON_HEADER), path).toBe(server.sandbox.journal.list().at(-1)?.reason)
      const exposed = res.headers.get('access-control-expose-headers')!.split(/,\s*/)
      expect(exposed, path).toContain(REASON_HEADER)
    }
  })
})

describe('the reason header on a parser refusal (standalone server: node:http refuses the request before the sandbox reads it)', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ host: '127.0.0.1', port: 0 })
  })
  afterAll(() => server.close())

  it("says what the parser refused, under every vendor's prefix, beside the vendor's body", async () => {
    for (const { vendor, base } of server.sandbox.prefixes()) {
      const { text } = await rawExchange(server.port, `GET ${base}/tokens HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n`)
      const head = text.slice(0, text.indexOf('\r\n\r\n'))
      expect(head, vendor).toMatch(/^HTTP\/1\.1 400 /)
      expect(head, vendor).toContain(`\r\n${REASON_HEADER}: The request is not valid HTTP\r\n`)
    }
  })
})
