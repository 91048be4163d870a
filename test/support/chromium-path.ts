// The browser the tests drive: CHROMIUM_PATH, else Debian's chromium-headless-shell (the headless
// shell is what Playwright's headless mode runs by default: no browser window, toolbar or WebUI
// behind each page, about a fifth less CPU for test/browser than the full browser), else Debian's
// full Chromium. .ci/run installs the headless shell when neither is there.
import { existsSync } from 'node:fs'

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium']

export const CHROMIUM: string = process.env['CHROMIUM_PATH'] || (CHROMIUM_CANDIDATES.find((path) => existsSync(path)) ?? CHROMIUM_CANDIDATES[0]!)
