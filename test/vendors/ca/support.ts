// Shared by the CA behaviour tests: the seeded credentials and a small client that speaks to a
// tenant's base URL on either transport.
import { expect } from 'vitest'
import type { Transport } from '../../support/transports.ts'

export const HEDMORAL = { tenant: 'hedmoral', username: 'hedmoral_admin', password: 'Hedmoral-Sandbox-1', minutes: 30 }
export const HEDMORAL_VIEWER = { tenant: 'hedmoral', username: 'hedmoral_viewer', password: 'Hedmoral-Viewer-1', minutes: 30 }
export const KVARNBY = { tenant: 'kvarnby', username: 'kvarnby_admin', password: 'Kvarnby-Sandbox-1', minutes: 15 }
export const APP_ID = 'HEDMORAL_OPS'
export const TXN_ID = '0b6f2b1e-3c55-4f0a-9a43-5b0e7d2c1a99'

export interface Answer {
  status: number
  body: any
  headers: Headers
}

export interface CallOptions {
  token?: string
  body?: unknown
  /** Raw body, sent as-is with only the headers given (a Uint8Array gets no Content-Type). */
  raw?: BodyInit
  query?: Record<string, string>
  headers?: Record<string, string>
}

export function caClient(t: Transport, tenant: string) {
  const base = t.baseUrl('ca', tenant)
  const call = async (method: string, path: string, o: CallOptions = {}): Promise<Answer> => {
    const qs = o.query ? `?${new URLSearchParams(o.query)}` : ''
    const headers: Record<string, string> = {}
    if (o.body !== undefined) headers['content-type'] = 'application/json'
    if (o.token !== undefined) headers['authorization'] = o.token
    Object.assign(headers, o.headers)
    const res = await fetch(base + path + qs, {
      method,
      headers,
      ...(o.raw !== undefined ? { body: o.raw } : o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers }
  }
  const requestToken = (fields: Record<string, unknown>, headers: Record<string, string> = {}) =>
    call('POST', '/token', { body: fields, headers })
  const token = async (who: { username: string; password: string } = HEDMORAL, clientAppId = APP_ID): Promise<string> => {
    const r = await requestToken({ client_txn_id: TXN_ID, client_app_id: clientAppId, username: who.username, password: who.password })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    return r.body.token as string
  }
  return { base, call, requestToken, token }
}

/** A CA error: HTTP 400 (unless said otherwise) and exactly `{error_code, error_description}`. */
export function expectCaError(r: Answer, code: string, description?: string, status = 400): void {
  expect(r.status, JSON.stringify(r.body)).toBe(status)
  expect(Object.keys(r.body).sort()).toEqual(['error_code', 'error_description'])
  expect(r.body.error_code).toBe(code)
  expect(typeof r.body.error_description).toBe('string')
  if (description !== undefined) expect(r.body.error_description).toBe(description)
}

/** The token with one character of its signature changed. */
export function tamper(token: string): string {
  const [h, p, s] = token.split('.') as [string, string, string]
  const i = Math.floor(s.length / 2)
  const swapped = s[i] === 'A' ? 'B' : 'A'
  return `${h}.${p}.${s.slice(0, i)}${swapped}${s.slice(i + 1)}`
}
