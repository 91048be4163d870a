// The dashboard at /__sandbox/ in real Chromium, against a standalone server on 127.0.0.1:
// what it lists comes from the admin API, and its controls drive that API. One browser context
// and page for the file: each test starts its own server, so its page is on another origin
// (another port) and nothing the last test left carries over.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { guardedContext, launchChromium, screenshot, type GuardedContext } from './support/chromium.ts'

const KEY = 'test_tokensandbox_default_0001'
const CLIENT = '5eb04fcd0f3e360008035eb1'

let browser: Browser
let server: RunningServer
let g: GuardedContext
let page: Page

beforeAll(async () => {
  browser = await launchChromium()
  g = await guardedContext(browser)
  page = g.page
}, 60_000)

afterAll(async () => {
  await g?.close()
  await browser?.close()
}, 60_000)

beforeEach(async () => {
  server = await startServer({ host: '127.0.0.1', port: 0 })
  g.reset()
}, 60_000)

afterEach(async () => {
  // Off the dashboard before its server closes: its 2 s refresh would fail against it.
  await page.goto('about:blank')
  await server?.close()
}, 60_000)

async function issueToken(referrer = 'https://www.example.com/*'): Promise<{ token: string; jti: string }> {
  const res = await fetch(`${server.url}/complycube/v1/tokens`, {
    method: 'POST',
    headers: { authorization: KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: CLIENT, referrer }),
  })
  expect(res.status).toBe(200)
  const { token } = (await res.json()) as { token: string }
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { jti: string }
  return { token, jti: claims.jti }
}

async function open(): Promise<void> {
  await page.goto(`${server.url}/__sandbox/`)
  await page.waitForSelector('body[data-loaded]')
}

const journalRows = () => page.$$eval('#journal tbody tr[data-seq]', (trs) => trs.map((tr) => (tr as HTMLElement).innerText))
const waitForJournalRows = (n: number) =>
  page.waitForFunction((count) => document.querySelectorAll('#journal tbody tr[data-seq]').length === count, n)

// Real Chromium on a shared CI machine: more time than the unit-test default.
describe('the dashboard at /__sandbox/', { timeout: 60_000 }, () => {
  it('lists a token issued over HTTP, decoded, and the +61m button marks it expired', async () => {
    const { jti } = await issueToken()
    await open()
    const row = `#tokens .token[data-jti="${jti}"]`
    await page.waitForSelector(`${row}[data-status="active"]`)
    expect(await page.textContent(`${row} summary`)).toContain(CLIENT)
    expect(await page.textContent(`${row} summary`)).toContain('complycube')
    expect(await page.textContent(`${row} .left`)).toMatch(/^(59m \d+s|1h 0m 0s)$/)
    await page.click(`${row} summary`)
    expect(JSON.parse((await page.textContent(`${row} pre.header`))!)).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(JSON.parse((await page.textContent(`${row} pre.claims`))!)).toMatchObject({ jti, clientId: CLIENT, referrer: 'https://www.example.com/*' })
    await screenshot(page, 'dashboard-token-active')

    await page.click('button[data-advance="61m"]')
    await page.waitForSelector(`${row}[data-status="expired"]`)
    expect(await page.textContent(`${row} .left`)).toBe('0s')
    // The button went through the admin API: the server's clock moved, and it says the token expired.
    const clock = (await (await fetch(`${server.url}/__sandbox/clock`)).json()) as { offsetMs: number }
    expect(clock.offsetMs).toBeGreaterThanOrEqual(61 * 60_000 - 5_000)
    const { tokens } = (await (await fetch(`${server.url}/__sandbox/tokens`)).json()) as { tokens: { claims: { jti: string }; status: string }[] }
    expect(tokens.find((t) => t.claims.jti === jti)?.status).toBe('expired')
    // The expanded row stayed open through the refresh.
    expect(await page.getAttribute(row, 'open')).not.toBeNull()

    expect(g.escaped).toEqual([])
    expect(g.errors).toEqual([])
    await screenshot(page, 'dashboard-token-expired')
  })

  it('freezes the clock, advances it by a typed duration, and puts it back to real time', async () => {
    await open()
    await page.click('#freeze')
    await page.waitForSelector('#clock-frozen', { state: 'visible' })
    const frozenAt = (await (await fetch(`${server.url}/__sandbox/clock`)).json()) as { frozen: boolean; epochMs: number }
    expect(frozenAt.frozen).toBe(true)

    await page.fill('#advance-by', '2h')
    await page.click('#advance')
    const expected = new Date(frozenAt.epochMs + 2 * 3_600_000).toISOString()
    await page.waitForFunction((text) => document.getElementById('clock-now')?.textContent === text, expected)
    const advanced = (await (await fetch(`${server.url}/__sandbox/clock`)).json()) as { frozen: boolean; epochMs: number }
    expect(new Date(advanced.epochMs).toISOString()).toBe(expected)

    await page.click('#clock-reset')
    await page.waitForSelector('#clock-frozen', { state: 'hidden' })
    const real = (await (await fetch(`${server.url}/__sandbox/clock`)).json()) as { frozen: boolean; offsetMs: number }
    expect(real.frozen).toBe(false)
    expect(Math.abs(real.offsetMs)).toBeLessThan(1_000)
    expect(g.escaped).toEqual([])
  })

  it('filters the request journal by status and path', async () => {
    await issueToken()
    const refused = await fetch(`${server.url}/complycube/v1/tokens`, {
      method: 'POST',
      headers: { authorization: 'test_unknown_key', 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: CLIENT }),
    })
    expect(refused.status).toBe(401)
    await fetch(`${server.url}/complycube/v1/clients/${CLIENT}`, { headers: { authorization: KEY } })
    await open()
    await waitForJournalRows(3)

    await page.fill('#f-status', '401')
    await page.click('#filters button[type=submit]')
    await waitForJournalRows(1)
    expect((await journalRows())[0]).toContain('unknown API key')

    await page.fill('#f-status', '')
    await page.fill('#f-path', '/clients/')
    await page.click('#filters button[type=submit]')
    await page.waitForSelector('#journal tbody tr[data-seq][data-status="200"]')
    await waitForJournalRows(1)
    const statuses = await page.$$eval('#journal tbody tr[data-seq]', (trs) => trs.map((tr) => tr.getAttribute('data-status')))
    expect(statuses).toEqual(['200'])
    expect(await page.textContent('#journal tbody')).toContain(`/complycube/v1/clients/${CLIENT}`)

    await page.click('#f-clear')
    await waitForJournalRows(3)
    expect(await page.inputValue('#f-path')).toBe('')
    expect(g.escaped).toEqual([])
    await screenshot(page, 'dashboard-journal')
  })

  it('shows each vendor with its environments and its own listings (ComplyCube keys)', async () => {
    await open()
    const card = '.vendor[data-vendor="complycube"]'
    await page.waitForSelector(card)
    const text = (await page.textContent(card))!
    expect(text).toContain(`${server.url}/complycube/v1`)
    expect(text).toContain('https://api.complycube.com/v1')
    expect(text).toContain(KEY)
    const envs = await page.$$eval(`${card} .badge.env`, (b) => [...new Set(b.map((x) => x.textContent))])
    expect(envs.sort()).toEqual(['live', 'sandbox'])
    // Every registered vendor gets a card.
    const health = (await (await fetch(`${server.url}/__sandbox/health`)).json()) as { vendors: string[] }
    const cards = await page.$$eval('.vendor', (cs) => cs.map((c) => c.getAttribute('data-vendor')))
    expect(cards).toEqual(health.vendors)
    expect(g.escaped).toEqual([])
  })

  it('checks a pasted token against an origin with the vendor\'s verify route', async () => {
    const { token } = await issueToken()
    await open()
    await page.waitForSelector('#verify-section:not([hidden])')
    await page.selectOption('#verify-vendor', 'complycube')
    await page.fill('#verify-token', token)
    await page.fill('#verify-referrer', 'https://www.example.com/checkout')
    await page.click('#verify-form button[type=submit]')
    await page.waitForSelector('#verify-result pre')
    expect(JSON.parse((await page.textContent('#verify-result pre'))!)).toMatchObject({ accepted: true, verdict: 'valid' })

    await page.fill('#verify-referrer', 'https://evil.example.net/')
    await page.click('#verify-form button[type=submit]')
    await page.waitForFunction(() => document.querySelector('#verify-result pre')?.textContent?.includes('referrer_mismatch'))
    expect(g.escaped).toEqual([])
  })

  it('resets the sandbox: the journal and the token list empty', async () => {
    await issueToken()
    await open()
    await page.waitForSelector('#tokens .token')
    await page.click('#reset')
    await page.waitForSelector('#tokens .empty')
    expect(await page.textContent('#tokens')).toContain('No token issued yet')
    await waitForJournalRows(0)
    const { tokens } = (await (await fetch(`${server.url}/__sandbox/tokens`)).json()) as { tokens: unknown[] }
    expect(tokens).toEqual([])
    expect(g.escaped).toEqual([])
  })
})
