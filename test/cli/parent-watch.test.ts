// `npx token-sandbox serve & … kill $!` stops the server. npx runs the bin under a shell
// (npm → sh -c → node); stopping npx ended npm and the shell and left the server listening,
// adopted by init. serve now stops when the package manager that started it exits, and only
// then: started by a plain shell, it outlives that shell (a CI step may leave it for later steps).
import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SOURCE_CLI } from '../support/cli.ts'

const project = mkdtempSync(join(tmpdir(), 'token-sandbox-npx-'))
const groups: ChildProcess[] = []
const strays: number[] = []

// A project with token-sandbox's bin in node_modules/.bin, run from the sources, so npx finds
// it locally (no registry) and runs it the way it runs any installed bin.
mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true })
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'npx-parent', private: true }))
const bin = join(project, 'node_modules', '.bin', 'token-sandbox')
writeFileSync(bin, `#!/bin/sh\nexec ${[process.execPath, ...SOURCE_CLI].map((a) => `'${a}'`).join(' ')} "$@"\n`)
chmodSync(bin, 0o755)

/** The environment without a package manager's variables (vitest may run under `npm test`). */
const plainEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')))

afterAll(() => {
  for (const child of groups) {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {}
  }
  for (const pid of strays) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {}
  }
  rmSync(project, { recursive: true, force: true })
})

/** Starts `command` in its own process group; resolves with its output once `pattern` matched. */
function start(command: string, args: string[], pattern: RegExp) {
  const child = spawn(command, args, { cwd: project, env: plainEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  groups.push(child)
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const matched = new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no match for ${pattern}:\n${out}`)), 45_000)
    const check = () => {
      const m = pattern.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m)
      }
    }
    child.stdout!.on('data', check)
    child.stderr!.on('data', check)
  })
  return { child, matched, output: () => out }
}

const answers = async (url: string) => {
  try {
    return (await fetch(`${url}/__sandbox/health`, { signal: AbortSignal.timeout(2_000) })).status === 200
  } catch {
    return false
  }
}

/** Whether `url` stops answering within `ms`. */
async function stopsAnswering(url: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (!(await answers(url))) return true
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return false
}

describe('serve and the process that started it', () => {
  it('stops when npx, which started it, is stopped by its pid', async () => {
    const npx = start('npx', ['--no-install', 'token-sandbox', 'serve', '--port', '0', '--quiet'], /listening on (http:\/\/127\.0\.0\.1:\d+)/)
    const url = (await npx.matched)[1]!
    expect(await answers(url)).toBe(true)
    process.kill(npx.child.pid!, 'SIGTERM') // npx's pid only, as `kill $!` does
    expect(await stopsAnswering(url, 10_000), npx.output()).toBe(true)
    await expect.poll(npx.output, { timeout: 5_000 }).toContain('parent process exited: shutting down')
  }, 90_000)

  it('outlives a plain shell that started it in the background', async () => {
    // A forked child (not exec'd), as `token-sandbox serve &` in a CI step's shell.
    const sh = start('sh', ['-c', `'${bin}' serve --port 0 --quiet & echo "pid $!"; wait`], /pid (\d+)[\s\S]*listening on (http:\/\/127\.0\.0\.1:\d+)/)
    const m = await sh.matched
    const [pid, url] = [Number(m[1]), m[2]!]
    strays.push(pid)
    process.kill(sh.child.pid!, 'SIGTERM')
    await new Promise((resolve) => sh.child.once('exit', resolve))
    await new Promise((resolve) => setTimeout(resolve, 1_500)) // three of serve's parent checks
    expect(await answers(url)).toBe(true)
    process.kill(pid, 'SIGTERM')
    expect(await stopsAnswering(url, 10_000)).toBe(true)
  }, 90_000)
})
