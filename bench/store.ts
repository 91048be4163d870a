// The store's keyed operations at 50,000 rows (one model, two scopes), per operation, best of 5
// rounds (the machine may be shared): `npx tsx bench/store.ts [rows]`. docs/architecture.md
// quotes its numbers.
import * as v from 'valibot'
import { model } from '../src/core/model.ts'
import { createStore } from '../src/core/store.ts'

const N = Number(process.argv[2] ?? 50_000)
const models = { client: model('id', { id: v.string(), createdAtMs: v.number(), document: v.string() }) }
const store = createStore(models, ['sandbox', 'live'], 'environment')
const clients = store.in('sandbox').client
const keys = Array.from({ length: 1000 }, (_, i) => `c${(i * 7919) % N}`)

function timed(label: string, ops: number, work: () => void, rounds = 5): void {
  let best = Number.POSITIVE_INFINITY
  for (let r = 0; r < rounds; r++) {
    const started = performance.now()
    work()
    best = Math.min(best, performance.now() - started)
  }
  console.log(`${label.padEnd(26)} ${((best / ops) * 1000).toFixed(2).padStart(10)} µs/op  (${ops} ops, best of ${rounds}: ${best.toFixed(1)} ms)`)
}

timed(`insert ×${N}`, N, () => {
  store.clear()
  for (let i = 0; i < N; i++) clients.insert({ id: `c${i}`, createdAtMs: i, document: '{"type":"person"}' })
})
timed('get by key', keys.length, () => {
  for (const k of keys) clients.get(k)
})
timed('update by key', keys.length, () => {
  for (const k of keys) clients.update(k, { document: '{"type":"company"}' })
})
timed('delete by key (+ insert)', keys.length, () => {
  for (const k of keys) clients.delete(k) && clients.insert({ id: k, createdAtMs: 0, document: '{}' })
})
const dump = JSON.parse(JSON.stringify(store.dump())) as unknown
timed(`dump (${N} rows)`, 1, () => store.dump())
timed('load (checked)', 1, () => store.load(dump, 'db'), 3)
timed('clear (+ load)', 1, () => {
  store.clear()
  store.load(dump, 'db')
}, 3)
