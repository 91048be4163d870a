// vitest globalSetup: the tests that run the CLI as a child process run the built one
// (bin/token-sandbox.js → dist/cli.mjs, what users run, and ~5× less start-up CPU than the
// sources through tsx), so dist/ is brought up to date with the sources first. `npm test`'s
// pretest has built it already, and then this does nothing; after an edit, a run of a single
// file rebuilds once. (In watch mode it runs once per session: rebuild by hand after edits.)
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, encoding: 'utf8', timeout: 300_000 })
  if (r.status === 0) {
    if (!r.stdout.includes('up to date')) console.log(r.stdout.trim().split('\n').pop())
    return
  }
  // A failed build (a type error in the declarations, say) comes after the CLI bundle: say so
  // and go on, so the tests that do not run the CLI still report; the ones that do fail loudly
  // if the bundle is not there.
  console.warn(`token-sandbox: the build failed (${r.status ?? r.signal}); the CLI tests run whatever dist/ holds:\n${r.stdout}${r.stderr}`)
}
