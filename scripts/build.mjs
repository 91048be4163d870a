// Builds dist/cli.mjs, the CLI and server as a minified ES module that bin/token-sandbox.js
// imports, so `token-sandbox serve` starts without compiling TypeScript or loading hundreds of
// modules; then the library entry points (dist/lib) and their declarations (dist/types).
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { buildBrowser } from './build-browser.mjs'
import { buildCommonJs } from './build-cjs.mjs'
import { distIsFresh, stampBuild } from './build-stamp.mjs'

const started = Date.now()
if (process.argv.includes('--if-stale') && distIsFresh()) {
  console.log('token-sandbox build: dist/ is up to date with the sources')
  process.exit(0)
}
console.log('token-sandbox build: the CLI bundle, the library entries, their declarations and the browser bundle (dist/) …')

// What earlier builds made: a CommonJS bundle with its V8 code cache, and chunks (their names
// change with their contents).
for (const old of ['dist/cli.cjs', 'dist/cli.cjs.map', 'dist/cli.cjs.cache', 'dist/lib', 'dist/contract-run']) rmSync(old, { recursive: true, force: true })
for (const chunk of existsSync('dist') ? readdirSync('dist').filter((f) => f.startsWith('cli-')) : []) rmSync(`dist/${chunk}`)
await build({
  entryPoints: { cli: 'src/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // `token-sandbox contract` runs vitest from its own files. It is its own chunk, loaded only by
  // that command: an ES bundle imports its external modules at start, and serve must not load
  // vitest (nor need it installed). The chunk sits next to cli.mjs so paths from
  // import.meta.url (`../package.json`) hold in both.
  external: ['vitest', 'vitest/*'],
  splitting: true,
  chunkNames: 'cli-[name]-[hash]',
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __tsCreateRequire } from 'node:module'; const require = __tsCreateRequire(import.meta.url);" },
  logLevel: 'warning',
})

// The library entry points as JavaScript (dist/lib), so `import 'token-sandbox/mocks/node'`
// works under plain `node` as well as under tsx or vitest. One build with code splitting: the
// entries share their modules (one sandbox core, one set of error classes) instead of each
// carrying a copy. Dependencies stay imports. The chunks sit two folders below the package
// root, as src/<dir>/ does, so paths the sources resolve from import.meta.url
// (`../../contracts/`) hold in both.
const lib = await build({
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
  metafile: true,
  logLevel: 'warning',
})

await buildCommonJs(lib.metafile)

// `token-sandbox contract` runs its suite entry with vitest: built to JavaScript here, so the
// package ships no TypeScript sources. Two folders below the package root, as
// src/contract/run/ is, so the paths it resolves from import.meta.url hold.
await build({
  entryPoints: { 'suite.contract': 'src/contract/run/suite.contract.ts' },
  outdir: 'dist/contract-run',
  outExtension: { '.js': '.mjs' },
  bundle: true,
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
// allowImportingTsExtensions. test/scripts/typecheck.test.ts type-checks a consumer.
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
stampBuild(started)
console.log(`token-sandbox build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
