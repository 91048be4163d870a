// In-process, a fault's delay (up to 60 s) must not outlive the sandbox: closing the msw server
// or the sandbox ends the delays in progress (those fetches fail as on a dropped connection), so
// a script or test run that closes them exits at once rather than a minute later. Each case is
// a fresh Node process, timed from the close to its exit; the two run at once. The process is
// plain node on the built token-sandbox/mocks/node (dist/, brought up to date with the sources
// by the globalSetup), as a user's script runs it: a third of the start-up CPU of the sources
// through tsx.
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'

const NODE_ENTRY = new URL('../../dist/lib/mocks-node.mjs', import.meta.url).href

const script = (close: string) => `
import { setupSandboxServer } from ${JSON.stringify(NODE_ENTRY)}
const { server, sandbox } = setupSandboxServer()
server.listen({ onUnhandledRequest: 'error' })
sandbox.faults.add({ delayMs: 60000, times: 50 })
const parked = Array.from({ length: 5 }, () =>
  fetch('https://api.complycube.com/v1/clients', { headers: { authorization: 'test_tokensandbox_default_0001' } }).then((r) => 'answered ' + r.status, () => 'failed'))
while ((sandbox.faults.list()[0]?.hits ?? 0) < 5) await new Promise((r) => setTimeout(r, 10))
console.log('closing')
${close}
console.log(JSON.stringify(await Promise.all(parked)))
`

function run(close: string): Promise<{ code: number | null; out: string; err: string; afterClose: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script(close)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let closedAt = 0
    const timer = setTimeout(() => child.kill('SIGKILL'), 70_000)
    child.stdout.on('data', (d) => {
      out += d
      if (closedAt === 0 && out.includes('closing')) closedAt = performance.now()
    })
    child.stderr.on('data', (d) => (err += d))
    child.on('error', reject)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, out, err, afterClose: closedAt === 0 ? Number.NaN : performance.now() - closedAt })
    })
  })
}

describe('closing in-process with fault delays pending', () => {
  it.concurrent.each([
    ["msw's server.close()", 'server.close()'],
    ['sandbox.close()', 'sandbox.close(); server.close()'],
  ])('%s ends the five parked delays: the fetches fail and the process exits at once', async (_name, close) => {
    const r = await run(close)
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain(JSON.stringify(Array(5).fill('failed')))
    expect(r.afterClose).toBeLessThan(2_000)
  }, 80_000)
})
