// The standalone server: one port, each vendor under its prefix, the sandbox surface under
// /__sandbox. Binds to 127.0.0.1 unless told otherwise; shuts down gracefully.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEFAULT_BODY_LIMIT, type Sandbox, type SandboxOptions } from '../sandbox.ts'
import { createSandbox } from '../node/sandbox.ts'
import { createRequestListener } from './node-adapter.ts'
import { generateAdminToken, guardAdmin, isLoopback } from './admin-guard.ts'
import { persisting, type Handle } from './persist.ts'
import { openStateFile, type StateFile } from './state-file.ts'

/** Largest request head (request line and headers) the server reads. */
export const MAX_HEADER_BYTES = 256 * 1024

export interface ServeOptions extends SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number
  host?: string
  /** Use this sandbox instead of creating one. */
  sandbox?: Sandbox
  /** A client must send all request headers within this time (default 10 s): slow-loris guard. */
  headersTimeoutMs?: number
  /** A whole request must arrive within this time (default 30 s). */
  requestTimeoutMs?: number
  /**
   * Keep state in this JSON file: loaded at start (created from the seed when missing), written
   * atomically before any request that changed state is answered. See ./state-file.ts.
   */
  stateFile?: string
  /** The token the admin API (/__sandbox) requires; setting it turns the guard on. */
  adminToken?: string
  /**
   * Require the admin token on /__sandbox (default: when `host` is not a loopback address, or an
   * `adminToken` is given). Without `adminToken`, one is generated: see `RunningServer.adminToken`.
   */
  requireAdminToken?: boolean
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
  /** The token /__sandbox requires, or null when the admin API is open. */
  adminToken: string | null
  /** The state file, when `stateFile` was given. */
  stateFile: StateFile | null
  close(): Promise<void>
}

export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const sandbox = options.sandbox ?? createSandbox(options)
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT
  const headersTimeout = options.headersTimeoutMs ?? 10_000
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 30_000, headersTimeout)
  const guarded = options.requireAdminToken ?? (!isLoopback(host) || options.adminToken !== undefined)
  const adminToken = guarded ? (options.adminToken ?? generateAdminToken()) : null
  // Loaded before listening: a request never sees the seed of a sandbox that has a state file.
  const stateFile = options.stateFile !== undefined ? await openStateFile(sandbox, options.stateFile, { onError: options.onError }) : null
  // Without a state file or a guard, requests go straight to the sandbox: nothing added per request.
  let handle: Handle | undefined
  if (stateFile) handle = persisting((request) => sandbox.handle(request), stateFile, options.onError)
  if (adminToken !== null) handle = guardAdmin(handle ?? ((request) => sandbox.handle(request)), adminToken)
  const server = createServer({
    requestTimeout,
    headersTimeout,
    // Node's default (16 KiB) answers a bare 400 before the sandbox sees the request: an oversized
    // token (the JWT attack suite's has 64 KiB of claims) must reach the vendor and be refused in
    // its own error shape.
    maxHeaderSize: MAX_HEADER_BYTES,
    keepAliveTimeout: 5_000,
    // Node checks those timeouts on this interval (30 s by default, too coarse for short limits).
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 2))),
  })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (err) {
    await stateFile?.close().catch(() => {})
    throw err
  }
  const { port } = server.address() as AddressInfo
  const hostForUrl = host.includes(':') ? `[${host}]` : host
  const url = `http://${hostForUrl}:${port}`
  server.on(
    'request',
    createRequestListener({ sandbox, bodyLimit, origin: url, ...(handle ? { handle } : {}), ...(options.onError ? { onError: options.onError } : {}) }),
  )
  // A malformed request line or header never reaches the listener: answer 400 and hang up.
  // Headers that take too long (slow loris) get 408, as Node would answer by itself.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request'
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`)
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
    adminToken,
    stateFile,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
        // Requests still running get a short grace period, then their sockets are closed.
        setTimeout(() => server.closeAllConnections(), 2_000).unref()
      })
        // The last write keeps changes made in-process since the last request.
        .then(() => stateFile?.close().catch((err: unknown) => options.onError?.(err)))
        .then(() => sandbox.close())
      return closing
    },
  }
}
