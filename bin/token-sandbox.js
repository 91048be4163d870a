#!/usr/bin/env node
// Runs the prebuilt bundle (dist/cli.cjs, made by `npm run build`, which `npm ci` runs) for a
// fast start. Falls back to the TypeScript sources through tsx when there is no bundle, when a
// source file is newer than it (a checkout being edited: a stale bundle would run old code), or
// with TOKEN_SANDBOX_FROM_SOURCE=1.
//
// CommonJS (bin/package.json), unlike the rest of the package: a CommonJS entry skips setting up
// the ES module loader, ~6–10 ms of `serve`'s start-up here.
'use strict'
const { existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } = require('node:fs')
const { dirname, join } = require('node:path')
const vm = require('node:vm')

const root = join(__dirname, '..')
const bundle = join(root, 'dist', 'cli.cjs')

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`
    // Tools' caches (vitest writes one under src/contract/run when `contract` runs) are not sources.
    if (entry.isDirectory()) newest = entry.name === 'node_modules' ? newest : Math.max(newest, newestMtime(path))
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

function bundleIsFresh() {
  if (!existsSync(bundle) || process.env.TOKEN_SANDBOX_FROM_SOURCE === '1') return false
  const built = statSync(bundle).mtimeMs
  try {
    return newestMtime(join(root, 'src')) <= built && newestMtime(join(root, 'fixtures')) <= built
  } catch {
    return true
  }
}

/**
 * Loads the bundle with V8's code cache (dist/cli.cjs.cache): compiling the 240 KB bundle and
 * the functions start-up calls is most of `serve`'s own start-up, and Node 20 keeps no compile
 * cache of its own. The build makes the cache from a `serve` that answered a request per vendor
 * (scripts/code-cache.mjs). A run that finds none, or one V8 refused (another Node, another
 * bundle), writes one half a second after start or at exit, whichever comes first, so it holds
 * what start-up compiled. Where the cache cannot be written (a read-only install), every start
 * compiles the bundle, as `require` would.
 */
function loadBundle() {
  // The bundle's run-time imports go through this (src/core/dynamic-import.ts): a vm.Script's
  // own import() has no loader here.
  globalThis[Symbol.for('token-sandbox.import')] = (specifier) => import(specifier)
  const cacheFile = `${bundle}.cache`
  let cachedData
  try {
    cachedData = readFileSync(cacheFile)
  } catch {
    cachedData = undefined
  }
  // The bundle as a CommonJS module body, the way Node's own loader wraps one.
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(bundle, 'utf8')}\n})`
  const script = new vm.Script(source, { filename: bundle, cachedData })
  const module = { exports: {} }
  // The bin's own require: the bundle requires only Node's built-ins (its dependencies are inside
  // it), and createRequire would load node:module and the ES module loader, ~1.5 ms, for nothing.
  script.runInThisContext().call(module.exports, module.exports, require, module, bundle, dirname(bundle))
  // The build's training run (scripts/code-cache.mjs) asks for a cache written at exit, after
  // start-up and first requests have compiled what they use.
  const training = process.env.TOKEN_SANDBOX_CODE_CACHE === 'write-at-exit'
  if (cachedData === undefined || script.cachedDataRejected || training) {
    let written = false
    const write = () => {
      if (written) return
      written = true
      try {
        // Written aside and renamed: a run starting meanwhile reads a whole cache or none.
        const aside = `${cacheFile}.${process.pid}`
        // V8 stamps the cache with the flags of the moment; `serve` changes some while it runs.
        const atDefaults = module.exports.withDefaultV8Flags ?? ((fn) => fn())
        writeFileSync(aside, atDefaults(() => script.createCachedData()))
        renameSync(aside, cacheFile)
      } catch {
        // A read-only install: start without a cache.
      }
    }
    if (!training) setTimeout(write, 500).unref()
    process.once('exit', write)
  }
  return module.exports
}

async function fromSources() {
  const { register } = await import('tsx/esm/api')
  register()
  return import('../src/cli.ts')
}

const loaded = bundleIsFresh() ? Promise.resolve(loadBundle()) : fromSources()
loaded
  .then(({ main }) => main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code
  })
