// `token-sandbox contract` in a project without vitest (an optional peer): one line saying what
// to install, exit 2, no stack. The built bin, with vitest made unresolvable by a loader hook.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const BIN = fileURLToPath(new URL('../../bin/token-sandbox.js', import.meta.url))
const NO_VITEST = fileURLToPath(new URL('./fixtures/no-vitest.mjs', import.meta.url))

it('answers a missing vitest with one line saying what to install', () => {
  const r = spawnSync(process.execPath, ['--import', NO_VITEST, BIN, 'contract', 'complycube', '--base-url', 'http://127.0.0.1:9/complycube/v1', '--api-key', 'test_x'], {
    encoding: 'utf8',
    timeout: 30_000,
  })
  expect(r.status, r.stderr).toBe(2)
  expect(r.stderr).toMatch(/needs vitest, which is not installed here: npm install --save-dev vitest/)
  expect(r.stderr).not.toMatch(/\n\s+at /)
})

it('still runs other commands without vitest', () => {
  const r = spawnSync(process.execPath, ['--import', NO_VITEST, BIN, '--version'], { encoding: 'utf8', timeout: 30_000 })
  expect(r.status, r.stderr).toBe(0)
})
