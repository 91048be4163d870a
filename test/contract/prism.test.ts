// Prism in the loop, proven able to fail: `prism proxy --errors` in front of sandboxes that break
// the ComplyCube contract on purpose reports each break, and `prism mock` (the static
// alternative to the sandbox) answers from the contract's examples.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createCaller } from '../../src/contract/http.ts'
import { ContractViolationError, startPrism } from '../../src/contract/prism.ts'
import { CONTRACTS_DIR } from '../support/paths.ts'
import { startServer } from '../../src/server/server.ts'
import { driftingSandbox, goneInsteadOfNotFound, renameToken } from '../support/drift.ts'
import { SOURCE_CLI } from '../support/cli.ts'

const CONTRACT = join(CONTRACTS_DIR, 'complycube.yaml')
const KEY = 'test_tokensandbox_default_0001'
const CLIENT = '5eb04fcd0f3e360008035eb1'

const drifting = await startServer({
  host: '127.0.0.1',
  port: 0,
  sandbox: driftingSandbox((req, res) => goneInsteadOfNotFound(req, renameToken(req, res))),
})
const starting = [startPrism({ mode: 'proxy', contract: CONTRACT, upstream: `${drifting.url}/complycube/v1` }), startPrism({ mode: 'mock', contract: CONTRACT })] as const
const proxy = await starting[0]
// The contract suite through the proxy is a child process of several seconds: it starts as soon
// as the proxy answers and runs while the other tests do (none changes what it sees); its test
// waits for it.
const suiteRun = runCli(['contract', 'complycube', '--base-url', proxy.url, '--through-prism', '--api-key', KEY, '--reporter', 'json'])
const mock = await starting[1]
afterAll(async () => {
  await suiteRun
  await Promise.all([proxy.close(), mock.close()])
  await drifting.close()
})

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a contract violation')
    },
    (err: unknown) => err,
  )

describe('prism proxy --errors in front of a sandbox that drifts from the contract', () => {
  const api = createCaller(proxy.url, proxy.fetch)

  it('reports a renamed response field (token → tokn) as a violation', async () => {
    const err = await failure(api('POST', '/tokens', { headers: { authorization: KEY }, json: { clientId: CLIENT, referrer: 'https://www.example.com/*' } }))
    expect(err).toBeInstanceOf(ContractViolationError)
    const messages = (err as ContractViolationError).violations.map((v) => v.message).join('\n')
    expect(messages).toMatch(/required property 'token'/)
    expect(messages).toMatch(/tokn/)
  })

  it('reports a status the operation does not document (410 for 404)', async () => {
    const err = await failure(api('GET', '/clients/000000000000000000000000', { headers: { authorization: KEY } }))
    expect(err).toBeInstanceOf(ContractViolationError)
    expect((err as ContractViolationError).violations.map((v) => v.message).join('\n')).toMatch(/status code/)
  })

  it('lets an exchange that keeps the contract through untouched', async () => {
    const res = await api('GET', `/clients/${CLIENT}`, { headers: { authorization: KEY } })
    expect(res.status).toBe(200)
    expect(res.headers.get('sl-violations')).toBeNull()
    expect(res.body).toMatchObject({ id: CLIENT, type: 'person' })
  })

  it('makes the ComplyCube contract suite fail (token-sandbox contract exits 1)', async () => {
    const { code, stdout } = await suiteRun
    expect(code).toBe(1)
    const report = JSON.parse(stdout) as { testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[] }
    const failed = report.testResults.flatMap((f) => f.assertionResults).filter((t) => t.status === 'failed')
    expect(failed.map((t) => t.title)).toEqual(expect.arrayContaining([expect.stringMatching(/issues a Web SDK token/), expect.stringMatching(/issues a Mobile SDK token/)]))
    expect(failed.flatMap((t) => t.failureMessages).join('\n')).toMatch(/contract violation/)
  }, 60_000)
})

describe('prism mock, the static alternative', () => {
  const api = createCaller(mock.url)

  it('answers POST /tokens with the contract’s example token', async () => {
    const example = /^ {20}token: (\S+)$/m.exec(readFileSync(CONTRACT, 'utf8'))![1]
    const res = await api('POST', '/tokens', { headers: { authorization: KEY }, json: { clientId: CLIENT, referrer: 'https://www.example.com/*' } })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ token: example })
  })

  it('answers a request the contract refuses with the documented 400, and says why', async () => {
    const res = await api('POST', '/tokens', { headers: { authorization: KEY }, json: { clientId: 'nope' } })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ type: 'invalid_request', param: 'clientId' })
    expect(res.headers.get('sl-violations')).toMatch(/clientId/)
  })
})

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SOURCE_CLI, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c))
    child.stderr.on('data', (c: Buffer) => (stderr += c))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
