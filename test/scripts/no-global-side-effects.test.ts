// No library entry point changes the user's process: importing one, creating a sandbox or a
// server, serving requests and closing leave every global built-in as it was (by identity:
// crypto, TextEncoder/TextDecoder, Uint8Array, Date, JSON, Math, fetch and its classes, every
// own key of globalThis, node:http and node:https). The one exception is msw's own
// interception, only while listening. Each case runs ./fixtures/globals-probe.mjs in a fresh
// process (fresh module graph), on the sources (through tsx) and on the built dist/lib.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const PROBE = fileURLToPath(new URL('./fixtures/globals-probe.mjs', import.meta.url))

/**
 * What msw does by itself (msw 2: fetch and its classes, http(s).request/get, http.ClientRequest
 * and its symbols, from listen() to close(); msw 3 also keeps two registries on globalThis from
 * import on): measured by the same steps with msw alone, so the allowance follows the msw the
 * user has, and nothing of ours can hide in it.
 */
const mswAlone = (from: 'src' | 'dist') => probe('msw', from)

type Steps = Record<string, string[]>

function probe(scenario: string, from: 'src' | 'dist'): Steps {
  const args = from === 'src' ? ['--import', 'tsx', PROBE, scenario, from] : [PROBE, scenario, from]
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } })
  return JSON.parse(out.trim().split('\n').pop()!) as Steps
}

it('the probe sees patches of the kind earlier versions made', () => {
  expect(probe('control', 'src').import).toEqual(['Uint8Array.prototype.toBase64', 'crypto.subtle.sign', 'read TextEncoder.prototype.encode', 'TextEncoder.prototype.encode', 'read crypto.subtle.sign'].sort())
})

describe.each(['src', 'dist'] as const)('the entry points (%s) leave the globals alone', (from) => {
  it('token-sandbox/mocks/node: import, setupSandboxServer(), only msw’s patches while listening, all back after close()', () => {
    const msw = mswAlone(from)
    expect(probe('mocks-node', from)).toEqual(msw)
    // msw's patches are undone on close: what stays is only what importing msw leaves.
    expect(msw.close).toEqual(msw.import)
    expect(msw.listen).toContain('globalThis.fetch')
  })

  it('token-sandbox/mocks: import, createHandlers() in the user’s own setupServer, the same', () => {
    expect(probe('mocks', from)).toEqual(mswAlone(from))
  })

  it('token-sandbox: import, createSandbox() and a token, startServer(), requests, close()', () => {
    expect(probe('index', from)).toEqual({ import: [], create: [], listen: [], request: [], close: [] })
  })

  it('token-sandbox/contract: import changes nothing beyond what importing vitest itself does', () => {
    expect(probe('contract', from)).toEqual(probe('vitest', from))
  })
})
