// Builds the browser bundle: dist/browser/token-sandbox.js (ESM: setupSandboxWorker,
// createSandbox, createHandlers, decodeToken, parseDuration) and, next to it, msw's
// mockServiceWorker.js copied from the installed msw, so the two always match.
// `npm run build:browser`; the vitest globalSetup and `token-sandbox demo` call buildBrowser().
import { build } from 'esbuild'
import { copyFile, mkdir, readFile, rename } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Where the bundle and the worker script go. */
export const browserDist = join(root, 'dist', 'browser')

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

  const mswVersion = JSON.parse(await readFile(require.resolve('msw/package.json'), 'utf8')).version
  const worker = await readFile(join(browserDist, 'mockServiceWorker.js'), 'utf8')
  if (!worker.includes(`PACKAGE_VERSION = '${mswVersion}'`)) throw new Error(`mockServiceWorker.js does not match msw ${mswVersion}`)
  return {
    bundle: join(browserDist, 'token-sandbox.js'),
    worker: join(browserDist, 'mockServiceWorker.js'),
    mswVersion,
    bytes: Object.entries(result.metafile.outputs).find(([name]) => name.endsWith('.js'))?.[1].bytes ?? 0,
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await buildBrowser()
  console.log(`${relative(root, out.bundle)} (${Math.round(out.bytes / 1024)} KiB, msw ${out.mswVersion}) and ${relative(root, out.worker)}`)
}
