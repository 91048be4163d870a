// The kit's vitest API for fidelity: `fidelity({ vendor, record | compare })` beside a contract
// suite, in an integrator's own vitest file (run here as a child vitest). Its record is the
// CLI's: `contract --compare` reads it. Its compare fails the run and names the case. The record
// is made once; the three runs that read it (the CLI's, in-process, against a faulty sandbox) each
// have a sandbox of their own and run at once.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { HOOKS_CASE } from '../../src/contract/fidelity/record.ts'
import { SOURCE_CLI } from '../support/cli.ts'
import { CLEAN_ENV } from '../support/cli-run.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
mkdirSync(join(root, 'test-output'), { recursive: true })
const dir = mkdtempSync(join(root, 'test-output', 'fidelity-api-'))
const SEED = 'fidelity-api'
// a: recorded; b: compared by the CLI; c: given a fault, compared through the vitest API.
const servers = await Promise.all([0, 1, 2].map(() => startServer({ host: '127.0.0.1', port: 0, seed: SEED })))
const [a, b, c] = servers as [RunningServer, RunningServer, RunningServer]
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
  rmSync(dir, { recursive: true, force: true })
})

function run(command: string[], cwd = root): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, command, { cwd, env: { ...process.env, ...CLEAN_ENV, SOURCE_DATE_EPOCH: '1767225600', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c))
    child.stderr.on('data', (c: Buffer) => (out += c))
    child.on('close', (code) => resolve({ code, out }))
  })
}

/**
 * An integrator's vitest file: the ComplyCube suite against `url`, with `fidelity(options)` before
 * it, given what `contract complycube --sandbox` gives it (docs/fidelity.md's recipe): the seeded
 * credentials from the sandbox's credentials route (a client id among them), its admin API, writes on.
 */
function userFile(name: string, url: string, options: Record<string, string>): string {
  // The package's build (`token-sandbox/contract`, as an integrator imports it; the globalSetup
  // rebuilds it from the sources): one bundle to load, not the sources' module graph through vite.
  const kit = join(root, 'dist/lib/contract.mjs')
  const file = join(dir, `${name}.test.ts`)
  writeFileSync(
    file,
    `import { adminClient, complycubeContract, fidelity } from ${JSON.stringify(kit)}
fidelity(${JSON.stringify({ vendor: 'complycube', environment: 'token-sandbox', ...options })})
const admin = ${JSON.stringify(`${url}/__sandbox`)}
const { credentials } = await adminClient(admin).call('GET', '/complycube/credentials')
complycubeContract({
  baseUrl: ${JSON.stringify(`${url}/complycube/v1`)},
  apiKey: credentials['api-key'],
  otherApiKey: credentials['other-api-key'],
  clientId: credentials['client-id'],
  admin,
  allowWrites: true,
})
`,
  )
  return file
}

// One root for the child vitests: the record's run fills its module cache, the others reuse it.
const vitest = (file: string) => run([join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--config', join(dir, 'none.config.mjs'), file])

describe.concurrent('fidelity() in a vitest file', { timeout: 120_000 }, () => {
  const record = join(dir, 'api-record.json')
  // A worker thread, as the CLI's own runs use: one suite file, less CPU than a forked worker.
  beforeAll(() => writeFileSync(join(dir, 'none.config.mjs'), "export default { test: { pool: 'threads', testTimeout: 30000 } }\n"))
  /** The record, made once through the vitest API against `a`; the other tests wait for it. */
  let recording: ReturnType<typeof vitest> | undefined
  const recordOnce = () => (recording ??= vitest(userFile('record', a.url, { record })))

  it('records through the vitest API; the CLI compares another sandbox with that record: no difference', async () => {
    const recorded = await recordOnce()
    expect(recorded.code, recorded.out).toBe(0)
    const parsed = JSON.parse(readFileSync(record, 'utf8'))
    expect(parsed).toMatchObject({ vendor: 'complycube', environment: 'token-sandbox', date: '2026-01-01T00:00:00.000Z' })
    expect(parsed.cases.length).toBeGreaterThan(10)
    // With a client given and writes on, the suite needs no setup, and cleans up only what is
    // still there: nothing is made before or after the cases (no second DELETE answering 404).
    expect(parsed.cases.map((c: { name: string }) => c.name)).not.toContain(HOOKS_CASE)
    expect(parsed.cases.find((c: { name: string }) => c.name === 'clients > creates, reads, updates and deletes a client')).toMatchObject({ result: 'pass' })
    const cli = await run([...SOURCE_CLI, 'contract', 'complycube', '--sandbox', b.url, '--compare', record])
    expect(cli.code, cli.out).toBe(0)
    expect(cli.out).toMatch(/fidelity: 0 of \d+ cases differ/)
  })

  it('in-process (msw, the docs\' recipe with `admin: sandbox`) compares with that record: no difference', async () => {
    await recordOnce()
    // `token-sandbox/mocks/node` and `token-sandbox/contract` as built, like userFile's kit.
    const file = join(dir, 'in-process.test.ts')
    writeFileSync(
      file,
      `import { afterAll, beforeAll } from 'vitest'
import { setupSandboxServer } from ${JSON.stringify(join(root, 'dist/lib/mocks-node.mjs'))}
import { adminClient, complycubeContract, fidelity } from ${JSON.stringify(join(root, 'dist/lib/contract.mjs'))}
fidelity({ vendor: 'complycube', compare: ${JSON.stringify(record)} })
const { server, sandbox } = setupSandboxServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
const { credentials } = await adminClient(sandbox).call('GET', '/complycube/credentials')
complycubeContract({
  baseUrl: 'https://api.complycube.com/v1',
  apiKey: credentials['api-key'],
  otherApiKey: credentials['other-api-key'],
  clientId: credentials['client-id'],
  admin: sandbox,
  allowWrites: true,
})
`,
    )
    const compared = await vitest(file)
    expect(compared.code, compared.out).toBe(0)
    expect(compared.out).not.toMatch(/DIFFERENT/)
  })

  it('compare through the vitest API: a fault on one answer fails the run, naming that case and the status', async () => {
    const fault = await fetch(`${c.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ vendor: 'complycube', method: 'GET', path: '/clients/000000000000000000000000', status: 503 }),
    })
    expect(fault.status).toBeLessThan(300)
    await recordOnce()
    const compared = await vitest(userFile('compare', c.url, { compare: record }))
    expect(compared.code, compared.out).toBe(1)
    expect(compared.out).toContain('  DIFFERENT    clients > answers 404 resource_not_found for a client id it does not hold')
    expect(compared.out).toMatch(/status: exchange 1 \(GET \/clients\/\{id\}\): recorded 404, now 503/)
    expect(compared.out).toMatch(/fidelity: 1 of \d+ cases differ/)
  })
})
