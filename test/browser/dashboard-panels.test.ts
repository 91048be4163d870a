// The dashboard's faults panel, rate limits, first paint and journal meta, in real Chromium
// against a standalone server on 127.0.0.1. Each state is asserted on the DOM (and, where the
// page changed something, on the admin API) and, with BROWSER_SCREENSHOTS=1, kept as a screenshot
// in test-output/browser/.
// One browser context and page for the file: each test starts its own server, so its page is
// on another origin (another port) and nothing the last test left carries over; the two tests
// that hook the page (an init script, a route) remove their hook when they end.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { guardedContext, launchChromium, screenshot, type GuardedContext } from './support/chromium.ts'

const CC_KEY = 'test_tokensandbox_default_0001'
const CC_CLIENT = '5eb04fcd0f3e360008035eb1'
const CAF_CLIENT = 'tokensandbox-prod-0001'

let browser: Browser
let server: RunningServer
let g: GuardedContext
let page: Page
/** Console errors a test causes on purpose: Chromium logs each 4xx answer to a fetch. */
let expectedErrors: string[]

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
  expectedErrors = []
}, 60_000)

afterEach(async () => {
  // Off the dashboard before its server closes: its 2 s refresh would fail against it, and log
  // into the next test.
  await page.goto('about:blank')
  // Whatever the test did, the page stayed on 127.0.0.1 and broke no rule of its policy (a CSP
  // violation is a console error).
  const escaped = [...g.escaped]
  const errors = [...g.errors]
  await server?.close()
  expect(escaped).toEqual([])
  expect(errors.filter((e) => !expectedErrors.includes(e))).toEqual([])
}, 60_000)

const REFUSED_400 = 'console: Failed to load resource: the server responded with a status of 400 (Bad Request)'

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

const adminFaults = async () => ((await (await fetch(`${server.url}/__sandbox/faults`)).json()) as { faults: Record<string, unknown>[] }).faults

const adminRateLimits = async () => (await (await fetch(`${server.url}/__sandbox/rate-limits`)).json()) as { enabled: boolean; limits: unknown[] }

/** The rate-limit table's rows as [vendor, environment, limit] text. */
const limitRows = () => page.$$eval('#rate-limits-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)))

/** The statuses of `n` ComplyCube requests with the sandbox key, one after another. */
async function complyCubeStatuses(n: number): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push((await fetch(`${server.url}/complycube/v1/clients?pageSize=1`, { headers: { authorization: CC_KEY } })).status)
  return out
}

async function issueComplyCubeToken(referrer = 'https://www.example.com/*'): Promise<Response> {
  return post('/complycube/v1/tokens', { clientId: CC_CLIENT, referrer }, { authorization: CC_KEY })
}

/** A CAF BFF session token, for the mobile token the integrator's backend would sign. */
async function issueCafSessionToken(): Promise<{ jti: string }> {
  const minted = (await (await post('/__sandbox/caf/tokens/mint', { clientId: CAF_CLIENT })).json()) as { token: string }
  const res = await fetch(`${server.url}/caf/prod/bff/session-tokens`, { headers: { authorization: `Bearer ${minted.token}` } })
  expect(res.status).toBe(200)
  const { sessionToken } = (await res.json()) as { sessionToken: string }
  return JSON.parse(Buffer.from(sessionToken.split('.')[1]!, 'base64url').toString('utf8')) as { jti: string }
}

async function open(): Promise<void> {
  await page.goto(`${server.url}/__sandbox/`)
  await page.waitForSelector('body[data-loaded]')
}

/** One section's screenshot (smaller and quicker than the whole page's), with BROWSER_SCREENSHOTS=1. */
const sectionShot = (selector: string, name: string) => screenshot(page, name, selector)

/** Waits until the page's faults table lists exactly these ids, in order. */
const waitForFaultIds = (ids: string[]) =>
  page.waitForFunction(
    (want) => JSON.stringify([...document.querySelectorAll('#faults tr.fault')].map((tr) => tr.getAttribute('data-id'))) === JSON.stringify(want),
    ids,
  )

/** A fault row's match or effect cell as [key, value] pairs. */
const pairs = (id: string, cell: 'match' | 'effect') =>
  page.$$eval(`#faults tr.fault[data-id="${id}"] td.${cell} .kv > span`, (spans) => {
    const out: [string, string][] = []
    for (let i = 0; i + 1 < spans.length; i += 2) out.push([spans[i]!.textContent!.replace(/:$/, ''), spans[i + 1]!.textContent!])
    return out
  })

describe('the dashboard\'s panels', { timeout: 60_000 }, () => {
  it('paints every section at once: tokens, journal, faults, vendors and the token check fill in one render', async () => {
    expect((await issueComplyCubeToken()).status).toBe(200)
    expect((await post('/__sandbox/faults', { vendor: 'caf', status: 503 })).status).toBe(201)
    // Before the page's own script runs: note which sections hold content after each batch of
    // DOM changes, so a section that fills in later than the others shows as a separate step.
    const paintLog = await page.addInitScript(() => {
      const w = window as unknown as { __paints: string[][] }
      w.__paints = []
      const filled = () => {
        const out: string[] = []
        if (document.querySelector('#tokens .token')) out.push('tokens')
        if (document.querySelector('#journal tbody tr[data-seq]')) out.push('journal')
        if (document.querySelector('#faults tr.fault')) out.push('faults')
        if (document.querySelector('#rate-limits-table tbody tr')) out.push('rate-limits')
        if (document.querySelector('#vendors .vendor')) out.push('vendors')
        const verify = document.getElementById('verify-section')
        if (verify && !verify.hidden && document.querySelector('#verify-vendor option')) out.push('verify')
        return out
      }
      new MutationObserver(() => {
        const now = filled()
        const prev = w.__paints[w.__paints.length - 1]
        if (now.length && JSON.stringify(now) !== JSON.stringify(prev)) w.__paints.push(now)
      }).observe(document, { childList: true, subtree: true, attributes: true })
    })
    onTestFinished(() => paintLog.dispose())
    await page.goto(`${server.url}/__sandbox/`)
    // The first paint, with no timer waited for: the moment the page says it has loaded.
    await page.waitForSelector('body[data-loaded]')
    const paints = await page.evaluate(() => (window as unknown as { __paints: string[][] }).__paints)
    expect(paints[0]).toEqual(['tokens', 'journal', 'faults', 'rate-limits', 'vendors', 'verify'])
    expect(await page.$$eval('#vendors .vendor', (vs) => vs.map((v) => v.getAttribute('data-vendor')))).toEqual(['ca', 'caf', 'complycube'])
    expect(await page.$$eval('#verify-vendor option', (os) => os.map((o) => o.textContent))).toContain('complycube')
    await screenshot(page, 'dashboard-first-paint')
  })

  it('shows an empty sandbox: no token, no request, no fault, and says so', async () => {
    await open()
    expect(await page.textContent('#tokens')).toBe('No token issued yet.')
    expect(await page.textContent('#journal tbody')).toBe('No request matches.')
    expect(await page.textContent('#faults')).toContain('No fault in force')
    expect(await page.isHidden('#faults-active')).toBe(true)
    expect(await page.isDisabled('#faults-clear')).toBe(true)
    await screenshot(page, 'dashboard-empty')
  })

  it('shows the journal\'s meta as key: value lines, a CAF session token\'s subject, and request text escaped', async () => {
    const { jti } = await issueCafSessionToken()
    // A referrer with U+202E (right-to-left override): in the token's claims as signed.
    expect((await issueComplyCubeToken('https://www.example.com/\u202eevil/*')).status).toBe(200)
    await open()

    // The CAF session token names its client in `iss`, which CAF's definition declares.
    const row = `#tokens .token[data-jti="${jti}"]`
    expect(await page.textContent(`${row} summary .subject`)).toBe(CAF_CLIENT)
    expect(await page.textContent(`${row} summary strong`)).toBe('caf')
    const ccRow = '#tokens .token:not([data-jti="' + jti + '"])'
    expect(await page.textContent(`${ccRow} summary .subject`)).toBe(CC_CLIENT)

    // The session-token request's meta: one line a key, nested keys dotted, values as text.
    const meta = await page.$$eval('#journal tbody tr[data-seq]', (trs) => {
      const tr = trs.find((t) => t.children[5]!.textContent === '/caf/prod/bff/session-tokens')!
      return [...tr.querySelectorAll('td.meta .kv > span')].map((x) => x.textContent!)
    })
    expect(meta).toEqual(expect.arrayContaining(['clientId:', CAF_CLIENT, 'token.jti:', jti, 'token.sessionId:', jti]))
    expect(meta[meta.indexOf('token.exp:') + 1]).toMatch(/^\d{10}$/)

    // Claims hold the raw U+202E; the page writes it out, in the claims and in the meta.
    await page.click(`${ccRow} summary`)
    const claims = (await page.textContent(`${ccRow} pre.claims`))!
    expect(claims).not.toContain('\u202e')
    expect(claims).toContain('https://www.example.com/\\u202eevil/*')
    expect(JSON.parse(claims).referrer).toBe('https://www.example.com/\u202eevil/*')
    const journalText = (await page.textContent('#journal tbody'))!
    expect(journalText).not.toContain('\u202e')
    expect(journalText).toContain('referrer:https://www.example.com/\\u202eevil/*')
    await sectionShot('#tokens-section', 'dashboard-tokens-subjects')
    await sectionShot('#journal-section', 'dashboard-journal-meta')
  })

  it('lists the faults in force, with what they match and do, and counts their hits', async () => {
    expect((await post('/__sandbox/faults', { vendor: 'complycube', method: 'POST', path: '/v1/tokens', status: 503, times: 3 })).status).toBe(201)
    expect((await post('/__sandbox/faults', { vendor: 'caf', delayMs: 1500, drop: true })).status).toBe(201)
    // Markup in a rule is text: no element comes of it.
    expect((await post('/__sandbox/faults', { path: '<img src=x id=injected>\u202e', status: 500 })).status).toBe(201)
    const [first, second, third] = (await adminFaults()).map((f) => String(f.id))
    expect((await issueComplyCubeToken()).status).toBe(503)
    await open()
    await waitForFaultIds([first!, second!, third!])
    expect(await pairs(first!, 'match')).toEqual([['vendor', 'complycube'], ['method', 'POST'], ['path', '/v1/tokens']])
    expect(await pairs(first!, 'effect')).toEqual([['status', '503']])
    expect(await page.textContent(`#faults tr[data-id="${first}"] .remaining`)).toBe('2')
    expect(await page.textContent(`#faults tr[data-id="${first}"] .hits`)).toBe('1')
    expect(await pairs(second!, 'effect')).toEqual([['delayMs', '1500'], ['drop', 'true']])
    expect(await pairs(third!, 'match')).toEqual([['path', '<img src=x id=injected>\\u202e']])
    expect(await page.$('#injected')).toBeNull()
    expect(await page.textContent('#faults-active')).toBe('3 faults active')
    await sectionShot('#faults-section', 'dashboard-faults')
  })

  it('shows every field of a richer rule (a stub\'s body, headers and body match) and fields it does not know', async () => {
    // Rules as a sandbox with stubs lists them: a stub answering its own JSON for one client,
    // and a rule with a field newer than this page.
    const stub = {
      id: 'fault_9', vendor: 'complycube', environment: null, method: 'POST', path: '/tokens', pathMatch: 'exact',
      bodyField: 'clientId', bodyEquals: null, header: 'x-test', headerEquals: 'on', remaining: 1, hits: 0,
      status: 418, delayMs: 0, drop: false, headers: { 'x-odd': '1' }, json: { message: 'teapot' }, contentType: 'application/json',
    }
    const future = { id: 'fault_10', vendor: null, path: '/bff/', remaining: 2, hits: 1, status: null, delayMs: 0, drop: true, headers: {}, colour: ['red'] }
    const listed = await page.route('**/__sandbox/faults', (route) =>
      route.request().method() === 'GET' ? route.fulfill({ json: { faults: [stub, future] } }) : route.continue(),
    )
    onTestFinished(() => listed.dispose())
    await open()
    await waitForFaultIds(['fault_9', 'fault_10'])
    expect(await pairs('fault_9', 'match')).toEqual([
      ['vendor', 'complycube'], ['method', 'POST'], ['path', '/tokens'], ['pathMatch', 'exact'],
      ['bodyField', 'clientId'], ['bodyEquals', 'null'], ['header', 'x-test'], ['headerEquals', 'on'],
    ])
    expect(await pairs('fault_9', 'effect')).toEqual([
      ['status', '418'], ['headers', '{"x-odd":"1"}'], ['json', '{"message":"teapot"}'], ['contentType', 'application/json'],
    ])
    expect(await pairs('fault_10', 'match')).toEqual([['path', '/bff/']])
    expect(await pairs('fault_10', 'effect')).toEqual([['drop', 'true'], ['colour', '["red"]']])
    await sectionShot('#faults-section', 'dashboard-fault-rich-rule')
  })

  it('adds a fault from the form, which the next matching request meets, and shows the API\'s refusal in one line', async () => {
    await open()
    await page.selectOption('#fault-vendor', 'complycube')
    await page.selectOption('#fault-method', 'POST')
    await page.fill('#fault-path', '/v1/tokens')
    await page.fill('#fault-times', '2')
    await page.fill('#fault-status', '429')
    await page.click('#fault-form button[type=submit]')
    await page.waitForSelector('#faults tr.fault')
    const [fault] = await adminFaults()
    expect(fault).toMatchObject({ vendor: 'complycube', method: 'POST', path: '/v1/tokens', remaining: 2, status: 429, delayMs: 0, drop: false })
    expect(await page.textContent('#fault-form-error')).toBe('')
    expect((await issueComplyCubeToken()).status).toBe(429)
    await page.click('#refresh')
    await page.waitForFunction((id) => document.querySelector(`#faults tr[data-id="${id}"] .hits`)?.textContent === '1', String(fault!.id))
    await sectionShot('#faults-section', 'dashboard-fault-added-form')

    // A rule the API refuses (the browser's own checks pass it): its message, nothing added.
    expectedErrors = [REFUSED_400]
    await page.check('#fault-drop')
    await page.click('#fault-form button[type=submit]')
    await page.waitForFunction(() => document.getElementById('fault-form-error')!.textContent !== '')
    expect(await page.textContent('#fault-form-error')).toBe("A fault either answers a 'status' or drops the connection, not both")
    expect(await adminFaults()).toHaveLength(1)
    await sectionShot('#faults-section', 'dashboard-fault-form-refused')
  })

  it('posts a JSON rule as written, and shows the API\'s one-line refusal of a bad one', async () => {
    await open()
    await page.fill('#fault-json', '{ "vendor": "caf", "status": 500, "times": 3 }')
    await page.click('#fault-json-form button[type=submit]')
    await page.waitForSelector('#faults tr.fault')
    expect(await adminFaults()).toMatchObject([{ vendor: 'caf', status: 500, remaining: 3 }])
    expect(await page.textContent('#fault-json-error')).toBe('')
    await sectionShot('#faults-section', 'dashboard-fault-added-json')

    // Not JSON at all: sent as is, so the message is the API's own.
    expectedErrors = [REFUSED_400]
    await page.fill('#fault-json', '{ "vendor": ')
    await page.click('#fault-json-form button[type=submit]')
    await page.waitForFunction(() => document.getElementById('fault-json-error')!.textContent !== '')
    expect(await page.textContent('#fault-json-error')).toMatch(/^The request body is not valid JSON: /)

    await page.fill('#fault-json', '{ "status": 503, "colour": "red" }')
    await page.click('#fault-json-form button[type=submit]')
    await page.waitForFunction(() => document.getElementById('fault-json-error')!.textContent!.startsWith("Unknown field 'colour'"))
    expect(await page.textContent('#fault-json-error')).not.toContain('\n')
    expect(await adminFaults()).toHaveLength(1)
    await sectionShot('#faults-section', 'dashboard-fault-json-refused')
  })

  it('removes one fault, then clears the rest', async () => {
    for (const status of [500, 502, 503]) expect((await post('/__sandbox/faults', { vendor: 'ca', status })).status).toBe(201)
    const ids = (await adminFaults()).map((f) => String(f.id))
    await open()
    await waitForFaultIds(ids)

    await page.click(`#faults tr.fault[data-id="${ids[1]}"] button.remove`)
    await waitForFaultIds([ids[0]!, ids[2]!])
    expect((await adminFaults()).map((f) => f.id)).toEqual([ids[0], ids[2]])
    expect(await page.textContent('#faults-active')).toBe('2 faults active')
    await sectionShot('#faults-section', 'dashboard-fault-removed')

    await page.click('#faults-clear')
    await waitForFaultIds([])
    expect(await adminFaults()).toEqual([])
    expect(await page.textContent('#faults')).toContain('No fault in force')
    expect(await page.isHidden('#faults-active')).toBe(true)
    await sectionShot('#faults-section', 'dashboard-faults-cleared')
  })

  it('shows the rate-limit setting in force, and turns enforcement on and off', async () => {
    await open()
    const documented = [
      ['complycube', 'live', '10 requests / 1 s'],
      ['complycube', 'sandbox', '5 requests / 1 s'],
    ]
    expect(await limitRows()).toEqual(documented)
    expect(await page.textContent('#rate-limits-status')).toBe('not enforced')
    expect(await page.textContent('#rate-limits-toggle')).toBe('Enforce')
    expect(await page.textContent('#rate-limits-section .note')).toContain('--rate-limits')
    await sectionShot('#rate-limits-section', 'dashboard-rate-limits-off')

    // On from the page: the admin API says so, and ComplyCube's 6th sandbox request in one
    // second of the (frozen) sandbox clock gets its 429.
    expect((await post('/__sandbox/clock/freeze', {})).status).toBe(200)
    await page.click('#rate-limits-toggle')
    await page.waitForFunction(() => document.getElementById('rate-limits-status')!.textContent === 'enforced')
    expect(await page.textContent('#rate-limits-toggle')).toBe('Stop enforcing')
    expect((await adminRateLimits()).enabled).toBe(true)
    expect(await complyCubeStatuses(6)).toEqual([200, 200, 200, 200, 200, 429])
    expect(await limitRows()).toEqual(documented)
    await sectionShot('#rate-limits-section', 'dashboard-rate-limits-on')

    // Off again: the same request passes.
    await page.click('#rate-limits-toggle')
    await page.waitForFunction(() => document.getElementById('rate-limits-status')!.textContent === 'not enforced')
    expect((await adminRateLimits()).enabled).toBe(false)
    expect(await complyCubeStatuses(1)).toEqual([200])
  })

  it('shows the start-up overrides, and limits changed through the API', async () => {
    await server.close()
    server = await startServer({ host: '127.0.0.1', port: 0, rateLimits: { complycube: { sandbox: { requests: 2, perMs: 60_000 }, live: false } } })
    await open()
    expect(await page.textContent('#rate-limits-status')).toBe('enforced')
    expect(await limitRows()).toEqual([['complycube', 'sandbox', '2 requests / 60 s']])
    expect((await post('/__sandbox/rate-limits', { limits: [{ vendor: 'caf', environment: 'prod', requests: 3, perMs: 250 }] })).status).toBe(200)
    await page.click('#refresh')
    await page.waitForFunction(() => document.querySelector('#rate-limits-table tbody tr')?.getAttribute('data-vendor') === 'caf')
    expect(await limitRows()).toEqual([['caf', 'prod', '3 requests / 250 ms']])
    expect((await post('/__sandbox/rate-limits', { enabled: false, limits: [] })).status).toBe(200)
    await page.click('#refresh')
    await page.waitForFunction(() => document.getElementById('rate-limits-status')!.textContent === 'not enforced')
    expect(await page.$$('#rate-limits-table')).toEqual([])
    expect(await page.textContent('#rate-limits')).toContain('No limit is set')
    await sectionShot('#rate-limits-section', 'dashboard-rate-limits-none')

    // Reset sandbox puts the start-up setting back.
    await page.click('#reset')
    await page.waitForFunction(() => document.getElementById('rate-limits-status')!.textContent === 'enforced')
    expect(await limitRows()).toEqual([['complycube', 'sandbox', '2 requests / 60 s']])
  })
})
