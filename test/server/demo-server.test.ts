// The demo's static server: the page, the browser bundle and msw's worker script from
// dist/browser (built by the vitest globalSetup), nothing outside the demo folder, on 127.0.0.1.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoServer, type RunningDemo } from '../../src/server/demo-server.ts'
import { requireBrowserSetup } from '../browser/support/chromium.ts'

const require = createRequire(import.meta.url)

/** A raw GET, so paths like /../ reach the server as written. */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = ''
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the demo server', () => {
  let demo: RunningDemo
  beforeAll(async () => {
    requireBrowserSetup()
    demo = await startDemoServer({ port: 0 })
  })
  afterAll(() => demo?.close())

  it('binds to 127.0.0.1 and serves the demo page at /', async () => {
    expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await fetch(`${demo.url}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await res.text()).toContain('<script type="module" src="./demo.js"></script>')
  })

  it('serves the bundle as JavaScript and the worker script of the installed msw, byte for byte', async () => {
    const bundle = await fetch(`${demo.url}/token-sandbox.js`)
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await bundle.text()).length).toBeGreaterThan(10_000)
    const worker = await fetch(`${demo.url}/mockServiceWorker.js`)
    expect(worker.status).toBe(200)
    const installed = readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8')
    expect(await worker.text()).toBe(installed)
    const { version } = JSON.parse(readFileSync(require.resolve('msw/package.json'), 'utf8')) as { version: string }
    expect(installed).toContain(`PACKAGE_VERSION = '${version}'`)
  })

  it('serves nothing outside the demo folder, whatever the path says', async () => {
    for (const path of ['/../package.json', '/..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/../../etc/passwd', '/nope.js', '/%00']) {
      const res = await rawGet(demo.port, path)
      expect(res.status, path).toBe(404)
      expect(res.body).not.toContain('token-sandbox')
    }
  })

  it('answers only GET and HEAD', async () => {
    expect((await fetch(`${demo.url}/`, { method: 'POST', body: 'x' })).status).toBe(405)
    const head = await fetch(`${demo.url}/`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
