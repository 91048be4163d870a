// The dashboard page and the vendor catalogue it reads, as plain HTTP: the page is HTML with a
// policy that keeps it talking to this origin only; the catalogue names each vendor's mounts and
// sandbox routes and carries no credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox } from '../../src/node/sandbox.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { dashboardConfig, jsonForScriptElement, type DashboardConfig } from '../../src/admin/dashboard-config.ts'

describe('the dashboard page', () => {
  let s: RunningServer
  beforeAll(async () => {
    s = await startServer({ port: 0 })
  })
  afterAll(() => s.close())

  it('is served at /__sandbox/ and /__sandbox as HTML that may only connect to its own origin', async () => {
    for (const path of ['/__sandbox/', '/__sandbox']) {
      const res = await fetch(s.url + path)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'")
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
      expect(res.headers.get('cache-control')).toBe('no-store')
      const html = await res.text()
      expect(html).toMatch(/^<!doctype html>/)
      expect(html).toContain('<title>token-sandbox dashboard</title>')
    }
  })

  it('runs only its own script and style: the policy names a fresh nonce per answer, which they carry', async () => {
    const nonces = new Set<string>()
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${s.url}/__sandbox/`)
      const csp = res.headers.get('content-security-policy')!
      const nonce = /script-src 'nonce-([A-Za-z0-9+/]{22}==)'/.exec(csp)?.[1]
      expect(nonce).toBeDefined()
      expect(csp).toContain(`style-src 'nonce-${nonce}'`)
      expect(csp).not.toContain('unsafe-inline')
      const html = await res.text()
      // Exactly one script runs (the other is JSON data) and one style applies, both with the nonce.
      expect(html.match(/<script[ >]/g)).toHaveLength(2)
      expect(html).toContain(`<script nonce="${nonce}">`)
      expect(html).toContain('<script type="application/json" id="dashboard-config">')
      expect(html.match(/<style[ >]/g)).toHaveLength(1)
      expect(html).toContain(`<style nonce="${nonce}">`)
      // No inline style or handler attributes, which the policy would refuse.
      expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/)
      nonces.add(nonce!)
    }
    expect(nonces.size).toBe(2)
  })

  it('inlines its config as JSON no value can close the element with', async () => {
    const html = await (await fetch(`${s.url}/__sandbox/`)).text()
    const start = html.indexOf('<script type="application/json" id="dashboard-config">')
    const raw = html.slice(html.indexOf('>', start) + 1, html.indexOf('</script>', start))
    const config = JSON.parse(raw) as DashboardConfig
    expect(config).toEqual(dashboardConfig)
    expect(config.vendors.caf!.tokenSubject).toEqual(['iss', 'personId'])
    const hostile = { s: '</script><script>alert(1)</script><!--' }
    const written = jsonForScriptElement(hostile)
    expect(written).not.toContain('<')
    expect(JSON.parse(written)).toEqual(hostile)
  })

  it('reads only the admin API: every URL its script fetches is under the page\'s own path', async () => {
    const html = await (await fetch(`${s.url}/__sandbox/`)).text()
    const start = html.indexOf('<script nonce=')
    const script = html.slice(start, html.indexOf('</script>', start))
    expect(script).toContain('fetch(base + path')
    expect(script.match(/fetch\(/g)).toHaveLength(1)
    expect(script).not.toMatch(/https?:\/\//)
    // Data reaches the page as text, never as markup.
    expect(script).not.toContain('innerHTML')
  })

  it('answers other methods on it with the sandbox\'s 405', async () => {
    const res = await fetch(`${s.url}/__sandbox/`, { method: 'DELETE' })
    expect(res.status).toBe(405)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed')
  })
})

describe('GET /__sandbox/vendors', () => {
  it('lists every vendor with its base URLs, prefixes and sandbox routes, and no credentials', async () => {
    const sandbox = createSandbox()
    const res = await sandbox.handle({ method: 'GET', url: new URL('http://127.0.0.1/__sandbox/vendors'), headers: {}, body: null })
    expect(res.status).toBe(200)
    const { vendors } = res.body as { vendors: any[] }
    expect(vendors.map((v) => v.name)).toEqual(sandbox.admin.health().vendors)
    const cc = vendors.find((v) => v.name === 'complycube')
    expect(cc.baseUrls).toEqual([{ base: 'https://api.complycube.com/v1', environment: null }])
    expect(cc.prefixes).toEqual([{ base: '/complycube/v1', environment: null }])
    expect(cc.environments).toEqual(['sandbox', 'live'])
    expect(vendors.find((v) => v.name === 'ca').environments).toEqual(expect.arrayContaining(['hedmoral', 'kvarnby']))
    expect(cc.adminRoutes).toContainEqual({ method: 'POST', path: '/__sandbox/complycube/tokens/verify' })
    expect(cc.adminRoutes).toContainEqual({ method: 'GET', path: '/__sandbox/complycube/keys' })
    // What `serve` prints (seeded keys and secrets) stays out of it.
    const text = JSON.stringify(vendors)
    const secrets = Object.values(sandbox.describe())
      .flat()
      .flatMap((line) => line.split(/\s+/))
      .filter((w) => /^(test_|live_|sandbox-)/.test(w))
    expect(secrets).toContain('test_tokensandbox_default_0001')
    for (const word of secrets) expect(text).not.toContain(word)
  })
})
