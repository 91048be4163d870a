// The repository's packed tarball for a test file: the one test/support/pack-setup.ts packs once
// per run, waited for if it is not done yet; or, under a config without that globalSetup, one
// packed here into the caller's own directory.
import { existsSync, readFileSync, watch } from 'node:fs'
import { join } from 'node:path'
import { inject } from 'vitest'
import { packRepo, RESULT, type PackResult } from './pack-setup.ts'

/** Resolves once `file` exists in `dir` (it is renamed into place whole). */
function appeared(dir: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = watch(dir)
    const check = () => {
      if (!existsSync(join(dir, file))) return
      watcher.close()
      resolve()
    }
    watcher.on('change', check)
    watcher.on('error', (err) => {
      watcher.close()
      reject(err)
    })
    check() // it may have been there before the watcher started
  })
}

/** The tarball's path; throws with npm's output if the pack failed. */
export async function packedTarball(fallbackDir: string): Promise<string> {
  const provided = inject('packedTarball') as { dir: string } | undefined
  let result: PackResult
  if (provided) {
    await appeared(provided.dir, RESULT)
    result = JSON.parse(readFileSync(join(provided.dir, RESULT), 'utf8')) as PackResult
  } else {
    result = await packRepo(fallbackDir).done
  }
  if ('error' in result) throw new Error(result.error)
  return result.tarball
}
