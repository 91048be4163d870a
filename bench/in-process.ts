// In-process cost: mean ms per request through msw's setupServer, for a trivial handler (the
// baseline) and for the sandbox's ComplyCube token request. Sequential requests, same process.
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { setupSandboxServer } from '../mocks/node.ts'

const BODY = JSON.stringify({ clientId: '5eb04fcd0f3e360008035eb1', referrer: 'https://www.example.com/*' })
const HEADERS = { authorization: 'test_tokensandbox_default_0001', 'content-type': 'application/json' }

async function meanMs(n: number, once: () => Promise<void>): Promise<number> {
  for (let i = 0; i < 200; i++) await once() // warm-up
  const started = performance.now()
  for (let i = 0; i < n; i++) await once()
  return (performance.now() - started) / n
}

export async function inProcess(n = 2000): Promise<{ trivialMs: number; sandboxMs: number; ratio: number }> {
  const call = async () => {
    const res = await fetch('https://api.complycube.com/v1/tokens', { method: 'POST', headers: HEADERS, body: BODY })
    if (res.status !== 200) throw new Error(`status ${res.status}`)
    await res.json()
  }

  const trivial = setupServer(http.post('https://api.complycube.com/v1/tokens', () => HttpResponse.json({ token: 'x.y.z' })))
  trivial.listen({ onUnhandledRequest: 'error' })
  const trivialMs = await meanMs(n, call)
  trivial.close()

  const { server } = setupSandboxServer({ seed: 'bench', journalSize: 1000 })
  server.listen({ onUnhandledRequest: 'error' })
  const sandboxMs = await meanMs(n, call)
  server.close()

  return { trivialMs, sandboxMs, ratio: sandboxMs / trivialMs }
}
