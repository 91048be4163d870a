// `serve --state` against the same server without it, with the reference vendor's rows (its
// bench.ts's `state`: ComplyCube's clients): 200 sequential writes over prebuilt states of 100 to
// 50,000 rows (write mean/p95), a page listed (p50),
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
import { reference } from './scenarios.ts'
import { loadBench, type BenchScenario } from '../src/vendors/kit.ts'
import { vendorDefinitions } from '../src/vendors/registry.ts'
import { createSandbox } from '../src/node/sandbox.ts'
import { loadSqlite } from '../src/server/sqlite.ts'
import { buildStateDb, openStateDb } from '../src/server/state-db.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SIZES = (process.env.BENCH_STATE_SIZES ?? '100,1000,10000,50000').split(',').map(Number)
const WRITES = 200
const LISTS = 50
const { vendor } = reference
const kit = (await loadBench(vendorDefinitions[vendor as keyof typeof vendorDefinitions])).state
if (!kit) throw new Error(`the reference vendor's bench.ts (${vendor}) exports no \`state\` (src/vendors/kit.ts: StateBench)`)
const bench = kit

export interface StateRow {
  /** How many rows the state held (the reference vendor's `state.rows`). */
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

/** A config whose reference-vendor fixtures hold `n` rows. */
function writeConfig(dir: string, n: number): string {
  const fixtures = join(dir, `${vendor}-${n}.json`)
  writeFileSync(fixtures, JSON.stringify(bench.fixtures(n)))
  const config = join(dir, `config-${n}.json`)
  writeFileSync(config, JSON.stringify({ fixtures: { [vendor]: fixtures } }))
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
  let n = 0
  const send = (r: BenchScenario) => fetch(child.url + r.path, { method: r.method, headers: r.headers, body: r.body ?? null })
  const write = () => timed(() => send(bench.write(n++)), 200)
  const list = () => timed(() => send(bench.list), 200)
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
  const fixtures = JSON.parse(readFileSync(JSON.parse(readFileSync(config, 'utf8')).fixtures[vendor], 'utf8'))
  const sandbox = createSandbox({ fixtures: { [vendor]: fixtures } })
  const sqlite = await loadSqlite()
  const file = join(dir, `store-${clients}.db`)
  writeFileSync(file, '', { mode: 0o600 })
  buildStateDb(sqlite, file, sandbox.snapshot(), sandbox.rowKeyField)
  const db = openStateDb(sqlite, file, file, sandbox.rowKeyField)
  const part = sandbox.snapshot().vendors[vendor as keyof typeof vendorDefinitions] as { db: Record<string, Record<string, unknown>[]> }
  const template = part.db[bench.model]![0]!
  const field = sandbox.rowKeyField(vendor, bench.model)!
  const times: number[] = []
  for (let i = 0; i < 20 + WRITES; i++) {
    const key = `new${String(i).padStart(21, '0')}`
    const t = performance.now()
    db.write([{ vendor, model: bench.model, key, row: { ...template, [field]: key } }], new Map([['savedAt', new Date().toISOString()]]))
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
      console.error(`  state bench: ${clients} ${bench.rows} done`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const lines = [
    `| ${bench.rows} | \`--state\` write mean / p95 | database transaction alone mean / p95 | database + WAL | RSS \`--state\` / in memory | write in memory | list p50 \`--state\` / memory | start (loaded) |`,
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
