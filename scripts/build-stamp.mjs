// Whether dist/ was built from the files as they are now: `node scripts/build.mjs --if-stale`
// (npm test's pretest, and the vitest globalSetup before the tests that run the built CLI)
// builds only when some input changed since the last build. The stamp lives under
// node_modules/.cache, outside the package's files.
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const STAMP = join(root, 'node_modules', '.cache', 'token-sandbox', 'build-stamp')

/**
 * What the build reads: the sources, the build scripts and the configuration. (An `npm install`
 * or `npm ci` builds anyway, through the prepare script; test/browser's globalSetup rebuilds
 * the browser bundle when another msw is installed: scripts/build-browser.mjs keeps its own
 * stamp of what the bundle read.)
 */
const INPUTS = ['src', 'mocks', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.types.json']
/** What the build writes, each of which must be there. */
const OUTPUTS = ['dist/cli.mjs', 'dist/lib/index.mjs', 'dist/lib/index.cjs', 'dist/contract-run', 'dist/types', 'dist/browser/token-sandbox.js', 'dist/browser/mockServiceWorker.js']

/** The newest modification time under `path` (a file or a folder), 0 when it is missing. */
function newest(path) {
  if (!existsSync(path)) return 0
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  let max = s.mtimeMs
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) max = Math.max(max, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return max
}

/** True when every output is there and no input changed after the build that wrote the stamp began. */
export function distIsFresh() {
  if (!existsSync(STAMP) || OUTPUTS.some((o) => !existsSync(join(root, o)))) return false
  const built = statSync(STAMP).mtimeMs
  return INPUTS.every((i) => newest(join(root, i)) <= built)
}

/** Records a successful build that began at `startedMs` (an input edited during the build makes it stale). */
export function stampBuild(startedMs) {
  mkdirSync(dirname(STAMP), { recursive: true })
  writeFileSync(STAMP, `${new Date(startedMs).toISOString()}\n`)
  utimesSync(STAMP, startedMs / 1000, startedMs / 1000)
}
