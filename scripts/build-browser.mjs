// Builds the browser bundle: dist/browser/token-sandbox.js (ESM: setupSandboxWorker,
// createSandbox, createHandlers, decodeToken, parseDuration) and, next to it, msw's
// mockServiceWorker.js copied from the installed msw, so the two always match.
// `npm run build:browser` (`-- --if-stale`: only when an input changed), `token-sandbox demo`
// calls buildBrowser(), the vitest globalSetup buildBrowserIfStale().
import { build } from 'esbuild'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { copyFile, mkdir, rename } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Where the bundle and the worker script go. */
export const browserDist = join(root, 'dist', 'browser')

/**
 * What the last build read, for buildBrowserIfStale: every file esbuild bundled (its metafile's
 * inputs, sources and node_modules alike), msw's version, and the bundle's size. Its mtime is
 * when that build began. Under node_modules/.cache, outside the package's files.
 */
const STAMP = join(root, 'node_modules', '.cache', 'token-sandbox', 'browser-stamp.json')
/**
 * Read by every build besides the bundled files: this script and the configuration, and npm's
 * record of the installed tree (rewritten by every install; the packages' own files keep the
 * fixed mtimes of their tarballs, so a changed dependency shows only there).
 */
const BUILD_INPUTS = ['scripts/build-browser.mjs', 'package.json', 'tsconfig.json', 'node_modules/.package-lock.json']
const OUTPUTS = ['token-sandbox.js', 'token-sandbox.js.map', 'mockServiceWorker.js']

/**
 * A Node built-in reaching the bundle is a bug to fix at its root, not to polyfill: this
 * plugin names the importer so the error says where it came from.
 */
export const refuseNodeBuiltins = {
  name: 'refuse-node-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => ({
      errors: [{ text: `${args.path} is a Node built-in; the browser bundle cannot use it (imported by ${relative(root, args.importer)})` }],
    }))
  },
}

export async function buildBrowser({ minify = true } = {}) {
  const started = Date.now()
  await mkdir(browserDist, { recursive: true })
  const tmp = join(browserDist, `.build-${process.pid}`)
  const result = await build({
    absWorkingDir: root,
    entryPoints: { 'token-sandbox': 'src/browser/index.ts' },
    outdir: tmp,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify,
    sourcemap: 'linked',
    metafile: true,
    legalComments: 'none',
    plugins: [refuseNodeBuiltins],
    logLevel: 'warning',
  })
  // Bare Node module names (fs, crypto, ...) would have failed to resolve for the browser
  // platform already; this catches packages whose "browser" field silently empties them.
  const disabled = Object.keys(result.metafile.inputs).filter((p) => p.startsWith('(disabled):'))
  if (disabled.length) throw new Error(`the browser bundle depends on modules with no browser version: ${disabled.join(', ')}`)

  // Rename into place so a server reading dist/browser never sees a half-written file.
  for (const name of ['token-sandbox.js', 'token-sandbox.js.map']) await rename(join(tmp, name), join(browserDist, name))
  const require = createRequire(import.meta.url)
  const workerSource = require.resolve('msw/mockServiceWorker.js')
  await copyFile(workerSource, join(tmp, 'mockServiceWorker.js'))
  await rename(join(tmp, 'mockServiceWorker.js'), join(browserDist, 'mockServiceWorker.js'))
  await import('node:fs/promises').then((fs) => fs.rm(tmp, { recursive: true, force: true }))

  const mswVersion = installedMswVersion()
  if (!workerMatches(mswVersion)) throw new Error(`mockServiceWorker.js does not match msw ${mswVersion}`)
  const bytes = Object.entries(result.metafile.outputs).find(([name]) => name.endsWith('.js'))?.[1].bytes ?? 0
  // Only the minified build is the one the tests and the demo serve.
  if (minify) stamp(started, { inputs: Object.keys(result.metafile.inputs), mswVersion, bytes })
  else rmSync(STAMP, { force: true })
  return { bundle: join(browserDist, 'token-sandbox.js'), worker: join(browserDist, 'mockServiceWorker.js'), mswVersion, bytes }
}

/**
 * The bundle as buildBrowser() makes it, built only when dist/browser is not up to date: some
 * file the last build read changed since it began, an output is missing, or another msw is
 * installed. `built` says whether it built.
 */
export async function buildBrowserIfStale() {
  const fresh = freshBuild()
  if (fresh) return { ...fresh, built: false }
  return { ...(await buildBrowser()), built: true }
}

/** The last build's result when dist/browser is up to date with everything it read, else null. */
function freshBuild() {
  if (!existsSync(STAMP) || OUTPUTS.some((o) => !existsSync(join(browserDist, o)))) return null
  let last
  try {
    last = JSON.parse(readFileSync(STAMP, 'utf8'))
  } catch {
    return null
  }
  if (!Array.isArray(last?.inputs) || typeof last.mswVersion !== 'string' || typeof last.bytes !== 'number') return null
  const began = statSync(STAMP).mtimeMs
  // Every recorded input is a file: a build with a "(disabled):" one throws before the stamp.
  const changed = [...BUILD_INPUTS, ...last.inputs].some((input) => {
    const path = join(root, input)
    return !existsSync(path) || statSync(path).mtimeMs > began
  })
  const mswVersion = installedMswVersion()
  if (changed || mswVersion !== last.mswVersion || !workerMatches(mswVersion)) return null
  return { bundle: join(browserDist, 'token-sandbox.js'), worker: join(browserDist, 'mockServiceWorker.js'), mswVersion, bytes: last.bytes }
}

function installedMswVersion() {
  return JSON.parse(readFileSync(createRequire(import.meta.url).resolve('msw/package.json'), 'utf8')).version
}

/** Whether dist/browser's worker script is the one msw `version` ships. */
function workerMatches(version) {
  return readFileSync(join(browserDist, 'mockServiceWorker.js'), 'utf8').includes(`PACKAGE_VERSION = '${version}'`)
}

/** Records a build that began at `startedMs` (an input edited during the build makes it stale). */
function stamp(startedMs, record) {
  mkdirSync(dirname(STAMP), { recursive: true })
  writeFileSync(STAMP, `${JSON.stringify(record)}\n`)
  utimesSync(STAMP, startedMs / 1000, startedMs / 1000)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = process.argv.includes('--if-stale') ? await buildBrowserIfStale() : { ...(await buildBrowser()), built: true }
  const what = `${relative(root, out.bundle)} (${Math.round(out.bytes / 1024)} KiB, msw ${out.mswVersion}) and ${relative(root, out.worker)}`
  console.log(out.built ? what : `${what}: up to date with the sources`)
}
