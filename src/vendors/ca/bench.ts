// What `npm run bench` loads CA with (src/vendors/kit.ts): a token request with a fresh
// client_txn_id on every call; `npm run soak` adds an account API called with a token.
import { randomUUID } from 'node:crypto'
import type { BenchScenario } from '../kit.ts'

export const scenario: BenchScenario = {
  method: 'POST',
  path: '/ca/hedmoral/token',
  headers: { 'content-type': 'application/json' },
  body: '{}',
  does: 'POST /token: the password checked, a new token signed',
  goal: 0.3,
  fresh: () => ({
    body: JSON.stringify({ client_txn_id: randomUUID(), client_app_id: 'BENCH_OPS', username: 'hedmoral_admin', password: 'Hedmoral-Sandbox-1' }),
  }),
}

/** The soak's CA requests: POST /token, then Linked Accounts with a token got first. */
export async function soak(url: string): Promise<BenchScenario[]> {
  const res = await fetch(url + scenario.path, { method: 'POST', headers: scenario.headers, body: scenario.fresh!().body! })
  if (res.status !== 200) throw new Error(`CA /token answered ${res.status}`)
  const { token } = (await res.json()) as { token: string }
  return [scenario, { method: 'GET', path: '/ca/hedmoral/accounts/ACC-1001/links?tenant_id=hedmoral', headers: { authorization: token } }]
}
