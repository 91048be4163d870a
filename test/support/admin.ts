// Drives the sandbox surface the way each transport offers it: over HTTP on the standalone
// server, through the in-process methods with msw. Both must give the same answers.
import type { Transport } from './transports.ts'

export async function adminPost(t: Transport, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(`${t.adminUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`admin ${path} answered ${res.status}: ${await res.text()}`)
  return res.json()
}

export async function advanceClock(t: Transport, by: string): Promise<void> {
  if (t.adminUrl) await adminPost(t, '/clock/advance', { by })
  else {
    const { parseDuration } = await import('../../src/core/clock.ts')
    t.sandbox.clock.advance(parseDuration(by)!)
  }
}

export async function verifyComplyCubeToken(
  t: Transport,
  input: { token: string; referrer?: string; appId?: string; environment?: 'sandbox' | 'live' },
): Promise<{ accepted: boolean; verdict: string; secondsLeft?: number; clientId?: string; environment?: string }> {
  if (t.adminUrl) return adminPost(t, '/complycube/tokens/verify', input)
  return t.sandbox.complycube.verifyToken(input)
}
