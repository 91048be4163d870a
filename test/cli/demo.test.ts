// token-sandbox demo: serves the Web SDK demo on 127.0.0.1 and stops cleanly.
import { spawn, spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { requireBrowserSetup } from '../browser/support/chromium.ts'
import { SOURCE_CLI } from '../support/cli.ts'

const env = process.env

describe('token-sandbox demo', () => {
  it('serves the demo page, the bundle and the worker on 127.0.0.1, and stops on SIGTERM', async () => {
    requireBrowserSetup()
    const child = spawn(process.execPath, [...SOURCE_CLI, 'demo', '--port', '0', '--no-build'], { stdio: ['ignore', 'pipe', 'pipe'], env })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner: ${out} ${err}`)), 15_000)
        child.stdout.on('data', () => {
          const m = /demo on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)
          if (m) {
            clearTimeout(timer)
            resolve(m[1]!)
          }
        })
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)))
      })
      expect(await (await fetch(`${url}/`)).text()).toContain('Web SDK demo')
      expect((await fetch(`${url}/token-sandbox.js`)).status).toBe(200)
      expect((await fetch(`${url}/mockServiceWorker.js`)).status).toBe(200)
    } finally {
      child.kill('SIGTERM')
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(0)
    expect(out).toContain('SIGTERM: shutting down')
  })

  it('prints its usage with --help and refuses a bad port with exit code 2', () => {
    const help = spawnSync(process.execPath, [...SOURCE_CLI, 'demo', '--help'], { encoding: 'utf8', env, timeout: 20_000 })
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('usage: token-sandbox demo')
    const bad = spawnSync(process.execPath, [...SOURCE_CLI, 'demo', '--port', 'eighty'], { encoding: 'utf8', env, timeout: 20_000 })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain("--port must be 0-65535, got 'eighty'")
    const listed = spawnSync(process.execPath, [...SOURCE_CLI, '--help'], { encoding: 'utf8', env, timeout: 20_000 })
    expect(listed.stdout).toContain('token-sandbox demo')
  })
})
