// Bad input of every kind answers in ComplyCube's error shape, on both transports: never a
// 500, a stack trace or a hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { transports, type Transport } from '../../support/transports.ts'

const KEY = 'test_tokensandbox_default_0001'
const CLIENT = '5eb04fcd0f3e360008035eb1'

function expectComplyCubeError(body: unknown, status: number, type: string) {
  expect(body).toMatchObject({ type, message: expect.any(String) })
  const keys = Object.keys(body as object)
  expect(keys.every((k) => ['type', 'message', 'param'].includes(k))).toBe(true)
  expect(status).toBeLessThan(500)
}

describe.each(transports)('ComplyCube bad input, %s transport', (_name, start) => {
  let t: Transport
  let base: string
  beforeAll(async () => {
    t = await start({ bodyLimit: 64 * 1024 })
    base = t.baseUrl('complycube')
  })
  afterAll(() => t.close())

  const send = async (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) => {
    const res = await fetch(base + path, {
      ...init,
      headers: { authorization: KEY, 'content-type': 'application/json', ...init.headers },
    })
    const text = await res.text()
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: res.headers }
  }

  it.each([
    ['truncated JSON', '{"clientId":'],
    ['a JSON string with a trailing comma', '{"clientId":"x",}'],
    ['plain text', 'clientId=5eb04fcd0f3e360008035eb1'],
    ['bytes that are not UTF-8', new Uint8Array([0x7b, 0xc3, 0x28, 0x7d])],
  ])('answers 400 invalid_request to %s', async (_what, body) => {
    const r = await send('/tokens', { method: 'POST', body: body as BodyInit })
    expect(r.status).toBe(400)
    expectComplyCubeError(r.body, r.status, 'invalid_request')
  })

  it.each([
    ['an array body', '[1,2,3]', 'clientId'],
    ['a JSON null', 'null', 'clientId'],
    ['a number for clientId', '{"clientId":5}', 'clientId'],
    ['an object for clientId', '{"clientId":{"$ne":null}}', 'clientId'],
    ['an unknown key', `{"clientId":"${CLIENT}","admin":true}`, 'admin'],
    ['a __proto__ key', `{"clientId":"${CLIENT}","__proto__":{"x":1}}`, '__proto__'],
    ['a constructor key', `{"clientId":"${CLIENT}","constructor":{"prototype":{}}}`, 'constructor'],
    ['a huge referrer string', `{"clientId":"${CLIENT}","referrer":"https://${'a'.repeat(20000)}.com/*"}`, 'referrer'],
  ])('answers 400 with param to %s', async (_what, body, param) => {
    const r = await send('/tokens', { method: 'POST', body })
    expect(r.status).toBe(400)
    expectComplyCubeError(r.body, r.status, 'invalid_request')
    expect((r.body as { param: string }).param).toBe(param)
  })

  it('answers 400 to a body sent without the JSON content type', async () => {
    const r = await send('/tokens', { method: 'POST', body: `{"clientId":"${CLIENT}"}`, headers: { 'content-type': 'text/plain' } })
    expect(r.status).toBe(400)
    expectComplyCubeError(r.body, r.status, 'invalid_request')
  })

  it('answers 413 to a body over the limit', async () => {
    const r = await send('/clients', { method: 'POST', body: JSON.stringify({ type: 'person', email: 'a@b.co', metadata: { x: 'y'.repeat(70_000) } }) })
    expect(r.status).toBe(413)
    expectComplyCubeError(r.body, r.status, 'invalid_request')
  })

  it('answers 401 before looking at the body when the key is wrong', async () => {
    const r = await send('/tokens', { method: 'POST', body: '{not json', headers: { authorization: 'test_wrong' } })
    expect(r.status).toBe(401)
    expectComplyCubeError(r.body, r.status, 'unauthorized')
  })

  it.each([
    ['GET', '/nothing-here'],
    ['PUT', '/clients/5eb04fcd0f3e360008035eb1'],
    ['GET', '/tokens'],
  ])('answers 404 resource_not_found to %s %s', async (method, path) => {
    const r = await send(path, { method })
    expect(r.status).toBe(404)
    expectComplyCubeError(r.body, r.status, 'resource_not_found')
  })

  it.each(['page=0', 'page=abc', 'pageSize=0', 'pageSize=1e3', 'page=-1'])('answers 400 to the list query %s', async (q) => {
    const r = await send(`/clients?${q}`)
    expect(r.status).toBe(400)
    expectComplyCubeError(r.body, r.status, 'invalid_request')
  })

  it('answers a client id with odd characters as not found', async () => {
    const r = await send(`/clients/${encodeURIComponent('../../etc/passwd')}`)
    expect(r.status).toBe(404)
    expectComplyCubeError(r.body, r.status, 'resource_not_found')
  })

  it('journals each refusal with its precise reason and never the key itself', async () => {
    await send('/tokens', { method: 'POST', body: '{', headers: { authorization: 'test_tokensandbox_revoked_0001' } })
    const [last] = t.sandbox.journal.list({ limit: 1 })
    expect(last).toMatchObject({ vendor: 'complycube', status: 401, reason: 'API key revoked' })
    expect(JSON.stringify(t.sandbox.journal.list({ limit: 1000 }))).not.toContain(KEY)
  })
})
