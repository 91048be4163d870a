// HTTPS for clients that refuse plain HTTP: serve --tls-cert/--tls-key with a local certificate
// (test/fixtures/tls: a self-signed one for localhost and 127.0.0.1).
import { readFileSync } from 'node:fs'
import { request } from 'node:https'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { startServe } from '../support/serve-child.ts'

const dir = fileURLToPath(new URL('../fixtures/tls/', import.meta.url))
const CERT = `${dir}localhost.pem`
const KEY = `${dir}localhost-key.pem`
const ca = readFileSync(CERT)

function get(url: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<{ status: number; body: string; protocol: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, ca }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (text += d))
      res.on('end', () => resolve({ status: res.statusCode!, body: text, protocol: 'https' }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('an HTTPS server', () => {
  let running: RunningServer
  beforeAll(async () => {
    running = await startServer({ host: '127.0.0.1', port: 0, tls: { cert: readFileSync(CERT), key: readFileSync(KEY) } })
  })
  afterAll(() => running.close())

  it('has https base URLs and answers every vendor over TLS', async () => {
    expect(running.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    expect(running.baseUrls().every((b) => b.url.startsWith('https://'))).toBe(true)
    const res = await get(`${running.url}/complycube/v1/clients`, { authorization: 'test_tokensandbox_default_0001' })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toHaveProperty('items')
  })

  it("takes the dashboard's own https origin, and refuses the http one", async () => {
    const host = new URL(running.url).host
    const post = (origin: string) => get(`${running.url}/__sandbox/clock/reset`, { origin, host, 'content-type': 'application/json' }, 'POST')
    expect((await post(running.url)).status).toBe(200)
    expect((await post(running.url.replace('https:', 'http:'))).status).toBe(403)
  })

  it('refuses a client that does not trust the certificate', async () => {
    await expect(
      new Promise((resolve, reject) => request(`${running.url}/__sandbox/health`, (res) => resolve(res.statusCode)).on('error', reject).end()),
    ).rejects.toThrow(/self[- ]signed|certificate/i)
  })
})

describe('serve --tls-cert --tls-key', () => {
  it('listens on https://', async () => {
    const child = await startServe(['--quiet', '--tls-cert', CERT, '--tls-key', KEY])
    try {
      expect(child.url).toMatch(/^https:/)
      expect((await get(`${child.url}/__sandbox/health`)).status).toBe(200)
    } finally {
      await child.kill()
    }
  })

  it.each([
    [['--tls-cert', CERT], /HTTPS needs both a certificate and its key: --tls-key is missing/],
    [['--tls-cert', '/nonexistent.pem', '--tls-key', KEY], /--tls-cert: cannot read \/nonexistent\.pem: ENOENT/],
    [['--tls-cert', KEY, '--tls-key', CERT], /are not a PEM certificate and its key/],
  ])('exits 2 with one line for %j', async (args, message) => {
    // One start, both checks on its refusal.
    const refused = startServe(args)
    await expect(refused).rejects.toThrow(message)
    await expect(refused).rejects.toThrow(/exited \(2\)/)
  })
})
