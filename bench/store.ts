// The store's keyed operations at 50,000 rows (one model, one scope), per operation:
// `npx tsx bench/store.ts [rows]`. docs/architecture.md quotes its numbers.
import * as z from 'zod/mini'
import { createStore, model } from '../src/core/store.ts'

const N = Number(process.argv[2] ?? 50_000)
const models = { client: model('id', { id: z.string(), createdAtMs: z.number(), document: z.string() }) }
const store = createStore(models, ['sandbox', 'live'], 'environment')
const clients = store.in('sandbox').client

function timed(label: string, ops: number, work: () => void): void {
  const started = performance.now()
  work()
  const ms = performance.now() - started
  console.log(`${label.padEnd(24)} ${((ms / ops) * 1000).toFixed(2).padStart(10)} µs/op  (${ops} ops, ${ms.toFixed(0)} ms)`)
}

const keys = Array.from({ length: 1000 }, (_, i) => `c${(i * 7919) % N}`)
timed(`insert ×${N}`, N, () => {
  for (let i = 0; i < N; i++) clients.insert({ id: `c${i}`, createdAtMs: i, document: '{"type":"person"}' })
})
timed('get by key', keys.length, () => {
  for (const k of keys) clients.get(k)
})
timed('update by key', keys.length, () => {
  for (const k of keys) clients.update(k, { document: '{"type":"company"}' })
})
timed('delete by key', keys.length, () => {
  for (const k of keys) clients.delete(k)
})
const dump = JSON.parse(JSON.stringify(store.dump())) as unknown
timed(`dump (${N - keys.length} rows)`, 1, () => store.dump())
timed('load (checked)', 1, () => store.load(dump, 'db'))
timed('clear', 1, () => store.clear())
