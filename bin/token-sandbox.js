#!/usr/bin/env node
// Runs the CLI bundle that `npm run build` makes (`npm ci` and `npm test` run it). From a
// checkout, `npm run cli -- <args>` runs the TypeScript sources instead. No start-up tuning:
// Node 22+'s module.enableCompileCache() saved 4–10 ms of the ~90 ms of CPU `serve` takes to
// listen (Node 24, 2 cores), not worth a cache directory on the user's disk.
import { existsSync } from 'node:fs'

const bundle = new URL('../dist/cli.mjs', import.meta.url)
if (existsSync(bundle)) await import(bundle.href)
else {
  console.error("token-sandbox: the CLI is not built (dist/cli.mjs is missing): run 'npm run build'")
  process.exitCode = 1
}
