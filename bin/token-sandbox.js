#!/usr/bin/env node
// Runs the prebuilt bundle (dist/cli.mjs, made by `npm run build`, which `npm ci` runs) for a
// fast start; without it, or with TOKEN_SANDBOX_FROM_SOURCE=1, runs the TypeScript sources
// through tsx.
import { existsSync } from 'node:fs'

const bundle = new URL('../dist/cli.mjs', import.meta.url)
let main
if (existsSync(bundle) && process.env.TOKEN_SANDBOX_FROM_SOURCE !== '1') {
  ;({ main } = await import(bundle.href))
} else {
  const { register } = await import('tsx/esm/api')
  register()
  ;({ main } = await import('../src/cli.ts'))
}
process.exitCode = await main(process.argv.slice(2))
