// vitest globalSetup: packs the repository once per run (`npm pack --ignore-scripts`; listed
// after the build and the browser bundle, as the tarball holds dist/) for the tests that install
// the tarball into a new project (test/scripts/packed-install, integrator-stack); they get it with
// packedTarball() of test/support/packed-tarball.ts. The pack runs in the background, so it holds
// up no test file: it writes RESULT into the directory when done, and the tests wait for that
// file. (In watch mode it runs once per session, like the build before it.)
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The directory the tarball is packed into; RESULT appears in it when the pack is done. */
    packedTarball: { dir: string }
  }
}

/** The file, in the provided directory, holding a PackResult as JSON. */
export const RESULT = 'pack-result.json'
export type PackResult = { tarball: string } | { error: string }

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** `npm pack` of the repository into `dir`; the child, and the tarball's path or the failure. */
export function packRepo(dir: string): { child: ChildProcess; done: Promise<PackResult> } {
  const child = spawn('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (c: Buffer) => (stdout += c))
  child.stderr!.on('data', (c: Buffer) => (stderr += c))
  const done = new Promise<PackResult>((resolve) => {
    child.once('error', (err) => resolve({ error: `npm pack did not start: ${err.message}` }))
    child.once('close', (code, signal) => {
      if (code !== 0) return resolve({ error: `npm pack failed (${code ?? signal}):\n${stdout}${stderr}` })
      try {
        const [packed] = JSON.parse(stdout) as { filename: string }[]
        resolve({ tarball: join(dir, packed!.filename) })
      } catch (err) {
        resolve({ error: `npm pack printed no tarball (${String(err)}):\n${stdout}${stderr}` })
      }
    })
  })
  return { child, done }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'token-sandbox-tarball-'))
  const { child, done } = packRepo(dir)
  let tornDown = false
  void done.then((result) => {
    if (tornDown) return
    // Written whole, then renamed into place: a test that sees the file sees all of it.
    writeFileSync(join(dir, `${RESULT}.tmp`), JSON.stringify(result))
    renameSync(join(dir, `${RESULT}.tmp`), join(dir, RESULT))
  })
  project.provide('packedTarball', { dir })
  return () => {
    tornDown = true
    if (child.exitCode === null && child.signalCode === null) child.kill()
    rmSync(dir, { recursive: true, force: true })
  }
}
