// No vendor's signing secret, and no token it signed, shows in what the sandbox shows: for every
// registered vendor, and a new one (the scratch Onfido), derived from the registry. Each vendor is
// driven with its bench scenario (src/vendors/<name>/bench.ts: a request that makes it sign or
// verify a token with its secret); its secrets are whatever its snapshot keeps under a key named
// like a secret (`signingSecret`, CA's per-tenant `secrets`). The credentials each vendor takes
// from integrators, misplaced and near-missed, are ./secrets-hygiene.test.ts's, vendor by vendor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandboxWith } from '../../src/sandbox.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { vendorDefinitions } from '../../src/vendors/registry.ts'
import { scenariosOf } from '../../bench/scenarios.ts'
import { onfido } from '../fixtures/vendors/onfido/index.ts'

const registry = { ...vendorDefinitions, onfido }
const scenarios = await scenariosOf(registry)

/** Every string under a key named like a secret, at any depth (rows left out: they are the vendor's data). */
function secretsIn(value: unknown, named = false): string[] {
  if (typeof value === 'string') return named ? [value] : []
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([k, v]) => (k === 'db' ? [] : secretsIn(v, named || /secret/i.test(k))))
}

/** JWT-shaped strings in an answer: what the vendor signed. */
const tokensIn = (text: string): string[] => text.match(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{16,}/g) ?? []

let running: RunningServer
beforeAll(async () => {
  running = await startServer({ sandbox: createSandboxWith(registry), host: '127.0.0.1', port: 0 })
})
afterAll(() => running.close())

describe.each(Object.keys(registry))('%s’s secrets', (name) => {
  it('are driven, then found nowhere the sandbox shows them', async () => {
    const scenario = scenarios[name]!
    const signed: string[] = []
    for (let i = 0; i < 3; i++) {
      const fresh = scenario.fresh?.()
      const res = await fetch(running.url + scenario.path, { method: scenario.method, headers: { ...scenario.headers, ...fresh?.headers }, body: fresh?.body ?? scenario.body })
      const text = await res.text()
      expect(res.status, text).toBeLessThan(300)
      signed.push(...tokensIn(text), ...tokensIn(JSON.stringify(fresh ?? {})))
    }
    expect(signed.length, 'the scenario signed or presented a token').toBeGreaterThan(0)
    const secrets = secretsIn(running.sandbox.snapshot().vendors[name as keyof typeof vendorDefinitions])
    expect(secrets.length, `${name} keeps a signing secret in its snapshot`).toBeGreaterThan(0)

    const admin = (path: string) => fetch(`${running.url}/__sandbox${path}`).then((r) => r.text())
    const places: [string, string][] = [
      ['the journal', await admin(`/requests?vendor=${name}&limit=100`)],
      ['/__sandbox/tokens', await admin('/tokens')],
      ['/__sandbox/vendors', await admin('/vendors')],
      ['the banner', JSON.stringify(running.sandbox.describe())],
    ]
    expect(places[0]![1]).toContain(scenario.path.split('?')[0]!.split('/').pop()!)
    const leaks: string[] = []
    for (const [where, text] of places) {
      for (const secret of secrets) {
        for (let i = 0; i + 8 <= secret.length; i++) {
          if (text.includes(secret.slice(i, i + 8))) {
            leaks.push(`a signing secret (…${secret.slice(i, i + 8)}…) in ${where}`)
            break
          }
        }
      }
      for (const token of signed) if (text.includes(token.split('.')[2]!)) leaks.push(`a token's signature in ${where}`)
    }
    expect(leaks).toEqual([])
  })
})
