// The whole project type-checks: `tsc --noEmit` over src, mocks, test, bench and bin, as
// `npm run typecheck` runs it. It runs as one test file of the suite, so the compiler's ~15 s on
// one core overlaps the other files instead of preceding them all.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'
import { ROOT } from '../support/paths.ts'

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')

it('tsc --noEmit reports no error in the project', async () => {
  const r = await promisify(execFile)(process.execPath, [TSC, '--noEmit', '--pretty', 'false', '-p', join(ROOT, 'tsconfig.json')], {
    cwd: ROOT,
    timeout: 240_000,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, out: `${stdout}${stderr}` }),
    (err: { code?: number; stdout?: string; stderr?: string; message: string }) => ({ code: err.code ?? 1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` || err.message }),
  )
  expect(r.out).toBe('')
  expect(r.code).toBe(0)
}, 300_000)
