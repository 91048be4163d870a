// The package's entry points as a user's plain `node` imports them (no tsx, no vitest): the
// exports map sends each to dist/lib (built by scripts/build.mjs, which `npm ci` and `npm test`
// run), and one sandbox core is shared between entries. Each test is its own node process,
// independent of the others: they run concurrently.
import { execFile } from 'node:child_process'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/paths.ts'

/** Plain node from the package root (so `token-sandbox` resolves to this package) with `args`: the last line it prints, as JSON. */
function node(args: string[]): Promise<any> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } }, (err, out, stderr) =>
      err ? reject(Object.assign(err, { message: `${err.message}\n${stderr}` })) : resolve(JSON.parse(out.trim().split('\n').pop()!)),
    ),
  )
}

/** Runs an ES module script with plain node from the package root. */
const plainNode = (script: string): Promise<any> => node(['--input-type=module', '-e', script])

describe.concurrent('the library entry points under plain node', () => {
  it('maps every entry to JavaScript, with declarations as its types, ES modules for import and CommonJS for require', () => {
    type Target = string | { [condition: string]: Target }
    const { exports } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { exports: Record<string, Target> }
    const check = (entry: string, target: Target, under: string) => {
      if (typeof target === 'string') {
        expect(target, `${entry} ${under}`).toMatch(under.endsWith('types') ? /\.d\.ts$/ : under.includes('require') ? /\.cjs$/ : /\.m?js$/)
      } else for (const [condition, next] of Object.entries(target)) check(entry, next, `${under}/${condition}`)
    }
    for (const [entry, target] of Object.entries(exports)) check(entry, target, '')
  })

  it('token-sandbox/mocks/node under require(): the same token over msw, the same verdict', async () => {
    const result = await node([
      '-e',
      `const { createSandbox } = require('token-sandbox')
       const { setupSandboxServer } = require('token-sandbox/mocks/node')
       const sandbox = createSandbox({ seed: 'plain-require' })
       const { server } = setupSandboxServer({ sandbox, onUnhandled: 'error' })
       server.listen()
       ;(async () => {
         const res = await fetch('https://api.complycube.com/v1/tokens', {
           method: 'POST',
           headers: { authorization: 'test_tokensandbox_default_0001', 'content-type': 'application/json' },
           body: JSON.stringify({ clientId: '5eb04fcd0f3e360008035eb1', referrer: 'https://www.example.com/*' }),
         })
         const { token } = await res.json()
         const verdict = await sandbox.complycube.verifyToken({ token, referrer: 'https://www.example.com/a' })
         const unhandled = await fetch('http://127.0.0.1:9/').then(() => 'answered', () => 'failed')
         server.close()
         console.log(JSON.stringify({ status: res.status, verdict: verdict.verdict, unhandled, cjs: require.resolve('token-sandbox/mocks/node').endsWith('.cjs') }))
       })()`,
    ])
    expect(result).toEqual({ status: 200, verdict: 'valid', unhandled: 'failed', cjs: true })
  })

  it('token-sandbox/contract under require(): one error saying it is ES only, not ERR_REQUIRE_ASYNC_MODULE', async () => {
    const [required, imported] = await Promise.all([
      node(['-e', `try { require('token-sandbox/contract'); console.log('{"loaded":true}') } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })) }`]),
      plainNode(`const m = await import('token-sandbox/contract'); console.log(JSON.stringify(typeof m.complycubeContract))`),
    ])
    expect(required).toEqual({
      code: 'ERR_REQUIRE_ESM',
      message: expect.stringMatching(/^token-sandbox\/contract is an ES module only .*import \{ complycubeContract \} from 'token-sandbox\/contract'/),
    })
    // import() still gets the ES module.
    expect(imported).toBe('function')
  })

  it('token-sandbox/mocks/node: a token over msw that the sandbox from token-sandbox verifies', async () => {
    const result = await plainNode(`
      const { createSandbox } = await import('token-sandbox')
      const { setupSandboxServer } = await import('token-sandbox/mocks/node')
      const sandbox = createSandbox({ seed: 'plain-node' })
      const { server } = setupSandboxServer({ sandbox })
      server.listen({ onUnhandledFrame: 'error', onUnhandledRequest: 'error' })
      const res = await fetch('https://api.complycube.com/v1/tokens', {
        method: 'POST',
        headers: { authorization: 'test_tokensandbox_default_0001', 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: '5eb04fcd0f3e360008035eb1', referrer: 'https://www.example.com/*' }),
      })
      const { token } = await res.json()
      const verdict = await sandbox.complycube.verifyToken({ token, referrer: 'https://www.example.com/a' })
      server.close()
      console.log(JSON.stringify({ status: res.status, verdict: verdict.verdict }))
    `)
    expect(result).toEqual({ status: 200, verdict: 'valid' })
  })

  it('token-sandbox: startServer answers on 127.0.0.1 and closes', async () => {
    const result = await plainNode(`
      const { startServer } = await import('token-sandbox')
      const running = await startServer({ host: '127.0.0.1', port: 0 })
      const health = await fetch(running.url + '/__sandbox/health')
      await running.close()
      console.log(JSON.stringify({ status: health.status }))
    `)
    expect(result).toEqual({ status: 200 })
  })

  it('token-sandbox/mocks and token-sandbox/contract load, and the contracts folder they name exists', async () => {
    const result = await plainNode(`
      const { createHandlers } = await import('token-sandbox/mocks')
      const contract = await import('token-sandbox/contract')
      const { existsSync } = await import('node:fs')
      console.log(JSON.stringify({
        createHandlers: typeof createHandlers,
        suites: contract.contractSuites.map((s) => s.name),
        contracts: contract.contractSuites.every((s) => existsSync(new URL(s.contract, contract.contractsDir))),
      }))
    `)
    expect(result).toEqual({ createHandlers: 'function', suites: [...Object.keys(vendorDefinitions), 'sandbox'], contracts: true })
  })
})
