// A page on another origin, in real Chromium, against standalone servers on 127.0.0.1: what a
// hostile page cannot do to the admin API, and what a local front end can do with CORS.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { SignJWT } from 'jose'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { guardedContext, launchChromium, type GuardedContext } from './support/chromium.ts'
import { KEYS } from '../vendors/caf/support.ts'

const KEY = 'test_tokensandbox_default_0001'
const CLIENT = '5eb04fcd0f3e360008035eb1'

let browser: Browser
let page: Server
let pageOrigin: string
let open: RunningServer // --cors <the page's origin>
let plain: RunningServer // no --cors
let g: GuardedContext

beforeAll(async () => {
  // The "other site": a blank page on another port of 127.0.0.1 (another origin).
  page = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>elsewhere</title>'))
  ;[browser] = await Promise.all([launchChromium(), new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve))])
  pageOrigin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`
  ;[open, plain] = await Promise.all([startServer({ host: '127.0.0.1', port: 0, cors: [pageOrigin] }), startServer({ host: '127.0.0.1', port: 0 })])
  g = await guardedContext(browser)
  await g.page.goto(pageOrigin)
}, 60_000)

afterAll(async () => {
  await g?.close()
  await browser?.close()
  await Promise.all([open?.close(), plain?.close(), new Promise((r) => page?.close(r))])
}, 60_000)

/** Runs `fetch` in the page; resolves with the status and body, or the error the browser raised. */
interface PageInit {
  method?: string
  mode?: 'cors' | 'no-cors'
  headers?: Record<string, string>
  body?: string
}
const pageFetch = (url: string, init: PageInit) =>
  g.page.evaluate(
    async ([u, i]) => {
      try {
        const res = await fetch(u, i)
        return { status: res.status, type: res.type, body: res.type === 'opaque' ? '' : await res.text() }
      } catch (err) {
        return { error: String(err) }
      }
    },
    [url, init] as const,
  )

describe('a page on another site', () => {
  it('cannot move the clock, reset, or revoke a key with no-cors simple POSTs', async () => {
    const FROZEN = Date.parse('2030-01-01T00:00:00.000Z')
    for (const server of [open, plain]) {
      server.sandbox.clock.freeze(FROZEN)
      const { key } = server.sandbox.complycube.createKey('sandbox', 'made before the attack')
      const post = (path: string, init: PageInit = {}) => pageFetch(`${server.url}/__sandbox${path}`, { method: 'POST', mode: 'no-cors', ...init })
      await post('/clock/advance', { headers: { 'content-type': 'text/plain' }, body: '{"by":"61m"}' })
      await post('/clock/unfreeze')
      await post('/clock/reset', { body: '' })
      await post(`/complycube/keys/${key}/revoke`)
      await post('/reset')
      expect(server.sandbox.clock.state()).toMatchObject({ frozen: true, epochMs: FROZEN })
      expect(server.sandbox.complycube.listKeys()).toContainEqual(expect.objectContaining({ key, revoked: false }))
      server.sandbox.reset()
    }
  })

  it('cannot submit a form to the admin API', async () => {
    const before = plain.sandbox.clock.state()
    await g.page.evaluate((action) => {
      const form = document.createElement('form')
      form.method = 'POST'
      form.action = action
      form.enctype = 'text/plain'
      const input = document.createElement('input')
      input.name = '{"by":"61m","x":"'
      input.value = '"}'
      form.append(input)
      document.body.append(form)
      form.submit()
    }, `${plain.url}/__sandbox/clock/advance`)
    await g.page.waitForURL(`${plain.url}/__sandbox/clock/advance`)
    expect(await g.page.textContent('body')).toContain('forbidden')
    expect(Math.abs(plain.sandbox.clock.state().offsetMs - before.offsetMs)).toBeLessThan(60_000)
    await g.page.goto(pageOrigin)
  })

  it('cannot read the admin API, even from a sandbox started with --cors for it', async () => {
    for (const server of [open, plain]) {
      const res = await pageFetch(`${server.url}/__sandbox/complycube/keys`, {})
      expect(res).toHaveProperty('error')
      expect(JSON.stringify(res)).not.toContain('test_tokensandbox')
    }
  })
})

describe('a local front end', () => {
  it('calls every vendor route of a sandbox started with --cors for its origin', async () => {
    const res = await pageFetch(`${open.url}/complycube/v1/tokens`, {
      method: 'POST',
      headers: { authorization: KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: CLIENT, referrer: `${pageOrigin}/*` }),
    })
    expect(res).toMatchObject({ status: 200, type: 'cors' })
    expect(JSON.parse((res as { body: string }).body)).toHaveProperty('token')
  })

  it('is refused by the browser on a sandbox without --cors (ComplyCube is server-to-server)', async () => {
    const res = await pageFetch(`${plain.url}/complycube/v1/tokens`, {
      method: 'POST',
      headers: { authorization: KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: CLIENT, referrer: `${pageOrigin}/*` }),
    })
    expect(res).toHaveProperty('error')
  })

  it("reaches CAF's BFF from any origin without --cors, as CAF's web SDK does", async () => {
    const token = await new SignJWT({ peopleId: '12345678909' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(KEYS.prod.clientId)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(KEYS.prod.clientSecret))
    const res = await pageFetch(`${plain.url}/caf/prod/bff/session-tokens`, { headers: { authorization: token } })
    expect(res).toMatchObject({ status: 200, type: 'cors' })
    expect(g.escaped).toEqual([])
  })
})
