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
