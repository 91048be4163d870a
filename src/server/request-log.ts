// The standalone server's request log: one line per request, as WireMock and Prism print them —
// `pretty` for a person at a terminal, `json` (one object a line) for machines. Vendor requests
// carry what the journal keeps (vendor, environment, the precise refusal reason); admin requests
// are `sandbox`. Nothing secret is printed: paths as the journal keeps them, a vendor's admin path
// as the vendor shows it (ComplyCube shortens the API key in `/keys/<key>/revoke`), never
// headers or bodies.
import type { SandboxRequest, SandboxResponse } from '../core/types.ts'
import { ADMIN_PREFIX } from '../sandbox.ts'
import { vendorDefinitions } from '../vendors/registry.ts'
import type { AnyVendor } from '../core/vendor.ts'
import { isAdminPath } from './admin-guard.ts'
import type { Handle } from './persist.ts'
import { escapeControls, escapeJsonControls } from '../core/shown.ts'

export type RequestLogFormat = 'pretty' | 'json'

export interface RequestLogEntry {
  /** Real time the answer was ready, ISO 8601. */
  time: string
  method: string
  path: string
  /** The vendor, `sandbox` for the admin API, or null when no vendor owns the path. */
  vendor: string | null
  environment: string | null
  /** 0 when an injected fault dropped the connection. */
  status: number
  ms: number
  reason?: string
}

/** An admin path as its vendor shows it in logs (`/__sandbox/complycube/keys/test_abcd…wxyz/revoke`). */
export function redactAdminPath(path: string, vendors: Record<string, AnyVendor> = vendorDefinitions): string {
  const rest = path.slice(ADMIN_PREFIX.length + 1)
  const slash = rest.indexOf('/')
  const name = slash < 0 ? rest : rest.slice(0, slash)
  const vendor = Object.prototype.hasOwnProperty.call(vendors, name) ? vendors[name] : undefined
  if (!vendor?.logAdminPath || slash < 0) return path
  return `${ADMIN_PREFIX}/${name}${vendor.logAdminPath(rest.slice(slash))}`
}

/** What the log says about one answered request. */
export function logEntry(request: SandboxRequest, answer: SandboxResponse, ms: number, now = new Date()): RequestLogEntry {
  const recorded = request.recorded
  const admin = isAdminPath(request.url.pathname)
  const entry: RequestLogEntry = {
    time: now.toISOString(),
    method: request.method,
    path: recorded?.path ?? (admin ? redactAdminPath(request.url.pathname) : request.url.pathname),
    vendor: recorded?.vendor ?? (admin ? 'sandbox' : null),
    environment: recorded?.environment ?? null,
    status: answer.drop ? 0 : answer.status,
    ms: Math.round(ms * 10) / 10,
  }
  if (recorded?.reason !== undefined) entry.reason = recorded.reason
  return entry
}

/** Paths and reasons can carry anything a client sent: keep them short, and print no control character (../core/shown.ts). */
const shortened = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}…` : s)
const oneLine = (s: string, max: number) => escapeControls(shortened(s, max))

export function formatLogEntry(entry: RequestLogEntry, format: RequestLogFormat): string {
  // JSON escapes C0 itself; the rest written as `\uXXXX` escapes too leaves the same value on one line a terminal shows inertly.
  if (format === 'json') return escapeJsonControls(JSON.stringify({ ...entry, path: shortened(entry.path, 2_000), ...(entry.reason !== undefined ? { reason: shortened(entry.reason, 500) } : {}) }))
  const where = entry.vendor === null ? '-' : entry.environment === null ? entry.vendor : `${entry.vendor}/${entry.environment}`
  const status = entry.status === 0 ? 'dropped' : String(entry.status)
  const reason = entry.reason === undefined ? '' : `  (${oneLine(entry.reason, 200)})`
  return `${entry.time.slice(11, 23)} ${entry.method.padEnd(6)} ${status} ${`${entry.ms}ms`.padStart(7)}  ${where.padEnd(19)} ${oneLine(entry.path, 200)}${reason}`
}

/** Calls `onEntry` once per answered request, after the answer is ready. */
export function logging(handle: Handle, onEntry: (entry: RequestLogEntry) => void): Handle {
  return async (request) => {
    const started = performance.now()
    const answer = await handle(request)
    onEntry(logEntry(request, answer, performance.now() - started))
    return answer
  }
}
