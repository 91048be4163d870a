// Builds dist/cli.cjs: the CLI and server as one minified file, so `token-sandbox serve`
// starts without compiling TypeScript or loading hundreds of modules. `bin/token-sandbox.js`
// uses it when present (with V8's code cache, which is why it is CommonJS: a vm.Script can
// take a cache, an ES module cannot on Node 20) and falls back to the sources through tsx.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { makeCodeCache } from './code-cache.mjs'
import { debugOnlyWhenAsked, narrowMswDataImports, stubMswDataHandlerGenerators } from './esbuild-plugins.mjs'
import { buildBrowser } from './build-browser.mjs'

const started = Date.now()
console.log('token-sandbox build: the CLI bundle, the library entries, their declarations and the browser bundle (dist/) …')

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // The sources locate package files from import.meta.url; in CommonJS that is the bundle's own URL.
  define: { 'import.meta.url': '__tsImportMetaUrl' },
  banner: { js: "const __tsImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [stubMswDataHandlerGenerators, narrowMswDataImports, debugOnlyWhenAsked],
  logLevel: 'warning',
})
// A cache made for the previous bundle would only be refused: drop it (and the old ES bundle),
// then make one from a training `serve` so the first real start already has it.
for (const old of ['dist/cli.cjs.cache', 'dist/cli.mjs', 'dist/cli.mjs.map']) rmSync(old, { force: true })
try {
  await makeCodeCache()
} catch (err) {
  // Only start-up speed depends on it (test/scripts/code-cache.test.ts checks the cache is a
  // trained one): a machine where the training serve cannot run still gets a working build,
  // with the smaller cache a plain run makes.
  console.warn(`token-sandbox build: no trained code cache (${err instanceof Error ? err.message : err}); making a plain one`)
  spawnSync(process.execPath, ['bin/token-sandbox.js', '--version'], { stdio: 'ignore', timeout: 30_000 })
}

// The library entry points as JavaScript (dist/lib), so `import 'token-sandbox/mocks/node'`
// works under plain `node` as well as under tsx or vitest. One build with code splitting: the
// entries share their modules (one sandbox core, one set of error classes) instead of each
// carrying a copy. Dependencies stay imports. The chunks sit two folders below the package
// root, as src/<dir>/ does, so paths the sources resolve from import.meta.url
// (`../../contracts/`) hold in both.
await build({
  entryPoints: {
    index: 'src/index.ts',
    mocks: 'mocks/index.ts',
    'mocks-node': 'mocks/node.ts',
    'mocks-browser': 'mocks/browser.ts',
    contract: 'src/contract/index.ts',
  },
  outdir: 'dist/lib',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
})

// Declarations for the package's entry points (package.json `exports` … `types`), so a
// TypeScript project can import token-sandbox whatever its own settings: the sources import
// each other with `.ts` extensions, which a consumer's compiler refuses without
// allowImportingTsExtensions. test/scripts/consumer-types.test.ts type-checks a consumer.
rmSync('dist/types', { recursive: true, force: true })
// TypeScript 7 exports no './bin/tsc': find the script beside its package.json.
const tscBin = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc')
const tsc = spawnSync(process.execPath, [tscBin, '-p', 'tsconfig.types.json'], {
  stdio: 'inherit',
  timeout: 120_000,
})
if (tsc.status !== 0) throw new Error(`declarations: tsc -p tsconfig.types.json exited ${tsc.status ?? tsc.signal}`)

// The browser bundle and msw's worker script (`token-sandbox/browser`, `token-sandbox demo`).
await buildBrowser()
console.log(`token-sandbox build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
