// Small response helpers shared by every service.
import type { SandboxResponse } from './types.ts'

export const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json' })

export function json(status: number, body: unknown, headers?: Record<string, string>): SandboxResponse {
  return { status, headers: headers ? { ...JSON_HEADERS, ...headers } : { ...JSON_HEADERS }, body }
}

export function empty(status: number): SandboxResponse {
  return { status, headers: {} }
}

export function text(status: number, body: string, contentType: string): SandboxResponse {
  return { status, headers: { 'content-type': contentType }, body }
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Own-key lookup that ignores inherited properties (`constructor`, `__proto__`). */
export function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined
}
