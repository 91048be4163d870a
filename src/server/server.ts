// The standalone server: one port, each vendor under its prefix, the sandbox surface under
// /__sandbox. Binds to 127.0.0.1 unless told otherwise; shuts down gracefully.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createSandbox, DEFAULT_BODY_LIMIT, type Sandbox, type SandboxOptions } from '../sandbox.ts'
import { createRequestListener } from './node-adapter.ts'

export interface ServeOptions extends SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number
  host?: string
  /** Use this sandbox instead of creating one. */
  sandbox?: Sandbox
  onError?: (err: unknown) => void
}

export interface RunningServer {
  /** `http://host:port` */
  url: string
  port: number
  host: string
  server: Server
  sandbox: Sandbox
  /** Every vendor base URL on this server, per environment. */
  baseUrls(): { vendor: string; environment: string | null; url: string }[]
  close(): Promise<void>
}

export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const sandbox = options.sandbox ?? createSandbox(options)
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const hostForUrl = host.includes(':') ? `[${host}]` : host
  const url = `http://${hostForUrl}:${port}`
  server.on('request', createRequestListener({ sandbox, bodyLimit, origin: url, ...(options.onError ? { onError: options.onError } : {}) }))
  // A malformed request line or header never reaches the listener: answer 400 and hang up.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
    else socket.destroy()
  })

  let closing: Promise<void> | null = null
  return {
    url,
    port,
    host,
    server,
    sandbox,
    baseUrls: () => sandbox.prefixes().map((m) => ({ vendor: m.vendor, environment: m.environment, url: url + m.base })),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
        // Requests still running get a short grace period, then their sockets are closed.
        setTimeout(() => server.closeAllConnections(), 2_000).unref()
      }).then(() => sandbox.close())
      return closing
    },
  }
}
