// token-sandbox as an integrator gets it: the packed tarball installed into a new project with
// the README's install command alone (`npm install --save-dev <tarball> msw vitest`, plus
// @complycube/api for the example), then every entry point and command used from there. One
// install, shared by every case. It needs the package registry for the peers (a warm npm cache
// serves most of them). The tarball is the run's one (test/support/pack-setup.ts).
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/paths.ts'
import { packedTarball } from '../support/packed-tarball.ts'
import { Compiler } from '../support/typecheck.ts'

const KEY = 'test_tokensandbox_default_0001'
const dir = mkdtempSync(join(tmpdir(), 'token-sandbox-packed-'))
const project = join(dir, 'project')
const children: ChildProcess[] = []

/**
 * Runs a command in the project: its status and output. Not spawnSync: the file's event loop
 * keeps reading the servers' output (a full pipe would stall them) meanwhile.
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
 * The folders of token-sandbox and of the packages it depends on (its `dependencies`, all the
 * way down), where npm put them in the project: each found as Node finds it, in the nearest
 * node_modules up from its dependent.
 */
function packageAndDependencies(): string[] {
  const dirs = new Set<string>()
  const visit = (dir: string) => {
    if (dirs.has(dir)) return
    dirs.add(dir)
    const { dependencies = {} } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
    for (const name of Object.keys(dependencies)) {
      for (let from = dir; from.startsWith(project); from = dirname(from)) {
        const candidate = join(from, 'node_modules', name)
        if (basename(from) !== 'node_modules' && existsSync(join(candidate, 'package.json'))) {
          visit(candidate)
          break
        }
      }
    }
  }
  visit(join(project, 'node_modules', 'token-sandbox'))
  return [...dirs]
}

/**
 * tsc --noEmit with skipLibCheck: false over a project importing every entry, through the
 * compiler API (tsc's diagnostics and exit status). The program is tsc's, every file of it
 * parsed; the semantic check covers the project's own files and the declarations of
 * token-sandbox and its dependencies, not those of the packages the integrator chose (msw, with
 * type-fest under it, and @types/node) nor TypeScript's lib files: checking those proves nothing
 * about this package and took about four fifths of tsc's CPU (type-fest's alone, over half).
 */
function typeCheck(): { status: number; out: string } {
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
  // The compiler's file names are real paths.
  const real = realpathSync(project)
  const ours = packageAndDependencies().map((dir) => `${realpathSync(dir)}/`)
  const checked = (file: string) => (file.startsWith(`${real}/`) && !file.includes('/node_modules/')) || ours.some((dir) => file.startsWith(dir))
  const r = new Compiler().check(join(project, 'tsconfig.json'), undefined, undefined, checked)
  return { status: r.code, out: r.output }
}

let serveUrl: string

beforeAll(async () => {
  const tarball = await packedTarball(dir)
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'integrator', private: true, type: 'module' }))
  // The README's install line, word for word but for the tarball's path (and no install scripts:
  // token-sandbox has none, integrator-stack.test.ts checks, and msw's does nothing here).
  const install = await run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', tarball, 'msw', 'vitest', '@complycube/api'], 180_000)
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.out}`)
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

  it('tsc --noEmit with skipLibCheck: false finds no error in a project importing every entry, nor in the declarations of token-sandbox and its dependencies', () => {
    const r = typeCheck()
    expect(r.out).toBe('')
    expect(r.status).toBe(0)
  }, 90_000)
})
