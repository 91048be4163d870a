// docs/ci.md's GitHub Actions workflow, run as written: every `run:` step but the project's own
// `npm ci` and `npm test`, in order, each in bash as the runner runs it, in a project where
// `npx token-sandbox` finds the package locally (the sources, through a bin shim). Only the port
// changes (the machine is shared). The workflow is read from the doc at test time.
import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseYaml } from '@redocly/openapi-core'
import { afterAll, describe, expect, it } from 'vitest'
import { SOURCE_CLI } from '../support/cli.ts'

interface Step {
  name?: string
  run?: string
  env?: Record<string, string>
}
const doc = readFileSync(fileURLToPath(new URL('../../docs/ci.md', import.meta.url)), 'utf8')
const block = /```yaml\n([\s\S]*?)```/.exec(doc)
const workflow = parseYaml(block?.[1] ?? '') as { jobs: Record<string, { steps: Step[] }> }
const OWN = new Set(['npm ci', 'npm test'])

const project = mkdtempSync(join(tmpdir(), 'token-sandbox-ci-'))
mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true })
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'ci-workflow', private: true }))
const bin = join(project, 'node_modules', '.bin', 'token-sandbox')
writeFileSync(bin, `#!/bin/sh\nexec ${[process.execPath, ...SOURCE_CLI].map((a) => `'${a}'`).join(' ')} "$@"\n`)
chmodSync(bin, 0o755)
// As on a runner: no package manager around the steps (vitest may run under `npm test`).
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')))
const steps: ChildProcess[] = []

afterAll(() => {
  // Each step is its own process group, with what it left running in the background.
  for (const child of steps) {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {}
  }
  rmSync(project, { recursive: true, force: true })
})

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** One step as the runner runs it: `bash --noprofile --norc -eo pipefail`, the step's env added. */
function runStep(script: string, stepEnv: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd: project,
    env: { ...env, ...stepEnv },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  steps.push(child)
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })))
}

describe("docs/ci.md's workflow", () => {
  it('holds a job against the standalone server and an in-process one', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['against-the-sandbox', 'in-process'])
    expect(workflow.jobs['in-process']!.steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'npm test'])
  })

  it("runs the standalone job's token-sandbox steps: start, wait, the contract suite with a JUnit report, stop", async () => {
    const port = String(await freePort())
    const job = workflow.jobs['against-the-sandbox']!.steps.filter((s) => s.run !== undefined && !OWN.has(s.run.trim()))
    expect(job.map((s) => s.name)).toEqual(['Start token-sandbox', 'Wait until it answers', 'ComplyCube contract suite (JUnit)', 'Stop token-sandbox'])
    const results: Record<string, { code: number | null; out: string }> = {}
    for (const step of job) {
      const script = step.run!.replaceAll('4545', port)
      const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, String(v).replaceAll('4545', port)]))
      const result = await runStep(script, stepEnv)
      results[step.name!] = result
      expect(result.code, `${step.name}:\n${result.out}\n${existsSync(join(project, 'sandbox.log')) ? readFileSync(join(project, 'sandbox.log'), 'utf8') : ''}`).toBe(0)
      if (step.name === 'Wait until it answers') {
        expect(result.out).toContain(`token-sandbox is ready at http://127.0.0.1:${port}`)
        expect((await fetch(`http://127.0.0.1:${port}/__sandbox/health`)).status).toBe(200)
      }
    }
    const report = readFileSync(join(project, 'reports', 'complycube-contract.xml'), 'utf8')
    expect(report).toMatch(/<testsuites [^>]*tests="[1-9]\d*"/)
    expect(report).toMatch(/<testsuites [^>]*failures="0"/)
    // The stop step killed npx's pid: the server went with it.
    const gone = async () => {
      try {
        await fetch(`http://127.0.0.1:${port}/__sandbox/health`, { signal: AbortSignal.timeout(1_000) })
        return false
      } catch {
        return true
      }
    }
    await expect.poll(gone, { timeout: 10_000, interval: 200 }).toBe(true)
    const log = readFileSync(join(project, 'sandbox.log'), 'utf8')
    expect(log).toContain(`listening on http://127.0.0.1:${port}`)
    expect(log).toContain('parent process exited: shutting down')
  }, 240_000)
})
