// The Node entry points again as CommonJS (dist/lib/*.cjs, package.json `exports` … `require`),
// for Jest's default setup and any other require(). One bundle holds the code and each entry
// re-exports its own names from it (read from the ES build's metafile), so the entries share
// one sandbox core as the ES ones do. Peers (msw: the user's copy must be the one that
// intercepts) and dependencies that ship CommonJS stay require()s; a dependency without a
// CommonJS build (jose 6) is bundled in, with whatever it imports.
import { build } from 'esbuild'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The ES entries that also ship as CommonJS: `.`, `./mocks`, `./mocks/node`. `./contract` is vitest's (ES only), `./mocks/browser` a page's. */
export const COMMONJS_ENTRIES = ['index', 'mocks', 'mocks-node']

const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
const require = createRequire(join(process.cwd(), 'package.json'))

/** The package name of a bare import specifier (`@scope/name/sub` → `@scope/name`). */
const packageName = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/')

/** Whether a dependency can be require()d: a `require` condition in its exports, or no exports and not `type: module`. */
function hasCommonJs(name) {
  // The package's own folder: from its main entry, since not every package exports ./package.json (valibot).
  let dir = dirname(require.resolve(name, { paths: [process.cwd()] }))
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) {
    if (dirname(dir) === dir) throw new Error(`build-cjs: cannot find the folder of ${name}`)
    dir = dirname(dir)
  }
  const dep = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  return dep.exports ? JSON.stringify(dep.exports).includes('"require"') : dep.type !== 'module'
}

const peers = new Set(Object.keys(pkg.peerDependencies ?? {}))
const requirable = new Set(Object.keys(pkg.dependencies ?? {}).filter(hasCommonJs))

const keepRequire = {
  name: 'keep-require',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || builtinModules.includes(args.path)) return { external: true }
      const name = packageName(args.path)
      if (peers.has(name) || requirable.has(name)) return { external: true }
      return undefined // bundled
    })
  },
}

/** Builds dist/lib/node.cjs and one re-exporting file per entry of COMMONJS_ENTRIES. */
export async function buildCommonJs(esMetafile) {
  const sources = { index: 'src/index.ts', mocks: 'mocks/index.ts', 'mocks-node': 'mocks/node.ts' }
  await build({
    stdin: { contents: COMMONJS_ENTRIES.map((e) => `export * from './${sources[e]}'`).join('\n'), resolveDir: process.cwd(), sourcefile: 'node-entries.ts', loader: 'ts' },
    outfile: 'dist/lib/node.cjs',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The sources resolve files from import.meta.url; the bundle sits where the ES chunks do.
    define: { 'import.meta.url': '__tokenSandboxModuleUrl' },
    // import('node:sqlite') and the like become require()s: Jest's CommonJS runtime has no import().
    supported: { 'dynamic-import': false },
    banner: { js: "const __tokenSandboxModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [keepRequire],
    sourcemap: 'linked',
    logLevel: 'warning',
  })
  // `./contract` has no CommonJS build (it runs inside vitest, and its module graph awaits at the
  // top level): require() gets this one clear error instead of ERR_REQUIRE_ASYNC_MODULE.
  writeFileSync(
    'dist/lib/contract.cjs',
    `'use strict'\nconst error = new Error("token-sandbox/contract is an ES module only (its suites run in vitest): import it from an ES module or a vitest test file, e.g. import { complycubeContract } from 'token-sandbox/contract'; require() cannot load it")\nerror.code = 'ERR_REQUIRE_ESM'\nthrow error\n`,
  )
  for (const entry of COMMONJS_ENTRIES) {
    const names = esMetafile.outputs[`dist/lib/${entry}.mjs`]?.exports
    if (!names) throw new Error(`build-cjs: the ES build has no dist/lib/${entry}.mjs`)
    writeFileSync(
      `dist/lib/${entry}.cjs`,
      `'use strict'\n// token-sandbox/${entry === 'index' ? '' : entry.replace('-', '/')} as CommonJS: its names from the one CommonJS bundle.\nconst all = require('./node.cjs')\n${names.map((n) => `exports.${n} = all.${n}`).join('\n')}\n`,
    )
  }
}
