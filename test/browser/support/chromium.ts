// Debian's Chromium (its headless shell where installed, ../../support/chromium-path.ts) driven
// by playwright-core, kept off the network: headless, the flags that stop background traffic, a
// fresh profile per browser (Playwright makes a new --user-data-dir for every launch), and a
// context-wide route that aborts — and records — any request not addressed to 127.0.0.1.
// Requests a service worker answers never reach the route; anything the worker passes through to
// the network does, and gets aborted. Missing Chromium is a failure, never a skip: CI installs it
// (.ci/run).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page, type Request, type Response } from 'playwright-core'
import { inject } from 'vitest'
import { CHROMIUM } from '../../support/chromium-path.ts'

export { CHROMIUM }

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Chromium features turned off on top of Playwright's own list. Headless Chromium (156) gives each
 * page a browser window with its toolbar, and preloads the omnibox popup's WebUI there: a renderer
 * running chrome://omnibox-popup.top-chrome (some 300 modules), about 1.5 CPU-s a page, for a popup
 * no test opens.
 */
export const DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup']

let playwrightFeatures: string[] | undefined
/**
 * The features Playwright's launch disables (its `--disable-features`). Chromium keeps only the
 * last `--disable-features` it is given, so ours has to carry Playwright's list too, and
 * Playwright's own switch is then left out. Read from the playwright-core that launches: a list
 * copied here would drift from it.
 */
function playwrightDisabledFeatures(): string[] {
  if (playwrightFeatures) return playwrightFeatures
  const bundle = createRequire(import.meta.url).resolve('playwright-core/lib/coreBundle')
  const list = /\bdisabledFeatures = \[([^\]]*)\]/.exec(readFileSync(bundle, 'utf8'))?.[1]
  const names = list ? [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]!) : []
  if (!names.length) throw new Error(`Playwright's --disable-features list was not found in ${bundle}: update test/browser/support/chromium.ts for this playwright-core`)
  return (playwrightFeatures = names)
}

/** Screenshots assert nothing: they are taken for a person to look at, with BROWSER_SCREENSHOTS=1. */
export const SCREENSHOTS = process.env.BROWSER_SCREENSHOTS === '1' ? join(process.cwd(), 'test-output', 'browser') : undefined

/** Fails (never skips) when the bundle did not build or Chromium is missing. */
export function requireBrowserSetup(): void {
  const build = inject('browserBuild')
  if (!build) throw new Error('the browser bundle was not built: run through vitest with test/browser/global-setup.ts')
  if (!build.ok) throw new Error(`the browser bundle failed to build: ${build.error}`)
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium-headless-shell, as .ci/run does, or chromium) or set CHROMIUM_PATH`)
  }
}

export async function launchChromium(): Promise<Browser> {
  requireBrowserSetup()
  const playwrights = playwrightDisabledFeatures()
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--disable-features=${[...playwrights, ...DISABLED_FEATURES].join(',')}`],
    ignoreDefaultArgs: [`--disable-features=${playwrights.join(',')}`],
    timeout: 30_000,
  })
}

export interface GuardedContext {
  context: BrowserContext
  page: Page
  /** URLs that tried to leave 127.0.0.1 and were aborted. */
  escaped: string[]
  /** Every request the context saw (pages and service workers), with its response once known. */
  seen: { request: Request; response?: Response | null }[]
  /** Console errors and uncaught page errors of `page`. */
  errors: string[]
  /** Empties `escaped`, `seen` and `errors`: a file that keeps one context for its tests calls it before each. */
  reset(): void
  close(): Promise<void>
}

export const isLoopback = (url: string) => {
  const u = new URL(url)
  return u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1'
}

export async function guardedContext(browser: Browser): Promise<GuardedContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'allow' })
  const escaped: string[] = []
  const seen: GuardedContext['seen'] = []
  const errors: string[] = []
  await context.route('**/*', async (route) => {
    const url = route.request().url()
    if (isLoopback(url)) return route.continue()
    escaped.push(url)
    return route.abort('blockedbyclient')
  })
  context.on('request', (request) => void seen.push({ request }))
  context.on('response', (response) => {
    const entry = seen.find((s) => s.request === response.request())
    if (entry) entry.response = response
  })
  const page = await context.newPage()
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  const reset = () => {
    for (const list of [escaped, seen, errors]) list.length = 0
  }
  return { context, page, escaped, seen, errors, reset, close: () => context.close() }
}

/**
 * With BROWSER_SCREENSHOTS=1, the whole page, or the element `selector` matches, as
 * test-output/browser/<name>.png; otherwise nothing (a capture costs Chromium 0.2-0.5 CPU-s). Chromium's
 * own capture with its fast PNG encoder: half the time of Playwright's screenshot (which encodes
 * harder and first waits for fonts and stable layout; the tests have waited on what they show)
 * for a somewhat larger file.
 */
export async function screenshot(page: Page, name: string, selector?: string): Promise<string | undefined> {
  if (!SCREENSHOTS) return undefined
  mkdirSync(SCREENSHOTS, { recursive: true })
  const path = join(SCREENSHOTS, `${name}.png`)
  const clip = selector
    ? await page.locator(selector).evaluate((el) => {
        const r = el.getBoundingClientRect()
        return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height }
      })
    : undefined
  const cdp = await page.context().newCDPSession(page)
  try {
    const area = clip ?? { ...(await cdp.send('Page.getLayoutMetrics')).cssContentSize, x: 0, y: 0 }
    const { data } = await cdp.send('Page.captureScreenshot', {
      format: 'png',
      optimizeForSpeed: true,
      captureBeyondViewport: true,
      clip: { x: area.x, y: area.y, width: area.width, height: area.height, scale: 1 },
    })
    writeFileSync(path, Buffer.from(data, 'base64'))
  } finally {
    await cdp.detach()
  }
  return path
}
