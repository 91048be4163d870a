// A handler that throws is answered with the service's own 500, and the error (with its stack)
// goes to the log: "see its log" must point at something. Forced here by breaking a method the
// admin routes call, over HTTP on the standalone server.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSandbox } from '../../src/node/sandbox.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'

const forced = () => {
  throw new Error('forced handler failure')
}

describe('a handler error', () => {
  let running: RunningServer | undefined
  afterEach(async () => {
    vi.restoreAllMocks()
    await running?.close()
    running = undefined
  })

  it('is answered with the internal error and written to stderr with its stack by default', async () => {
    const logged: unknown[][] = []
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args))
    const sandbox = createSandbox()
    sandbox.admin.tokens = forced
    running = await startServer({ sandbox, port: 0 })
    const res = await fetch(`${running.url}/__sandbox/tokens`)
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'The sandbox failed to answer; see its log' } })
    expect(text).not.toContain('forced handler failure')
    expect(logged).toHaveLength(1)
    const line = logged[0]!.map(String).join(' ')
    expect(line).toMatch(/^token-sandbox: internal error: Error: forced handler failure\n\s+at /)
    expect(line).toContain('dispatch.test.ts')
  })

  it('reaches the real stderr of a process, stack and all', () => {
    const sandboxModule = fileURLToPath(new URL('../../src/node/sandbox.ts', import.meta.url))
    const script = `
      const { createSandbox } = await import(${JSON.stringify(sandboxModule)})
      const sandbox = createSandbox()
      sandbox.admin.tokens = function forcedInChild() { throw new Error('forced in a child') }
      const res = await sandbox.handle({ method: 'GET', url: new URL('http://x.test/__sandbox/tokens'), headers: {}, body: null })
      console.log(res.status)`
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 })
    expect(r.stdout.trim()).toBe('500')
    expect(r.stderr).toMatch(/^token-sandbox: internal error: Error: forced in a child\n\s+at (Object\.)?forcedInChild /)
  })

  it('goes to the onError the sandbox was given, on the server and in-process alike', async () => {
    const errors: unknown[] = []
    const sandbox = createSandbox({ onError: (err) => errors.push(err) })
    sandbox.admin.tokens = forced
    running = await startServer({ sandbox, port: 0 })
    expect((await fetch(`${running.url}/__sandbox/tokens`)).status).toBe(500)
    const inProcess = await sandbox.handle({ method: 'GET', url: new URL('http://sandbox.test/__sandbox/tokens'), headers: {}, body: null })
    expect(inProcess.status).toBe(500)
    expect(errors).toHaveLength(2)
    expect((errors[0] as Error).stack).toMatch(/forced handler failure/)
  })

  it('goes to the onError the server was given', async () => {
    const errors: unknown[] = []
    running = await startServer({ port: 0, onError: (err) => errors.push(err) })
    running.sandbox.admin.tokens = forced
    expect((await fetch(`${running.url}/__sandbox/tokens`)).status).toBe(500)
    expect(errors.map((e) => (e as Error).message)).toEqual(['forced handler failure'])
  })

  it('answers its 500 even when the reporter itself throws', async () => {
    const sandbox = createSandbox({ onError: () => { throw new Error('reporter down') } })
    sandbox.admin.tokens = forced
    running = await startServer({ sandbox, port: 0 })
    expect((await fetch(`${running.url}/__sandbox/tokens`)).status).toBe(500)
  })

  it('is journaled with its message for a vendor route', async () => {
    const errors: unknown[] = []
    running = await startServer({ port: 0, onError: (err) => errors.push(err) })
    // Break the clock under ComplyCube's token route: its handler reads it.
    vi.spyOn(running.sandbox.clock, 'nowSeconds').mockImplementation(forced)
    const res = await fetch(`${running.url}/complycube/v1/tokens`, {
      method: 'POST',
      headers: { authorization: 'test_tokensandbox_default_0001', 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: '5eb04fcd0f3e360008035eb1' }),
    })
    expect(res.status).toBe(500)
    expect(await res.json()).toMatchObject({ type: expect.any(String), message: expect.any(String) })
    expect(errors).toHaveLength(1)
    expect(running.sandbox.admin.requests({ vendor: 'complycube', limit: 1 })[0]!.reason).toBe('internal: forced handler failure')
    // The answer says it failed, not the sandbox's own message (that stays behind the admin API).
    expect(res.headers.get('x-token-sandbox-reason')).toBe('internal error: the message is in the journal')
  })
})
