// token-sandbox contract caf: the CAF suite from the command line, with the Mobile Key from flags
// or CAF_CLIENT_ID/CAF_CLIENT_SECRET, the BFF found beside the Mobile API (or --bff-url), and the
// cases a real CAF cannot run skipped with their reason. Secrets never show.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { main } from '../../src/cli.ts'
import { ROOT } from '../support/paths.ts'
import { startServer } from '../../src/server/server.ts'
import { SOURCE_CLI } from '../support/cli.ts'
import { background } from '../support/cli-run.ts'

const PROD = { id: 'tokensandbox-prod-0001', secret: 'sandbox-prod-secret-0001-5c1e7a93d04b28f6e1a7c3d9' }
const BETA = { id: 'tokensandbox-beta-0001', secret: 'sandbox-beta-secret-0001-9d3a6f2c8e1b5d7a4c0f2e6b' }
const CORE_TOKEN = 'sandbox-core-prod-token-0001-7d2f9b4e1a6c3f8d'

// A server per run of the suite (the full one moves its clock and writes), so that the two go side by side.
const [running, full] = await Promise.all([startServer({ host: '127.0.0.1', port: 0 }), startServer({ host: '127.0.0.1', port: 0 })])
const work = await mkdtemp(join(tmpdir(), 'token-sandbox-cli-caf-'))

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SOURCE_CLI, ...args], {
      env: { ...process.env, CAF_CLIENT_ID: '', CAF_CLIENT_SECRET: '', CAF_CORE_TOKEN: '', CAF_SDK_SIGNATURE_KEY: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c))
    child.stderr.on('data', (c: Buffer) => (out += c))
    child.on('close', (code) => resolve({ code, out }))
  })
}

/** Every <testcase> of a JUnit report: its name (with its describe path) and whether it was skipped. */
function cases(xml: string): { name: string; skipped: boolean }[] {
  return [...xml.matchAll(/<testcase classname="[^"]*" name="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)].map((m) => ({
    name: m[1]!,
    skipped: (m[3] ?? '').includes('<skipped'),
  }))
}

const testsOf = (xml: string) => Number(/<testsuites [^>]*tests="(\d+)"/.exec(xml)?.[1] ?? NaN)

// The runs of the suite (vitest, seconds each), both started now; each test awaits its own.
const runs = {
  full: background(
    cli(
      [
        'contract', 'caf', '--base-url', `${full.url}/caf/prod/mobile`, '--admin-url', `${full.url}/__sandbox`,
        '--other-client-id', BETA.id, '--other-client-secret', BETA.secret, '--allow-writes', '--reporter', 'junit', '--output-file', join(work, 'caf.xml'),
      ],
      { CAF_CLIENT_ID: PROD.id, CAF_CLIENT_SECRET: PROD.secret, CAF_CORE_TOKEN: CORE_TOKEN },
    ),
  ),
  readonly: background(
    cli(
      ['contract', 'caf', '--base-url', `${running.url}/caf/prod/mobile`, '--bff-url', `${running.url}/caf/prod/bff`, '--client-id', PROD.id,
        '--client-secret', PROD.secret, '--reporter', 'junit', '--output-file', join(work, 'caf-readonly.xml')],
    ),
  ),
}
afterAll(async () => {
  await Promise.allSettled(Object.values(runs))
  await Promise.all([running.close(), full.close()])
  await rm(work, { recursive: true, force: true })
})

describe('token-sandbox contract caf', () => {
  it('passes every case against a token-sandbox, the BFF found beside the Mobile API, the secrets from the environment', async () => {
    const report = join(work, 'caf.xml')
    const { code, out } = await runs.full
    expect(code, out).toBe(0)
    const xml = await readFile(report, 'utf8')
    expect(testsOf(xml)).toBeGreaterThanOrEqual(41)
    // The SDK API and the Core API are found beside the Mobile API too.
    expect(xml).toMatch(/POST \/attestations/)
    expect(xml).toMatch(/GET \/v1\/faces\/attempts/)
    expect(xml).toMatch(/failures="0" errors="0"/)
    expect(xml).not.toMatch(/<skipped/)
    expect(xml).toMatch(/session-tokens/)
    for (const secret of [PROD.secret, BETA.secret, CORE_TOKEN]) expect(out + xml).not.toContain(secret)
  }, 120_000)

  it('skips, with the reason, what only a token-sandbox or data-creating run can check (as against the real CAF)', async () => {
    const report = join(work, 'caf-readonly.xml')
    const { code, out } = await runs.readonly
    expect(code, out).toBe(0)
    const xml = await readFile(report, 'utf8')
    expect(xml).toMatch(/a token with exp is accepted until the sandbox clock passes it[^"]*skipped: needs the sandbox clock/)
    expect(xml).toMatch(/refuses a token of another environment(?:'|&apos;)s Mobile Key[^"]*skipped: needs a Mobile Key of another environment/)
    expect(xml).toMatch(/registers a face[^"]*skipped: creates data; pass --allow-writes/)
    expect(xml).toMatch(/a token restricted to one CPF[^"]*skipped: CAF documents no answer for this/)
    // What CAF documents still runs: the token pre-check, 400/401/404, the session-token exchange.
    const ran = cases(xml).filter((c) => !c.skipped).map((c) => c.name)
    expect(ran).toEqual(expect.arrayContaining([
      expect.stringMatching(/GET \/tokens\/verify.*answers 200 \{ requestId, status: &quot;VALID&quot;/),
      expect.stringMatching(/answers 400 &quot;The access token has not been entered&quot; without Authorization/),
      expect.stringMatching(/answers 404 &quot;No face registered/),
      expect.stringMatching(/exchanges the token at GET \/session-tokens/),
    ]))
    expect(out + xml).not.toContain(PROD.secret)
  }, 120_000)

  it.each([
    [['contract', 'caf', '--base-url', 'http://127.0.0.1:9/caf/prod/mobile', '--client-id', PROD.id], /needs --client-secret or CAF_CLIENT_SECRET/],
    [['contract', 'caf', '--base-url', 'http://127.0.0.1:9/somewhere', '--client-id', PROD.id, '--client-secret', 'x'], /CAF needs --bff-url/],
    [['contract', 'caf', '--base-url', 'http://127.0.0.1:9/caf/prod/mobile', '--bff-url', 'bff', '--client-id', PROD.id, '--client-secret', 'x'], /--bff-url must be an http\(s\) URL/],
  ])('exits 2 with a usage message for %j', async (args, message) => {
    vi.stubEnv('CAF_CLIENT_ID', '')
    vi.stubEnv('CAF_CLIENT_SECRET', '')
    vi.stubEnv('TOKEN_SANDBOX_CONTRACT_BASE_URL_BFF', '')
    const errors: string[] = []
    const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')))
    try {
      expect(await main(args)).toBe(2)
    } finally {
      spy.mockRestore()
      vi.unstubAllEnvs()
    }
    expect(errors.join('\n')).toMatch(message)
  })
})
