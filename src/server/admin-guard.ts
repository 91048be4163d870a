// The admin API (/__sandbox/...) can reset state, move the clock and mint tokens: open on
// loopback, behind an admin token when the server listens anywhere else. The token comes as
// `Authorization: Bearer <token>` or `x-sandbox-admin-token: <token>` and is compared in
// constant time (both sides hashed first, so their lengths give nothing away either).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'
import { adminError } from '../admin/errors.ts'
import type { SandboxResponse } from '../core/types.ts'
import { ADMIN_PREFIX } from '../sandbox.ts'
import type { Handle } from './persist.ts'

/** 127.0.0.0/8, ::1 (and its IPv4-mapped form) and `localhost`. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  if (h === 'localhost') return true
  if (isIP(h) === 4) return h.startsWith('127.')
  if (isIP(h) === 6) {
    // The URL parser writes IPv6 addresses canonically: ::1, and ::ffff:127.x.y.z as ::ffff:7fxx:….
    const canonical = new URL(`http://[${h}]/`).hostname
    return canonical === '[::1]' || canonical.startsWith('[::ffff:7f')
  }
  return false
}

export function generateAdminToken(): string {
  return randomBytes(24).toString('base64url')
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()

/** Whether `presented` is `expected`, in time that does not depend on where they differ. */
export function sameToken(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected))
}

export function isAdminPath(pathname: string): boolean {
  return pathname === ADMIN_PREFIX || pathname.startsWith(ADMIN_PREFIX + '/')
}

function presentedTokens(headers: Record<string, string>): string[] {
  const out: string[] = []
  const header = headers['x-sandbox-admin-token']
  if (header) out.push(header.trim())
  const bearer = /^\s*Bearer\s+(\S+)\s*$/i.exec(headers['authorization'] ?? '')
  if (bearer) out.push(bearer[1]!)
  return out
}

const unauthorized = (message: string): SandboxResponse => {
  const res = adminError(401, 'unauthorized', message)
  res.headers['www-authenticate'] = 'Bearer realm="token-sandbox admin"'
  return res
}

/** Requests under /__sandbox must carry `token`; the vendors' APIs are untouched. */
export function guardAdmin(handle: Handle, token: string): Handle {
  if (token === '') throw new RangeError('the admin token must not be empty')
  return async (request) => {
    if (!isAdminPath(request.url.pathname)) return handle(request)
    const presented = presentedTokens(request.headers)
    if (presented.length === 0) {
      return unauthorized('The admin API needs the admin token: send Authorization: Bearer <token> or x-sandbox-admin-token')
    }
    // Every presented value is compared, so the time taken does not say which one was checked.
    let ok = false
    for (const p of presented) ok = sameToken(p, token) || ok
    return ok ? handle(request) : unauthorized('The admin token is wrong')
  }
}
