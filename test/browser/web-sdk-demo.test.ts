// The Web SDK demo in real Chromium: the page gets its tokens from token-sandbox running in an
// msw service worker, and nothing it does leaves 127.0.0.1. One browser context and page for
// the file: the page keeps its sandbox in memory (state and clock are per page, as a test
// checks), so each test's fresh load of it starts from the seed. The first test's load installs
// the service worker; the later ones start msw with it installed, as a reload does.
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startDemoServer, type RunningDemo } from '../../src/server/demo-server.ts'
import { guardedContext, isLoopback, launchChromium, screenshot, type GuardedContext } from './support/chromium.ts'

const SEEDED_CLIENT = '5eb04fcd0f3e360008035eb1'

let browser: Browser
let demo: RunningDemo
let g: GuardedContext
let page: Page

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startDemoServer({ port: 0 }), launchChromium()])
  g = await guardedContext(browser)
  page = g.page
}, 60_000)

afterAll(async () => {
  await g?.close()
  await browser?.close()
  await demo?.close()
}, 60_000)

beforeEach(async () => {
  g.reset()
  await page.goto(`${demo.url}/`)
  await page.waitForSelector('body[data-ready]', { timeout: 20_000 })
  expect(await page.getAttribute('body', 'data-ready')).toBe('true')
}, 60_000)

async function getToken(referrer?: string): Promise<string> {
  if (referrer !== undefined) await page.fill('#cc-referrer', referrer)
  await page.evaluate(() => document.getElementById('cc-verdict')?.removeAttribute('data-verdict'))
  await page.click('#cc-get-token')
  await page.waitForSelector('#cc-verdict[data-verdict]', { timeout: 10_000 })
  return (await page.textContent('#cc-token'))!.trim()
}

/** Every request that was not to 127.0.0.1 must have been answered by the service worker. */
function expectNothingLeftLoopback(): string[] {
  expect(g.escaped).toEqual([])
  const external = g.seen.filter((s) => !isLoopback(s.request.url()))
  for (const s of external) {
    expect(s.request.serviceWorker(), `${s.request.url()} came from the service worker itself`).toBeNull()
    expect(s.response?.fromServiceWorker(), `${s.request.url()} was not answered by the service worker`).toBe(true)
  }
  return external.map((s) => `${s.request.method()} ${s.request.url()}`)
}

// Real Chromium on a shared CI machine: more time than the unit-test default.
describe('the Web SDK demo page', { timeout: 60_000 }, () => {
  it('gets a ComplyCube SDK token through the service worker, shows it decoded, and the sandbox accepts it on this page', async () => {
    const token = await getToken()
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)

    const header = JSON.parse((await page.textContent('#cc-token-header'))!)
    const claims = JSON.parse((await page.textContent('#cc-token-claims'))!)
    expect(header.alg).toBe('HS256')
    expect(claims).toMatchObject({ clientId: SEEDED_CLIENT, environment: 'sandbox', referrer: `${demo.url}/*` })
    expect(claims.exp - claims.iat).toBe(3600)

    expect(await page.getAttribute('#cc-verdict', 'data-verdict')).toBe('valid')
    expect(await page.getAttribute('#cc-verdict', 'data-accepted')).toBe('true')
    // The in-page sandbox agrees when asked in-process with the page's origin.
    const inProcess = await page.evaluate(
      ({ t, origin }) => (window as any).tokenSandbox.sandbox.complycube.verifyToken({ token: t, referrer: origin }),
      { t: token, origin: demo.url },
    )
    expect(inProcess.verdict).toBe('valid')

    const external = expectNothingLeftLoopback()
    expect(external).toContain('POST https://api.complycube.com/v1/tokens')
    // The page's own log says who answered, from msw's life-cycle events.
    const log = await page.$$eval('#log tbody tr', (rows) => rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ')))
    expect(log.some((l) => l.includes('https://api.complycube.com/v1/tokens') && l.includes('200') && l.includes('service worker'))).toBe(true)
    expect(g.errors).toEqual([])
    await screenshot(page, 'web-sdk-demo-token')
  })

  it('refuses, from this page, a token bound to https://www.example.com/*', async () => {
    await getToken('https://www.example.com/*')
    expect(await page.getAttribute('#cc-verdict', 'data-verdict')).toBe('referrer_mismatch')
    expect(await page.getAttribute('#cc-verdict', 'data-accepted')).toBe('false')
    expect(await page.textContent('#cc-verdict')).toContain('refused')
    expectNothingLeftLoopback()
    await screenshot(page, 'web-sdk-demo-wrong-origin')
  })

  it('answers bad input with ComplyCube\'s error, as in Node: an unknown key is a 401', async () => {
    await page.fill('#cc-key', 'test_not_a_real_key')
    await page.click('#cc-get-token')
    await page.waitForSelector('#cc-exchange .response')
    const body = JSON.parse((await page.textContent('#cc-exchange .response'))!)
    expect(body).toEqual({ type: 'unauthorized', message: "The 'Authorization' header is invalid" })
    expect(await page.isHidden('#cc-token-section')).toBe(true)
    expectNothingLeftLoopback()
  })

  it('keeps state and clock per page: advancing expires the token, reset restores the seed', async () => {
    await page.click('#cc-new-client')
    await page.waitForFunction((seeded) => (document.getElementById('cc-client') as HTMLInputElement).value !== seeded, SEEDED_CLIENT)
    const clientId = await page.inputValue('#cc-client')
    expect(clientId).toMatch(/^[a-f0-9]{24}$/)
    await getToken()
    expect(await page.getAttribute('#cc-verdict', 'data-verdict')).toBe('valid')

    await page.click('#clock-advance')
    await page.waitForSelector('#cc-verdict[data-verdict="expired"]')

    // Another page has its own sandbox: it never saw this client, and its clock was not moved.
    const other = await g.context.newPage()
    onTestFinished(() => other.close())
    await other.goto(`${demo.url}/`)
    await other.waitForSelector('body[data-ready="true"]')
    const otherView = await other.evaluate((id) => {
      const { sandbox } = (window as any).tokenSandbox
      return { client: sandbox.complycube.getClient('sandbox', id), offsetMs: sandbox.clock.state().offsetMs }
    }, clientId)
    expect(otherView.client).toBeNull()
    expect(Math.abs(otherView.offsetMs)).toBeLessThan(60_000)

    // Reset: the clock is real again (the token has not expired) but the client created here is gone.
    await page.click('#sandbox-reset')
    await page.waitForSelector('#cc-verdict[data-verdict="client_not_found"]')
    expectNothingLeftLoopback()
  })

  it('mints a CAF token in the page and shows the BFF\'s session token', async () => {
    await page.waitForSelector('#caf-go')
    await page.click('#caf-go')
    await page.waitForSelector('#caf-exchange[data-status]')
    expect(await page.getAttribute('#caf-exchange', 'data-status')).toBe('200')
    const minted = JSON.parse((await page.textContent('#caf-token'))!)
    expect(minted.header).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(minted.payload.iss).toBe('tokensandbox-beta-0001')
    expect(await page.$$('#caf-exchange pre.request')).toHaveLength(0)
    expect(await page.textContent('#caf-exchange')).not.toContain('null')
    const answer = JSON.parse((await page.textContent('#caf-exchange .response'))!)
    expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(answer.sessionToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    const session = JSON.parse((await page.textContent('#caf-session'))!)
    expect(session.payload.iss).toBe('tokensandbox-beta-0001')
    expect(expectNothingLeftLoopback()).toContain('GET https://web.us.stg.caf.io/bff/session-tokens')
    await screenshot(page, 'web-sdk-demo-caf')
  })

  it('would catch a request escaping to the network: one the worker does not handle is aborted and recorded', async () => {
    // Not a vendor host: msw passes it through, the service worker fetches it, the guard aborts it.
    const outcome = await page.evaluate(() =>
      fetch('https://escape.example.invalid/leak').then(
        (r) => `status ${r.status}`,
        (e: Error) => `failed: ${e.name}`,
      ),
    )
    expect(outcome).toMatch(/^failed/)
    expect(g.escaped).toContain('https://escape.example.invalid/leak')
  })
})
