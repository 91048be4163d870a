#!/usr/bin/env node
// Runs the prebuilt bundle (dist/cli.mjs, made by `npm run build`, which `npm ci` runs) for a
// fast start. Falls back to the TypeScript sources through tsx when there is no bundle, when a
// source file is newer than it (a checkout being edited: a stale bundle would run old code), or
// with TOKEN_SANDBOX_FROM_SOURCE=1.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const bundle = new URL('../dist/cli.mjs', import.meta.url)

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path))
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

function bundleIsFresh() {
  if (!existsSync(bundle) || process.env.TOKEN_SANDBOX_FROM_SOURCE === '1') return false
  const root = fileURLToPath(new URL('..', import.meta.url))
  const built = statSync(bundle).mtimeMs
  try {
    return newestMtime(`${root}src`) <= built && newestMtime(`${root}fixtures`) <= built
  } catch {
    return true
  }
}

let main
if (bundleIsFresh()) {
  ;({ main } = await import(bundle.href))
} else {
  const { register } = await import('tsx/esm/api')
  register()
  ;({ main } = await import('../src/cli.ts'))
}
process.exitCode = await main(process.argv.slice(2))
