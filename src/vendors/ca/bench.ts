// What `npm run bench` loads CA with (src/vendors/kit.ts): a token request with a fresh
// client_txn_id on every call.
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
