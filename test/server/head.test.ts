// HEAD is GET without the body, on every surface: the admin API and each vendor, over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/server/server.ts'

describe('HEAD on every route', () => {
  let s: RunningServer
  beforeAll(async () => {
    s = await startServer({ port: 0 })
  })
  afterAll(() => s.close())

  it.each([
    ['/__sandbox/health', {}],
    ['/__sandbox/requests', {}],
    ['/complycube/v1/clients', { authorization: 'test_tokensandbox_default_0001' }],
    ['/complycube/v1/clients', { authorization: 'test_nope' }],
    ['/caf/prod/mobile/tokens/verify', {}],
    ['/ca/hedmoral/accounts/nobody/links', {}],
    ['/nowhere', {}],
  ])('answers HEAD %s as its GET, without the body', async (path, headers) => {
    const get = await fetch(s.url + path, { headers })
    const getBody = await get.arrayBuffer()
    const head = await fetch(s.url + path, { method: 'HEAD', headers })
    expect(head.status).toBe(get.status)
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'))
    // Bodies with ids or times may differ by a digit or two; the length is announced, nothing sent.
    expect(Math.abs(Number(head.headers.get('content-length')) - getBody.byteLength)).toBeLessThan(8)
    expect((await head.arrayBuffer()).byteLength).toBe(0)
  })

  it('journals a HEAD as HEAD', async () => {
    await fetch(`${s.url}/complycube/v1/clients`, { method: 'HEAD', headers: { authorization: 'test_tokensandbox_default_0001' } })
    const { requests } = await (await fetch(`${s.url}/__sandbox/requests?limit=1&vendor=complycube`)).json()
    expect(requests[0]).toMatchObject({ method: 'HEAD', status: 200 })
  })
})
