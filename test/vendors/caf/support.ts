// Helpers for the CAF specs: each environment's base URL of each CAF API on either transport,
// the seeded keys, a fetch that returns status + parsed body, and the journal's last CAF entry
// read the way each transport offers it.
import seed from '../../../fixtures/caf.json' with { type: 'json' }
import { HOSTS, prefixFor } from '../../../src/vendors/caf/hosts.ts'
import type { JournalEntry } from '../../../src/core/journal.ts'
import type { Transport } from '../../support/transports.ts'

export type Env = 'prod' | 'beta' | 'dev'
export type Api = 'mobile' | 'bff' | 'sdk' | 'core'

function seeded(clientId: string) {
  const k = seed.mobileKeys.find((key) => key.clientId === clientId)
  if (!k) throw new Error(`no seeded key ${clientId}`)
  return { clientId: k.clientId, clientSecret: k.clientSecret }
}

export const KEYS = {
  prod: seeded('tokensandbox-prod-0001'),
  prodLivenessOnly: seeded('tokensandbox-prod-liveness-0001'),
  prodRevoked: seeded('tokensandbox-prod-revoked-0001'),
  beta: seeded('tokensandbox-beta-0001'),
  dev: seeded('tokensandbox-dev-0001'),
}

/** The seeded Core API tokens. */
export const CORE_TOKENS = Object.fromEntries((seed.apiTokens ?? []).map((t) => [t.environment, t.token])) as Record<Env, string>

/** A CPF with a face registered in prod and beta by the seed. */
export const SEEDED_CPF = '12345678909'

export function cafBase(t: Transport, env: Env, api: Api): string {
  if (t.name === 'msw') return HOSTS[env][api]
  return t.adminUrl!.replace(/\/__sandbox$/, '') + prefixFor(env, api)
}

export interface Answer {
  status: number
  headers: Headers
  text: string
  body: any
}

export async function call(
  url: string,
  init: { method?: string; token?: string | null; headers?: Record<string, string>; body?: unknown; raw?: BodyInit } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...(init.token ? { authorization: init.token } : {}), ...init.headers }
  let body: BodyInit | undefined = init.raw
  if (init.body !== undefined) {
    body = JSON.stringify(init.body)
    headers['content-type'] ??= 'application/json'
  }
  const res = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, ...(body !== undefined ? { body } : {}) })
  const text = await res.text()
  let parsed: unknown
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    parsed = undefined
  }
  return { status: res.status, headers: res.headers, text, body: parsed }
}

/** The newest CAF journal entry: over HTTP on the server, in-process with msw. */
export async function lastCafEntry(t: Transport): Promise<JournalEntry> {
  let entries: JournalEntry[]
  if (t.adminUrl) {
    const res = await fetch(`${t.adminUrl}/requests?vendor=caf&limit=1`)
    entries = ((await res.json()) as { requests: JournalEntry[] }).requests
  } else entries = t.sandbox.admin.requests({ vendor: 'caf', limit: 1 })
  if (entries.length !== 1) throw new Error('no CAF request in the journal')
  return entries[0]!
}

/** CAF's error payload: exactly `{requestId, message}`, requestId a UUID. */
export function expectCafError(a: Answer, status: number, message?: string | RegExp): void {
  if (a.status !== status) throw new Error(`expected ${status}, got ${a.status}: ${a.text}`)
  if (!a.body || typeof a.body !== 'object') throw new Error(`not a JSON object: ${a.text}`)
  const keys = Object.keys(a.body).sort()
  if (keys.join(',') !== 'message,requestId') throw new Error(`unexpected keys ${keys.join(',')}`)
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(a.body.requestId)) {
    throw new Error(`requestId is not a UUID: ${a.body.requestId}`)
  }
  if (message instanceof RegExp ? !message.test(a.body.message) : message !== undefined && a.body.message !== message) {
    throw new Error(`unexpected message ${a.body.message}`)
  }
}

/** Admin calls: HTTP on the server transport, `sandbox.caf` with msw. */
export async function adminCaf(t: Transport, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: any }> {
  if (!t.adminUrl) throw new Error('adminCaf needs the server transport')
  const res = await fetch(`${t.adminUrl}/caf${path}`, {
    method,
    // The admin API takes state changes only as application/json, body or not.
    ...(method === 'POST' ? { headers: { 'content-type': 'application/json' } } : {}),
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  return { status: res.status, body: await res.json() }
}
