// token-sandbox as an integrator gets it: the packed tarball installed into a new project with
// the README's install command alone (`npm install --save-dev <tarball> msw vitest`, plus
// @complycube/api for the example), then every entry point and command used from there. One
// install, shared by every case. It needs the package registry for the peers (a warm npm cache
// serves most of them). The tarball is the run's one (test/support/pack-setup.ts); the type-check,
// the slowest case, starts as soon as the install is done and runs beside the others.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/paths.ts'
import { packedTarball } from '../support/packed-tarball.ts'

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
const KEY = 'test_tokensandbox_default_0001'
const dir = mkdtempSync(join(tmpdir(), 'token-sandbox-packed-'))
const project = join(dir, 'project')
const children: ChildProcess[] = []

/**
 * Runs a command in the project: its status and output. Not spawnSync: the file's event loop
 * keeps reading the servers' output (a full pipe would stall them) while the type-check runs.
 */
function run(command: string, args: string[], timeout = 120_000): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: project, env: { ...process.env, CI: '1', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c))
    child.stderr.on('data', (c: Buffer) => (out += c))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout)
    child.once('error', (err) => (out += String(err)))
    child.once('close', (status) => {
      clearTimeout(timer)
      resolve({ status, out })
    })
  })
}

/** Starts `npx token-sandbox <args>` and resolves with the URL it prints. */
function start(args: string[], pattern: RegExp): Promise<string> {
  // Its own process group, so stopping it stops npx and the CLI under it.
  const child = spawn('npx', ['--no-install', 'token-sandbox', ...args], { cwd: project, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let out = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`token-sandbox ${args[0]} printed no URL:\n${out}`)), 30_000)
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const m = pattern.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`token-sandbox ${args[0]} exited (${code}):\n${out}`)))
  })
}

/**
 * Starts tsc --noEmit with skipLibCheck: false over a project importing every entry; its test
 * awaits the result.
 */
function startTypeCheck(): Promise<{ status: number | null; out: string }> {
  writeFileSync(
    join(project, 'index.ts'),
    `import { createSandbox, startServer } from 'token-sandbox'
import { createHandlers } from 'token-sandbox/mocks'
import { setupSandboxServer } from 'token-sandbox/mocks/node'
import { setupSandboxWorker } from 'token-sandbox/mocks/browser'
import { decodeToken } from 'token-sandbox/browser'
import { complycubeSuite } from 'token-sandbox/contract'
const sandbox = createSandbox({ seed: 'types' })
const token: string = await sandbox.complycube.issueToken({ environment: 'sandbox', clientId: '5eb04fcd0f3e360008035eb1' })
export const used = [token, startServer, createHandlers, setupSandboxServer, setupSandboxWorker, decodeToken, complycubeSuite]
`,
  )
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2023', 'DOM'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules', '@types')],
      },
      files: ['index.ts'],
    }),
  )
  // tsc over the package and its dependencies, skipLibCheck off: 15-30 s on a busy 2-core machine.
  return run(process.execPath, [TSC, '--noEmit', '-p', project])
}

let serveUrl: string
let typeCheck: Promise<{ status: number | null; out: string }>

beforeAll(async () => {
  const tarball = await packedTarball(dir)
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'integrator', private: true, type: 'module' }))
  // The README's install line, word for word but for the tarball's path (and no install scripts:
  // token-sandbox has none, integrator-stack.test.ts checks, and msw's does nothing here).
  const install = await run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', tarball, 'msw', 'vitest', '@complycube/api'], 180_000)
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.out}`)
  typeCheck = startTypeCheck()
  serveUrl = await start(['serve', '--port', '0'], /listening on (http:\/\/127\.0\.0\.1:\d+)/)
}, 240_000)

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM')
  rmSync(dir, { recursive: true, force: true })
})

describe('token-sandbox installed from its tarball into a new project', () => {
  it('npx token-sandbox serve answers /__sandbox/health', async () => {
    const res = await fetch(`${serveUrl}/__sandbox/health`)
    expect(res.status).toBe(200)
  })

  it('npx token-sandbox demo --no-build serves the page, the bundle and the worker script', async () => {
    const url = await start(['demo', '--no-build', '--port', '0'], /demo on (http:\/\/127\.0\.0\.1:\d+)/)
    const page = await fetch(`${url}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<html')
    for (const file of ['token-sandbox.js', 'mockServiceWorker.js']) expect((await fetch(`${url}/${file}`)).status, file).toBe(200)
  })

  it('the browser exports resolve to files', async () => {
    const r = await run(process.execPath, [
      '--input-type=module',
      '-e',
      `import { existsSync } from 'node:fs'; import { fileURLToPath } from 'node:url'
       for (const s of ['token-sandbox/browser', 'token-sandbox/browser/mockServiceWorker.js']) {
         const path = fileURLToPath(import.meta.resolve(s)); if (!existsSync(path)) throw new Error(s + ': ' + path + ' is missing') }`,
    ])
    expect(r.out).toBe('')
    expect(r.status).toBe(0)
  })

  it('npx token-sandbox contract complycube --reporter junit --output-file report.xml writes the report in the project', async () => {
    const r = await run('npx', ['--no-install', 'token-sandbox', 'contract', 'complycube', '--base-url', `${serveUrl}/complycube/v1`, '--api-key', KEY, '--reporter', 'junit', '--output-file', 'report.xml'])
    expect(r.status, r.out).toBe(0)
    expect(readFileSync(join(project, 'report.xml'), 'utf8')).toMatch(/<testsuites[^>]* failures="0"/)
  })

  it('a vitest file with setupSandboxServer and the official @complycube/api client passes', async () => {
    writeFileSync(
      join(project, 'tokens.test.js'),
      `import { afterAll, beforeAll, expect, it } from 'vitest'
import { ComplyCube } from '@complycube/api'
import { setupSandboxServer } from 'token-sandbox/mocks/node'

const { server, sandbox } = setupSandboxServer({ seed: 'integrator' })
beforeAll(() => server.listen({ onUnhandledFrame: 'error', onUnhandledRequest: 'error' }))
afterAll(() => server.close())

it('issues an SDK token the sandbox verifies', async () => {
  const cc = new ComplyCube({ apiKey: '${KEY}' })
  const client = await cc.client.create({ type: 'person', email: 'ada@example.com', personDetails: { firstName: 'Ada', lastName: 'Lovelace' } })
  const token = await cc.token.generate(client.id, { referrer: 'https://www.example.com/*' })
  const verdict = await sandbox.complycube.verifyToken({ token, referrer: 'https://www.example.com/app' })
  expect(verdict.verdict).toBe('valid')
})
`,
    )
    // Its bin straight from node_modules/.bin: npx in front of it proves nothing more here.
    const r = await run(process.execPath, [join(project, 'node_modules', '.bin', 'vitest'), 'run', 'tokens.test.js'])
    expect(r.out).toMatch(/1 passed/)
    expect(r.status, r.out).toBe(0)
  })

  it('has exactly one msw: the integrator’s own, none nested under token-sandbox’s dependencies', async () => {
    const r = await run('npm', ['ls', 'msw', '--all', '--parseable'])
    expect(r.status, r.out).toBe(0)
    expect(r.out.trim().split('\n')).toEqual([join(project, 'node_modules', 'msw')])
  })

  it('installed no test tooling of ours: the repository’s own dev dependencies stay out', () => {
    for (const dep of ['fast-check', 'autocannon', '@stoplight/prism-cli']) expect(existsSync(join(project, 'node_modules', dep)), dep).toBe(false)
  })

  // Last: the cases above run while it does.
  it('tsc --noEmit with skipLibCheck: false type-checks a project importing every entry', async () => {
    const r = await typeCheck
    expect(r.out).toBe('')
    expect(r.status).toBe(0)
  }, 90_000)
})
