// Prism mock of the reference vendor's own contract (../scenarios.ts): the static alternative,
// answering the contract's example for the reference request. Logging at "warn", so its per-request log lines cost neither
// Prism nor the bench (which reads its output).
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { freePort, startChild } from '../processes.ts'
import { reference } from '../scenarios.ts'
import { answers200, type Peer } from './peer.ts'

const request = { ...reference.scenario, path: reference.below }
const CONTRACT = reference.contractFile

function cliPath(): string {
  return join(dirname(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js')
}

export const prism: Peer = {
  name: `Prism mock (${reference.vendor} contract)`,
  does: `${request.method} ${request.path}: the contract's example answer, the request validated`,
  request,
  unavailable() {
    if (!existsSync(CONTRACT)) return `${CONTRACT} is missing`
    try {
      return existsSync(cliPath()) ? null : `${cliPath()} is missing`
    } catch (e) {
      return `@stoplight/prism-cli is not installed (npm install): ${(e as Error).message}`
    }
  },
  async start() {
    const port = await freePort()
    return startChild(process.execPath, [cliPath(), 'mock', CONTRACT, '-h', '127.0.0.1', '-p', String(port), '--verboseLevel', 'warn'], {
      url: `http://127.0.0.1:${port}`,
      probe: (url) => answers200(url, request),
      timeoutMs: 60_000,
    })
  },
}
