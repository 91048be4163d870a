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
 * What msw 2.15's setupServer (@mswjs/interceptors 0.41) changes from `listen()` to `close()`:
 * fetch and its classes (Headers' set/append/delete record raw header names), http(s).request
 * and get, http.ClientRequest, and its own symbols on globalThis and Headers.
 */
const MSW_WHILE_LISTENING = [
  'Headers.Symbol(kRestorePatches)',
  'Headers.prototype.append',
  'Headers.prototype.delete',
  'Headers.prototype.set',
  'globalThis.Headers',
  'globalThis.Request',
  'globalThis.Response',
  'globalThis.Symbol(client-request-interceptor)',
  'globalThis.Symbol(fetch-interceptor)',
  'globalThis.Symbol(interceptor-source)',
  'globalThis.fetch',
  'node:http.ClientRequest',
  'node:http.get',
  'node:http.request',
  'node:https.get',
  'node:https.request',
]

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
    expect(probe('mocks-node', from)).toEqual({ import: [], create: [], listen: MSW_WHILE_LISTENING, request: MSW_WHILE_LISTENING, close: [] })
  })

  it('token-sandbox/mocks: import, createHandlers() in the user’s own setupServer, the same', () => {
    expect(probe('mocks', from)).toEqual({ import: [], create: [], listen: MSW_WHILE_LISTENING, request: MSW_WHILE_LISTENING, close: [] })
  })

  it('token-sandbox: import, createSandbox() and a token, startServer(), requests, close()', () => {
    expect(probe('index', from)).toEqual({ import: [], create: [], listen: [], request: [], close: [] })
  })

  it('token-sandbox/contract: import changes nothing beyond what importing vitest itself does', () => {
    expect(probe('contract', from)).toEqual(probe('vitest', from))
  })
})
