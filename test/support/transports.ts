// The two ways an integrator reaches the sandbox: msw intercepting the vendor's real host
// in-process, or the standalone server over HTTP on 127.0.0.1. Behaviour tests run on both.
import { setupSandboxServer } from '../../mocks/node.ts'
import { startServer } from '../../src/server/server.ts'
import type { Sandbox, SandboxOptions } from '../../src/sandbox.ts'
import { failOnUnhandled } from './msw-listen.ts'

export interface Transport {
  name: 'msw' | 'server'
  sandbox: Sandbox
  /** Base URL per vendor as the integrator would configure it. */
  baseUrl(vendor: string, environment?: string | null): string
  /** Admin API root (only the server has one over HTTP). */
  adminUrl?: string
  close(): Promise<void>
}

export async function mswTransport(options: SandboxOptions = {}): Promise<Transport> {
  const { server, sandbox } = setupSandboxServer(options)
  server.listen(failOnUnhandled)
  return {
    name: 'msw',
    sandbox,
    baseUrl: (vendor, environment = null) => {
      const m = sandbox.baseUrls().find((b) => b.vendor === vendor && (environment === null || b.environment === environment))
      if (!m) throw new Error(`no base URL for ${vendor}`)
      return m.base
    },
    close: async () => server.close(),
  }
}

export async function serverTransport(options: SandboxOptions = {}): Promise<Transport> {
  const running = await startServer({ ...options, host: '127.0.0.1', port: 0 })
  return {
    name: 'server',
    sandbox: running.sandbox,
    baseUrl: (vendor, environment = null) => {
      const m = running.baseUrls().find((b) => b.vendor === vendor && (environment === null || b.environment === environment))
      if (!m) throw new Error(`no base URL for ${vendor}`)
      return m.url
    },
    adminUrl: `${running.url}/__sandbox`,
    close: () => running.close(),
  }
}

export const transports = [
  ['msw', mswTransport],
  ['server', serverTransport],
] as const
