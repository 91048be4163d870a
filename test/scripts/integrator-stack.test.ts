// The integrator's stack, from the docs as written: the packed tarball installed into a new
// CommonJS project with the packages the install lines of README.md, docs/jest.md and
// docs/playwright.md name, then
//   - every code block of README.md and docs/ that imports token-sandbox, type-checked;
//   - README's in-process snippet, run: it must fail a request no handler answers;
//   - docs/jest.md's config and test under Jest 30's CommonJS runtime;
//   - docs/playwright.md's config, fixture, worker module and spec under @playwright/test
//     (Debian's Chromium), against a small app of its own (fixtures/integrator-app);
// under msw 3, and the first three again under msw 2, in a copy of the project where msw 2
// replaced msw 3 (the two suites run side by side, each in order). The blocks are read from the
// markdown at test time, so what the docs show is what runs. One install for the file, of the
// run's tarball (test/support/pack-setup.ts); it needs the package registry (a warm npm cache
// serves most of it).
import { spawn } from 'node:child_process'
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM } from '../support/chromium-path.ts'
import { ROOT } from '../support/paths.ts'
import { packedTarball } from '../support/packed-tarball.ts'
import { Compiler } from '../support/typecheck.ts'

const dir = mkdtempSync(join(tmpdir(), 'token-sandbox-stack-'))
/** The integrator's project, with msw 3 from the docs' install lines. */
const project = join(dir, 'project')
/** Its copy, where msw 2 replaces msw 3. */
const project2 = join(dir, 'project-msw2')

interface Block {
  doc: string
  line: number
  lang: string
  code: string
  /** The file the block names on its first line (`// jest.config.js`), if it does. */
  file?: string
}

/** The fenced code blocks of README.md and every markdown file under docs/. */
function docBlocks(): Block[] {
  const docs = ['README.md', ...readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]
  return docs.flatMap((doc) => {
    const blocks: Block[] = []
    const lines = readFileSync(join(ROOT, doc), 'utf8').split('\n')
    for (let i = 0; i < lines.length; i++) {
      const open = /^```(\w+)\s*$/.exec(lines[i]!)
      if (!open) continue
      const start = i
      const body: string[] = []
      while (++i < lines.length && !lines[i]!.startsWith('```')) body.push(lines[i]!)
      const code = `${body.join('\n')}\n`
      const file = /^\/\/ ([\w./-]+\.(?:[cm]?[jt]s))$/.exec(body[0] ?? '')?.[1]
      blocks.push({ doc, line: start + 1, lang: open[1]!, code, ...(file ? { file } : {}) })
    }
    return blocks
  })
}

const blocks = docBlocks()
const importsPackage = (b: Block) => /^\s*import\b[^\n]*\bfrom '(token-sandbox(?:\/[\w/.-]+)?)'/m.test(b.code)
/** The block of `doc` that names `file` on its first line. */
function named(doc: string, file: string): Block {
  const block = blocks.find((b) => b.doc === doc && b.file === file)
  if (!block) throw new Error(`${doc} has no code block starting with // ${file}`)
  return block
}

/** The packages the docs' `npm install --save-dev …` lines name, the tarball's path for ours. */
function installedByDocs(tarball: string): string[] {
  const lines = blocks
    .filter((b) => b.lang === 'sh' && ['README.md', 'docs/jest.md', 'docs/playwright.md'].includes(b.doc))
    .flatMap((b) => b.code.split('\n'))
    .filter((l) => l.startsWith('npm install --save-dev '))
  const words = lines.flatMap((l) => l.replace(/#.*$/, '').trim().split(/\s+/).slice(3))
  expect(words, 'the tarball in every install line').toContain('./token-sandbox-0.1.0.tgz')
  return [...new Set(words.map((w) => (w === './token-sandbox-0.1.0.tgz' ? tarball : w)))]
}

/**
 * Runs a command (in the project unless `cwd`): its status and output. Without blocking this
 * process: the snippet's request to the local server needs its event loop, and the other chain
 * runs meanwhile.
 */
function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeout?: number } = {},
): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? project,
      env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c))
    child.stderr.on('data', (c: Buffer) => (out += c))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? 180_000)
    child.once('error', (err) => (out += String(err)))
    child.once('close', (status) => {
      clearTimeout(timer)
      resolve({ status, out })
    })
  })
}

/** A port free right now on 127.0.0.1. */
async function freePort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const { port } = s.address() as AddressInfo
  await new Promise<void>((resolve) => s.close(() => resolve()))
  return port
}

const mswVersion = (cwd: string) => (JSON.parse(readFileSync(join(cwd, 'node_modules', 'msw', 'package.json'), 'utf8')) as { version: string }).version

/**
 * tsc through the compiler API (its diagnostics and exit status), one for both suites: the
 * second check parses and binds again only what differs, not TypeScript's lib files and
 * @types/node. It holds up this process's event loop for the seconds it checks: the other
 * suite's child processes run on meanwhile (a request to the local server would wait).
 */
const compiler = new Compiler()

/** Writes every doc block that imports the package into typecheck/ and runs tsc over them. */
function typeCheckDocBlocks(cwd: string): { files: string[]; status: number; out: string } {
  const out = join(cwd, 'typecheck')
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out)
  writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }))
  const files = blocks.filter(importsPackage).map((b) => {
    const name = `${b.doc.replace(/[/.]/g, '-')}-${b.line}.ts`
    writeFileSync(join(out, name), b.code)
    return name
  })
  writeFileSync(
    join(out, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules', '@types')],
      },
      files,
    }),
  )
  const r = compiler.check(join(out, 'tsconfig.json'))
  return { files, status: r.code, out: r.output }
}

let local: Server
let localUrl: string
/** Runs README's in-process block with a probe before its server.close(): the vendor, then an unhandled URL. */
async function runReadmeSnippet(cwd: string): Promise<{ vendor: number; unhandled: string }> {
  const block = blocks.find((b) => b.doc === 'README.md' && b.code.includes("from 'token-sandbox/mocks/node'"))
  expect(block, 'README has an in-process block').toBeDefined()
  const lines = block!.code.split('\n')
  const close = lines.findIndex((l) => l.trim() === 'server.close()')
  expect(close, 'the block ends with server.close()').toBeGreaterThan(0)
  lines.splice(
    close,
    0,
    `const __vendor = await fetch('https://api.complycube.com/v1/clients', { headers: { authorization: 'test_tokensandbox_default_0001' } }).then((r) => r.status)`,
    `const __unhandled = await fetch(${JSON.stringify(localUrl)}).then(async (r) => 'answered: ' + (await r.text()), () => 'failed')`,
    `console.log(JSON.stringify({ vendor: __vendor, unhandled: __unhandled }))`,
  )
  writeFileSync(join(cwd, 'readme-snippet.mjs'), lines.join('\n'))
  const r = await run(process.execPath, ['readme-snippet.mjs'], { cwd, timeout: 60_000 })
  expect(r.status, r.out).toBe(0)
  return JSON.parse(r.out.split('\n').find((l) => l.startsWith('{"vendor"'))!)
}

/**
 * A bin of the project's, run as `npx <bin>` finds it (node_modules/.bin): npx in front of it
 * proves nothing more here and costs an npm start-up (~0.7 CPU-s) a run.
 */
const bin = (cwd: string, name: string) => join(cwd, 'node_modules', '.bin', name)

/**
 * docs/jest.md's two files in jest/, run with `jest` there. Jest's cache goes in the project,
 * deleted with it: its keys hold each file's path, new every run, so the hundred-odd files a run
 * wrote into the shared one under the system's temporary folder were never read again.
 */
function runJest(cwd: string) {
  const jestDir = join(cwd, 'jest')
  mkdirSync(jestDir, { recursive: true })
  for (const file of ['jest.config.js', 'tokens.test.ts']) writeFileSync(join(jestDir, file), named('docs/jest.md', file).code)
  return run(process.execPath, [bin(cwd, 'jest'), '--ci', '--cacheDirectory', join(cwd, '.jest-cache')], { cwd: jestDir, timeout: 120_000 })
}

beforeAll(async () => {
  local = createServer((_req, res) => res.end('from the network'))
  await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve))
  localUrl = `http://127.0.0.1:${(local.address() as AddressInfo).port}/`

  const tarball = await packedTarball(dir)
  mkdirSync(project)
  // A CommonJS project (no "type"), as Jest's default setup expects; `npm run dev` is its app.
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'integrator', private: true, scripts: { dev: 'node app/server.mjs' } }))
  cpSync(join(ROOT, 'test', 'scripts', 'fixtures', 'integrator-app'), join(project, 'app'), { recursive: true })
  const install = await run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', ...installedByDocs(tarball)], { timeout: 300_000 })
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.out}`)
  expect(install.out).not.toMatch(/token-sandbox[^\n]*\((?:prepare|install|postinstall|preinstall)/)
}, 320_000)

afterAll(async () => {
  local.closeAllConnections()
  await new Promise<void>((resolve) => local.close(() => resolve()))
  // The projects' node_modules (Jest, swc, Playwright) take a minute to delete on a busy
  // machine: a detached rm does it without holding up the run.
  spawn('rm', ['-rf', dir], { detached: true, stdio: 'ignore' }).unref()
})

// The two suites run side by side (`concurrent`), the tests of each in order (`inOrder`).
const inOrder = { concurrent: false }

describe.concurrent('the docs, run in an integrator’s project with msw 3', () => {
  it('installs msw 3', inOrder, () => {
    expect(mswVersion(project)).toMatch(/^3\./)
  })

  it('type-checks every code block of README.md and docs/ that imports token-sandbox', { ...inOrder, timeout: 150_000 }, async () => {
    const r = typeCheckDocBlocks(project)
    // README (node, browser), docs/browser.md, docs/contracts.md, docs/vendors/caf.md, docs/jest.md, docs/playwright.md
    expect(r.files.length).toBeGreaterThanOrEqual(7)
    expect(r.out).toBe('')
    expect(r.status).toBe(0)
  })

  it("README's in-process snippet answers the vendor and fails a request no handler answers", { ...inOrder, timeout: 70_000 }, async () => {
    expect(await runReadmeSnippet(project)).toEqual({ vendor: 200, unhandled: 'failed' })
  })

  it("docs/jest.md's recipe passes under Jest 30 and its CommonJS transform", { ...inOrder, timeout: 130_000 }, async () => {
    const r = await runJest(project)
    expect(r.out).toMatch(/Tests:\s+1 passed, 1 total/)
    expect(r.status, r.out).toBe(0)
  })

  it("docs/playwright.md's recipe passes under @playwright/test: the server with --cors, then the service worker", { ...inOrder, timeout: 160_000 }, async () => {
    for (const file of ['playwright.config.ts', 'e2e/sandbox.ts', 'e2e/identity.spec.ts', 'src/sandbox-worker.js']) {
      mkdirSync(join(project, dirname(file)), { recursive: true })
      writeFileSync(join(project, file), named('docs/playwright.md', file).code)
    }
    const [app, sandbox] = [await freePort(), await freePort()]
    const r = await run(process.execPath, [bin(project, 'playwright'), 'test', '--reporter', 'line'], {
      env: { CHROMIUM_PATH: CHROMIUM, APP_PORT: String(app), SANDBOX_PORT: String(sandbox) },
      timeout: 150_000,
    })
    expect(r.out).toMatch(/\b2 passed\b/)
    expect(r.status, r.out).toBe(0)
    // Playwright stopped the sandbox it started through npx.
    await expect(fetch(`http://127.0.0.1:${sandbox}/__sandbox/health`)).rejects.toThrow()
  })
})

describe.concurrent('the same docs with msw 2 in its place', () => {
  beforeAll(async () => {
    // The msw 3 project as installed (its manifests and node_modules; the other suite's files
    // are not needed), then msw 2 in place of msw 3, as an integrator would. A copy by hard links
    // (a byte copy of its 8,000 files takes seconds): npm replaces the packages it changes with
    // new directories and leaves the others' files alone, so the msw 3 project's files stay as
    // they are; the three files npm writes whole are real copies.
    mkdirSync(project2)
    const copy = await run('cp', ['-al', 'node_modules', 'package.json', 'package-lock.json', project2], { timeout: 120_000 })
    if (copy.status !== 0) throw new Error(`copying the project failed:\n${copy.out}`)
    for (const file of ['package.json', 'package-lock.json', 'node_modules/.package-lock.json']) {
      rmSync(join(project2, file))
      copyFileSync(join(project, file), join(project2, file))
    }
    // No install scripts: msw's own (it copies the worker script where package.json says, and
    // this one says nowhere) is not what this suite tests.
    const r = await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', 'msw@^2.12'], { cwd: project2, timeout: 180_000 })
    if (r.status !== 0) throw new Error(`npm install msw@2 failed:\n${r.out}`)
    expect(mswVersion(project), 'the msw 3 project, untouched by the install in its copy').toMatch(/^3\./)
  }, 310_000)

  it('installs msw 2', inOrder, () => {
    expect(mswVersion(project2)).toMatch(/^2\./)
  })

  it('type-checks every code block of README.md and docs/ that imports token-sandbox', { ...inOrder, timeout: 150_000 }, async () => {
    const r = typeCheckDocBlocks(project2)
    expect(r.out).toBe('')
    expect(r.status).toBe(0)
  })

  it("README's in-process snippet answers the vendor and fails a request no handler answers", { ...inOrder, timeout: 70_000 }, async () => {
    expect(await runReadmeSnippet(project2)).toEqual({ vendor: 200, unhandled: 'failed' })
  })

  it("docs/jest.md's recipe passes under Jest 30", { ...inOrder, timeout: 130_000 }, async () => {
    const r = await runJest(project2)
    expect(r.out).toMatch(/Tests:\s+1 passed, 1 total/)
    expect(r.status, r.out).toBe(0)
  })
})
