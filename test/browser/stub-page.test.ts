// A stub's body opened as a page, in real Chromium against a standalone server on 127.0.0.1: the
// stub is the admin's markup on the sandbox's own origin, where the admin API is same-origin.
// Every stub answer carries `Content-Security-Policy: sandbox` (src/core/stub-answer.ts), so the
// page runs no script and has an opaque origin, and what it fetches from /__sandbox carries
// `Origin: null`, which the admin origin guard refuses.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { guardedContext, launchChromium, type GuardedContext } from './support/chromium.ts'

const CC_KEY = 'test_tokensandbox_default_0001'

let browser: Browser
let server: RunningServer
let g: GuardedContext

beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchChromium(), startServer({ host: '127.0.0.1', port: 0 })])
  g = await guardedContext(browser)
}, 60_000)

afterAll(async () => {
  await g?.close()
  await server?.close()
  await browser?.close()
}, 60_000)

const addFault = async (rule: Record<string, unknown>) => {
  const res = await fetch(`${server.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) })
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as { id: string }
}

it('runs no script of an HTML stub, and a fetch from it to the admin API is refused (Origin: null)', async () => {
  // A path ComplyCube's API does not simulate: the stub answers it once the key is accepted.
  const page = `${server.url}/complycube/v1/stub-page`
  await addFault({
    vendor: 'complycube',
    method: 'GET',
    path: '/stub-page',
    pathMatch: 'exact',
    contentType: 'text/html; charset=utf-8',
    text: "<title>stub</title><p id=x>stub page</p><script>document.title = 'ran'; fetch('/__sandbox/reset', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })</script>",
    times: 2,
  })
  // The witness: a rule that only a reset would remove.
  const witness = await addFault({ vendor: 'caf', path: '/never-asked', status: 500 })
  await g.page.setExtraHTTPHeaders({ authorization: CC_KEY })
  const res = await g.page.goto(page)
  expect(res?.status()).toBe(200)
  expect(res?.headers()['content-security-policy']).toBe('sandbox')
  expect(await g.page.textContent('#x')).toBe('stub page')
  // Its script did not run: the title is the markup's, and nothing was reset.
  expect(await g.page.title()).toBe('stub')
  expect(g.errors.some((e) => /Blocked script execution .* sandboxed/.test(e))).toBe(true)
  // Script the browser's own tooling runs in it has the page's opaque origin.
  expect(await g.page.evaluate(() => self.origin)).toBe('null')
  // A simple GET (no extra header, so no preflight): to the opaque origin the admin API is
  // another origin, with no CORS, so the page cannot read it; and the server refused it anyway.
  await g.page.setExtraHTTPHeaders({})
  const fromPage = await g.page.evaluate(() => fetch('/__sandbox/tokens').then((r) => `read ${r.status}`, (e: Error) => `${e.name}: ${e.message}`))
  expect(fromPage).toBe('TypeError: Failed to fetch')
  const sent = g.seen.find((s) => s.request.url() === `${server.url}/__sandbox/tokens`)
  expect(sent).toBeDefined()
  expect(await sent!.request.headerValue('origin')).toBe('null')
  // Chromium reports no response to a fetch CORS failed; the same request, with the headers the
  // browser reports it sent (Origin: null among them), is refused by the admin guard.
  const headers = await sent!.request.allHeaders()
  expect(headers['origin']).toBe('null')
  const replay = await fetch(`${server.url}/__sandbox/tokens`, { headers: Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith(':'))) })
  expect(replay.status).toBe(403)
  expect(await replay.json()).toEqual({ error: { code: 'forbidden', message: expect.stringContaining("Origin 'null'") } })
  const listed = (await (await fetch(`${server.url}/__sandbox/faults`)).json()) as { faults: { id: string }[] }
  expect(listed.faults.map((f) => f.id)).toContain(witness.id)
  expect(g.escaped).toEqual([])
}, 60_000)
