// `serve --state` against the same server without it: 200 sequential POST /v1/clients over
// prebuilt states of 100 to 50,000 clients (write mean/p95), GET /v1/clients?pageSize=10 (p50),
// the database's size and the process's RSS. Called by `npm run bench`; alone:
// `npx tsx bench/state.ts` (after `npm run build`; BENCH_STATE_SIZES=100,1000 for fewer sizes).
// The prebuilt state is a seed given as fixtures (--config): the in-memory server holds it as its
// seed; the --state one is started once with it to create its database, then again with the
// default seed to load it, as a long-lived sandbox holds its rows. (Loading with the 50,000-client
// seed as well holds the data twice at start: RSS 1.7× in memory's, measured 2026-12-02.)
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startChild, type Child } from './processes.ts'
import { createSandbox } from '../src/sandbox.ts'
import { loadSqlite } from '../src/server/sqlite.ts'
import { buildStateDb, openStateDb } from '../src/server/state-db.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SIZES = (process.env.BENCH_STATE_SIZES ?? '100,1000,10000,50000').split(',').map(Number)
const WRITES = 200
const LISTS = 50
const KEY = 'test_tokensandbox_default_0001'

export interface StateRow {
  clients: number
  mode: 'memory' | 'state'
  writeMeanMs: number
  writeP95Ms: number
  listP50Ms: number
  rssMb: number
  fileMb: number | null
  walMb: number | null
  startMs: number
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits
const mb = (b: number) => round(b / 1048576, 1)
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

/** A config whose ComplyCube fixtures hold `n` clients (the default keys kept). */
function writeConfig(dir: string, n: number): string {
  const base = Date.UTC(2025, 0, 1)
  const clients = Array.from({ length: n }, (_, i) => ({
    environment: 'sandbox',
    id: i.toString(16).padStart(24, '0'),
    type: 'person',
    email: `bench-${i}@example.com`,
    personDetails: { firstName: 'Bench', lastName: `Client${i}` },
    createdAt: new Date(base + i * 1000).toISOString(),
  }))
  const apiKeys = [{ key: KEY, name: 'Default test key', environment: 'sandbox' }]
  const fixtures = join(dir, `complycube-${n}.json`)
  writeFileSync(fixtures, JSON.stringify({ apiKeys, clients }))
  const config = join(dir, `config-${n}.json`)
  writeFileSync(config, JSON.stringify({ fixtures: { complycube: fixtures } }))
  return config
}

function start(config: string | null, state: string | null): Promise<Child & { startMs: number }> {
  const args = [`${ROOT}bin/token-sandbox.js`, 'serve', '--port', '0', '--quiet', '--log', 'off', ...(config ? ['--config', config] : []), ...(state ? ['--state', state] : [])]
  return startChild(process.execPath, args, {
    urlPattern: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    probe: async (url) => (await fetch(`${url}/__sandbox/health`)).ok,
    timeoutMs: 120_000,
  })
}

async function timed(send: () => Promise<Response>, expected: number): Promise<number> {
  const t = performance.now()
  const res = await send()
  await res.arrayBuffer()
  const ms = performance.now() - t
  if (res.status !== expected) throw new Error(`expected ${expected}, got ${res.status}`)
  return ms
}

async function measure(child: Child, clients: number, mode: StateRow['mode'], state: string | null, startMs: number): Promise<StateRow> {
  const headers = { 'content-type': 'application/json', authorization: KEY }
  let n = 0
  const write = () =>
    timed(() => fetch(`${child.url}/complycube/v1/clients`, { method: 'POST', headers, body: JSON.stringify({ type: 'person', email: `w${n++}@example.com`, personDetails: { firstName: 'W', lastName: 'R' } }) }), 200)
  const list = () => timed(() => fetch(`${child.url}/complycube/v1/clients?pageSize=10`, { headers }), 200)
  for (let i = 0; i < 20; i++) await write() // warm-up
  const writes: number[] = []
  for (let i = 0; i < WRITES; i++) writes.push(await write())
  const lists: number[] = []
  for (let i = 0; i < LISTS; i++) lists.push(await list())
  const sizeOf = (f: string) => (existsSync(f) ? statSync(f).size : 0)
  return {
    clients,
    mode,
    writeMeanMs: round(mean(writes)),
    writeP95Ms: round(quantile(writes, 0.95)),
    listP50Ms: round(quantile(lists, 0.5)),
    rssMb: mb(child.rss()),
    fileMb: state ? mb(sizeOf(state)) : null,
    // Up to ~4 MB (SQLite checkpoints it at 1,000 pages and then reuses it).
    walMb: state ? mb(sizeOf(`${state}-wal`)) : null,
    startMs: Math.round(startMs),
  }
}

/**
 * The database's own cost of a write at `clients` rows: one transaction adding one client row
 * (and savedAt), committed and fsync'ed, as a write with the sandbox's change feed makes it.
 */
async function storeWrite(dir: string, config: string, clients: number): Promise<{ meanMs: number; p95Ms: number }> {
  const { readFileSync } = await import('node:fs')
  const fixtures = JSON.parse(readFileSync(JSON.parse(readFileSync(config, 'utf8')).fixtures.complycube, 'utf8'))
  const sandbox = createSandbox({ fixtures: { complycube: fixtures } })
  const sqlite = await loadSqlite()
  const file = join(dir, `store-${clients}.db`)
  writeFileSync(file, '', { mode: 0o600 })
  buildStateDb(sqlite, file, sandbox.snapshot(), sandbox.rowKeyField)
  const db = openStateDb(sqlite, file, file, sandbox.rowKeyField)
  const row = sandbox.snapshot().vendors.complycube as { db: { client: Record<string, unknown>[] } }
  const template = row.db.client[0]!
  const times: number[] = []
  for (let i = 0; i < 20 + WRITES; i++) {
    const key = `new${String(i).padStart(21, '0')}`
    const t = performance.now()
    db.write([{ vendor: 'complycube', model: 'client', key, row: { ...template, id: key } }], new Map([['savedAt', new Date().toISOString()]]))
    if (i >= 20) times.push(performance.now() - t)
  }
  db.close()
  return { meanMs: round(mean(times)), p95Ms: round(quantile(times, 0.95)) }
}

export async function benchState(): Promise<{ rows: StateRow[]; lines: string[] }> {
  if (!existsSync(`${ROOT}dist/cli.mjs`)) throw new Error('run `npm run build` first (bench measures the built CLI)')
  const dir = mkdtempSync(join(tmpdir(), 'token-sandbox-bench-state-'))
  const rows: StateRow[] = []
  const store = new Map<number, { meanMs: number; p95Ms: number }>()
  try {
    for (const clients of SIZES) {
      const config = writeConfig(dir, clients)
      store.set(clients, await storeWrite(dir, config, clients))
      const memory = await start(config, null)
      rows.push(await measure(memory, clients, 'memory', null, memory.startMs))
      await memory.stop()
      const state = join(dir, `state-${clients}.db`)
      await (await start(config, state)).stop() // creates the database from the seed
      // As a long-lived sandbox runs: its rows in the database, its seed the default one (a
      // 50,000-client seed would be held twice at start: parsed from the config, then replaced).
      const loaded = await start(null, state)
      rows.push(await measure(loaded, clients, 'state', state, loaded.startMs))
      await loaded.stop()
      console.error(`  state bench: ${clients} clients done`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const lines = [
    '| clients | `--state` write mean / p95 | database transaction alone mean / p95 | database + WAL | RSS `--state` / in memory | write in memory | list p50 `--state` / memory | start (loaded) |',
    '|---|---|---|---|---|---|---|---|',
  ]
  for (const clients of SIZES) {
    const s = rows.find((r) => r.clients === clients && r.mode === 'state')!
    const m = rows.find((r) => r.clients === clients && r.mode === 'memory')!
    lines.push(
      `| ${clients.toLocaleString('en')} | ${s.writeMeanMs} / ${s.writeP95Ms} ms | ${store.get(clients)!.meanMs} / ${store.get(clients)!.p95Ms} ms | ${s.fileMb} + ${s.walMb} MB | ${s.rssMb} / ${m.rssMb} MB (${round(s.rssMb / m.rssMb)}×) | ${m.writeMeanMs} ms | ${s.listP50Ms} / ${m.listP50Ms} ms | ${s.startMs} ms |`,
    )
  }
  const small = rows.find((r) => r.mode === 'state' && r.clients === SIZES[0])!
  const large = rows.find((r) => r.mode === 'state' && r.clients === SIZES[SIZES.length - 1])!
  const largeMemory = rows.find((r) => r.mode === 'memory' && r.clients === SIZES[SIZES.length - 1])!
  lines.push(
    '',
    `write mean at ${large.clients.toLocaleString('en')} / at ${small.clients.toLocaleString('en')}: ${round(large.writeMeanMs / small.writeMeanMs)}× (acceptance ≤ 2×); ` +
      `the transaction alone: ${round(store.get(large.clients)!.meanMs / store.get(small.clients)!.meanMs)}×; ` +
      `RSS with --state / in memory at ${large.clients.toLocaleString('en')}: ${round(large.rssMb / largeMemory.rssMb)}× (≤ 1.5×)`,
  )
  return { rows: rows.map((r) => (r.mode === 'state' ? { ...r, store: store.get(r.clients) } : r)), lines }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { lines } = await benchState()
  console.log(lines.join('\n'))
}
