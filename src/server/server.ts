// The standalone server: one port, each vendor under its prefix, the sandbox surface under
// /__sandbox. Binds to 127.0.0.1 unless told otherwise; shuts down gracefully.
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer, type Server as HttpsServer, type ServerOptions as HttpsServerOptions } from 'node:https'
import type { AddressInfo } from 'node:net'
import { ADMIN_PREFIX, type Sandbox, type SandboxOptions } from '../sandbox.ts'
import { createSandbox } from '../node/sandbox.ts'
import { createRequestListener } from './node-adapter.ts'
import { MAX_HEADER_BYTES, MAX_HEADER_COUNT, onClientError } from './client-error.ts'
import { forgetFirstLine, rememberFirstLine } from './first-line.ts'
import { logInternalError } from '../core/report.ts'
import { generateAdminToken, guardAdmin, isLoopback } from './admin-guard.ts'
import { guardAdminOrigin } from './admin-origin-guard.ts'
import { withCors } from './cors.ts'
import { withAssets } from './assets.ts'
import { logging, type RequestLogEntry } from './request-log.ts'
import { persisting, type Handle } from './persist.ts'
import { openStateFile, type StateFile } from './state-file.ts'

export { MAX_HEADER_BYTES }

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
   * Keep state in this SQLite file: loaded at start (created from the seed when missing; a JSON
   * state file is migrated), each change committed before the request that made it is answered.
   * See ./state-file.ts and docs/persistence.md.
   */
  stateFile?: string
  /** The token the admin API (/__sandbox) requires; setting it turns the guard on. */
  adminToken?: string
  /**
   * Require the admin token on /__sandbox (default: when `host` is not a loopback address, or an
   * `adminToken` is given). Without `adminToken`, one is generated: see `RunningServer.adminToken`.
   */
  requireAdminToken?: boolean
  /**
   * Host names the admin API answers besides IP addresses and localhost (`.example.test` for a
   * domain and its subdomains, `*` for any): see ./admin-origin-guard.ts. Vendor routes answer any Host.
   */
  allowedHosts?: readonly string[]
  /**
   * Origins every vendor route answers CORS for (`http://localhost:5173`, or `*`); routes browsers
   * call on the real vendor (CAF's BFF) answer any origin regardless. Never the admin API: ./cors.ts.
   */
  cors?: readonly string[]
  /**
   * Serve HTTPS with this certificate and key (PEM), e.g. mkcert's for localhost, for clients
   * that refuse plain HTTP (mobile apps). The base URLs are then https://.
   */
  tls?: { cert: string | Uint8Array; key: string | Uint8Array }
  /**
   * Serve the vendors' static files (their `assets` paths, CAF's `/tfmodel/…` on the Mobile API
   * host) from this folder, which mirrors the paths below the mount: ./assets.ts.
   */
  assetsDir?: string
  /** Called once per answered request (`serve`'s request log): ./request-log.ts. */
  onRequest?: (entry: RequestLogEntry) => void
  /** Told of every internal error: a handler's, the adapter's, the state file's (default: stderr with the stack). */
  onError?: (err: unknown) => void
}

export interface RunningServer {
  /** `http://host:port` */
  url: string
  port: number
  host: string
  server: HttpServer | HttpsServer
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
  const onError = options.onError ?? logInternalError
  const sandbox = options.sandbox ?? createSandbox({ ...options, onError })
  const headersTimeout = options.headersTimeoutMs ?? 10_000
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 30_000, headersTimeout)
  const guarded = options.requireAdminToken ?? (!isLoopback(host) || options.adminToken !== undefined)
  const adminToken = guarded ? (options.adminToken ?? generateAdminToken()) : null
  // Loaded before listening: a request never sees the seed of a sandbox that has a state file.
  const stateFile = options.stateFile !== undefined ? await openStateFile(sandbox, options.stateFile, { onError }) : null
  let handle: Handle = (request) => sandbox.handle(request)
  if (stateFile) handle = persisting(handle, stateFile, onError)
  if (adminToken !== null) handle = guardAdmin(handle, adminToken)
  if (options.assetsDir !== undefined) handle = withAssets(handle, sandbox, options.assetsDir)
  // Outermost: a request a page on another site could have sent never reaches the admin routes.
  handle = withCors(handle, sandbox.prefixes(), { origins: options.cors ?? [] })
  handle = guardAdminOrigin(handle, { allowedHosts: options.allowedHosts ?? [], scheme: options.tls ? 'https' : 'http' })
  if (options.onRequest) handle = logging(handle, options.onRequest)
  const serverOptions = {
    requestTimeout,
    headersTimeout,
    // Node's default (16 KiB) answers a bare 400 before the sandbox sees the request: an oversized
    // token (the JWT attack suite's has 64 KiB of claims) must reach the vendor and be refused in
    // its own error shape.
    maxHeaderSize: MAX_HEADER_BYTES,
    keepAliveTimeout: 5_000,
    // Node checks those timeouts on this interval (30 s by default, too coarse for short limits).
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 2))),
  }
  const server = options.tls
    ? createHttpsServer({ ...serverOptions, cert: options.tls.cert, key: options.tls.key } as HttpsServerOptions)
    : createServer(serverOptions)
  server.maxHeadersCount = MAX_HEADER_COUNT
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
  const url = `${options.tls ? 'https' : 'http'}://${hostForUrl}:${port}`
  const listener = createRequestListener({ sandbox, origin: url, handle, onError })
  // The listener sends `100 Continue` itself, once it reads the body (./node-adapter.ts).
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    forgetFirstLine(req.socket)
    listener(req, res)
  }
  server.on('request', onRequest)
  server.on('checkContinue', onRequest)
  // A malformed request, an oversized head or a slow one never reaches the listener: answered in
  // the shape of the vendor its path names after any pipelined answers before it, then the
  // connection closes.
  server.on(options.tls ? 'secureConnection' : 'connection', rememberFirstLine)
  server.on('clientError', onClientError((path, status, message) => sandbox.parserRefusal(path, status, message)))

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
        // A request a fault delays (up to 60 s) is dropped now, not given the grace period.
        sandbox.faults.cancelDelays()
        server.close(() => resolve())
        server.closeIdleConnections()
        // Requests still running get a short grace period, then their sockets are closed.
        setTimeout(() => server.closeAllConnections(), 2_000).unref()
      })
        // The last write keeps changes made in-process since the last request.
        .then(() => stateFile?.close().catch((err: unknown) => onError(err)))
        // Also ends a delay begun during the grace period (a keep-alive request).
        .then(() => sandbox.close())
      return closing
    },
  }
}
