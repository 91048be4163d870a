// CAF through Prism, proven able to fail: one `prism proxy contracts/caf.yaml --errors` in front
// of a sandbox that breaks the contract on purpose on the Mobile API and the BFF (which live on
// different base paths: the proxy's upstream is a router sending each path to its API's, see
// test/support/api-router.ts). Every break is reported, on either API, and the CAF suite run
// through it (`--through-prism --bff-url`) fails.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createCaller } from '../../src/contract/http.ts'
import { ContractViolationError, startPrism } from '../../src/contract/prism.ts'
import { CONTRACTS_DIR } from '../support/paths.ts'
import { apiRoutes, startApiRouter } from '../support/api-router.ts'
import { cafSuite } from '../../src/vendors/caf/contract.ts'
import type { SandboxRequest, SandboxResponse } from '../../src/core/types.ts'
import { mintCafToken } from '../../src/vendors/caf/mint.ts'
import { startServer } from '../../src/server/server.ts'
import { driftingSandbox } from '../support/drift.ts'
import { SOURCE_CLI } from '../support/cli.ts'

const CONTRACT = join(CONTRACTS_DIR, 'caf.yaml')
const KEY = { clientId: 'tokensandbox-prod-0001', clientSecret: 'sandbox-prod-secret-0001-5c1e7a93d04b28f6e1a7c3d9' }

/** BFF: `sessionToken` renamed; Mobile API: refusals grow a `code`, and the pre-check says `OK` instead of `VALID`. */
function drift(req: SandboxRequest, res: SandboxResponse): SandboxResponse {
  const path = req.url.pathname
  const body = res.body as Record<string, unknown>
  if (path.endsWith('/bff/session-tokens') && res.status === 200) return { ...res, body: { requestId: body.requestId, session_token: body.sessionToken } }
  if (path.includes('/mobile/') && res.status === 401) return { ...res, body: { ...body, code: 'INVALID_TOKEN' } }
  if (path.endsWith('/mobile/tokens/verify') && body?.status === 'VALID') return { ...res, body: { ...body, status: 'OK' } }
  return res
}

const drifting = await startServer({ host: '127.0.0.1', port: 0, sandbox: driftingSandbox(drift) })
const routes = apiRoutes(CONTRACT, [cafSuite.sandboxPath, ...cafSuite.otherApis!.map((api) => api.sandboxPath)])
if (!routes) throw new Error(`${CONTRACT}: a path no single CAF API serves`)
const router = await startApiRouter(drifting.url, routes)
const proxy = await startPrism({ mode: 'proxy', contract: CONTRACT, upstream: router.url })
// The CAF suite through the proxy is a child process of several seconds: it starts as soon as it
// answers and runs while the other tests do (none changes what it sees); its test waits for it.
const suiteRun = runCli([
  'contract', 'caf', '--base-url', proxy.url, '--bff-url', proxy.url, '--through-prism', '--reporter', 'json',
  '--client-id', KEY.clientId, '--client-secret', KEY.clientSecret,
])
afterAll(async () => {
  await suiteRun
  await proxy.close()
  await router.close()
  await drifting.close()
})

const violation = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a contract violation')
    },
    (err: unknown) => {
      expect(err).toBeInstanceOf(ContractViolationError)
      return (err as ContractViolationError).violations.map((v) => v.message).join('\n')
    },
  )

describe('prism proxy --errors for every CAF API, in front of a sandbox that drifts from the contract', () => {
  const mobile = createCaller(proxy.url, proxy.fetch)
  const bff = createCaller(proxy.url, proxy.fetch)

  it('Prism reports a renamed sessionToken on the BFF', async () => {
    const token = await mintCafToken(KEY)
    const messages = await violation(bff('GET', '/session-tokens', { headers: { authorization: token } }))
    expect(messages).toMatch(/required property 'sessionToken'/)
  })

  it('Prism reports an error body with a field CAF’s error does not have on the Mobile API', async () => {
    const messages = await violation(mobile('POST', '/faces/authenticate', { headers: { authorization: 'test123' }, json: { peopleId: '12345678909' } }))
    expect(messages).toMatch(/additional propert/)
  })

  it('Prism reports a pre-check status outside VALID/INVALID on the Mobile API', async () => {
    const token = await mintCafToken(KEY)
    const messages = await violation(mobile('GET', '/tokens/verify', { headers: { authorization: token, product: 'FaceAuthenticator' } }))
    expect(messages).toMatch(/allowed values/)
  })

  it('lets an exchange that keeps the contract through untouched', async () => {
    const res = await mobile('POST', '/faces/authenticate', { headers: { authorization: await mintCafToken(KEY) }, json: { peopleId: '52998224725' } })
    expect(res.status).toBe(404)
    expect(res.headers.get('sl-violations')).toBeNull()
    expect(res.body).toEqual({ requestId: expect.any(String), message: 'No face registered for the entered CPF' })
  })

  it('makes the CAF contract suite fail through it (token-sandbox contract caf --through-prism exits 1)', async () => {
    const { code, stdout } = await suiteRun
    expect(code).toBe(1)
    const report = JSON.parse(stdout) as { testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[] }
    const results = report.testResults.flatMap((f) => f.assertionResults)
    const failed = results.filter((t) => t.status === 'failed')
    expect(failed.map((t) => t.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/exchanges the token at GET \/session-tokens/), expect.stringMatching(/answers 200 \{ requestId, status: "VALID"/)]),
    )
    expect(failed.flatMap((t) => t.failureMessages).join('\n')).toMatch(/contract violation/)
    // The refusals Prism answers itself (no token, no product header) still pass: they never reach the drift.
    expect(results.find((t) => /answers 400 without the product header/.test(t.title))?.status).toBe('passed')
  }, 60_000)
})

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SOURCE_CLI, ...args], {
      env: { ...process.env, CAF_CLIENT_ID: '', CAF_CLIENT_SECRET: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c))
    child.stderr.on('data', (c: Buffer) => (stderr += c))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
