// Builds dist/cli.mjs: the CLI and server as one minified file, so `token-sandbox serve`
// starts without compiling TypeScript or loading hundreds of modules. `bin/token-sandbox.js`
// uses it when present and falls back to running the sources through tsx.
import { build } from 'esbuild'
import { narrowMswDataImports, stubMswDataHandlerGenerators } from './esbuild-plugins.mjs'

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __tsCreateRequire } from 'node:module'; const require = __tsCreateRequire(import.meta.url);" },
  plugins: [stubMswDataHandlerGenerators, narrowMswDataImports],
  logLevel: 'warning',
})

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
