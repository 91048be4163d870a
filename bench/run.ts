// npm run bench: the sandbox against its limit (bare node:http) and the peers an integrator
// would pick instead (WireMock, oauth2-mock-server, Prism), all started by this run, on the same
// machine, on 127.0.0.1 only, bounded in time. Prints and writes bench/results/latest.{json,md}.
//
// Order: the peers are started and warmed until their throughput settles, and kept running;
// then ROUNDS rounds, each measuring a fresh bare server, a fresh sandbox per vendor, then every
// peer, so each round's ratios pair servers measured within seconds of each other (this machine
// drifts by ±20 % within minutes). Then start-up times, the memory run and the in-process cost.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { busyBeforeRun, cpuTimes, machine, otherWork, stealShare } from './host.ts'
import { inProcessIsolated } from './in-process.ts'
import { load, type LoadRequest, type LoadResult } from './load.ts'
import { oauth2 } from './peers/oauth2.ts'
import type { Peer } from './peers/peer.ts'
import { prism } from './peers/prism.ts'
import { javaMajor, wiremock } from './peers/wiremock.ts'
import type { Child } from './processes.ts'
import { pct, renderMarkdown, spread, times, type Row, type Target } from './report.ts'
import { referenceOf, scenarios } from './scenarios.ts'
import { startBare, startSandbox } from './servers.ts'
import { benchState } from './state.ts'
import { median, medianRun, pairedRatios } from './stats.ts'
import { warmUntilStable } from './warm.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

function knob(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]
  const value = raw === undefined || raw === '' ? fallback : Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got ${raw}`)
  return value
}
const DURATION = knob('BENCH_DURATION', 5, 1, 120)
const ROUNDS = knob('BENCH_ROUNDS', 5, 1, 15)
const CONNECTIONS = knob('BENCH_CONNECTIONS', 50, 1, 1000)
const LONG_RUN = knob('BENCH_LONG_REQUESTS', 1_000_000, 1_000, 10_000_000)
const STARTS = knob('BENCH_STARTS', 7, 1, 50)
const PEER_STARTS = knob('BENCH_PEER_STARTS', 3, 0, 20)
/** Seconds to wait, at most, for the machine to be quiet (under 15 % busy) before starting. */
const WAIT_QUIET = knob('BENCH_WAIT_QUIET', 0, 0, 3600)
const QUIET = 0.15

const mb = (b: number) => Math.round((b / 1048576) * 10) / 10
const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!

/** The command that reproduces this run: the knobs set, then the script. */
function command(): string {
  const knobs = Object.keys(process.env)
    .filter((k) => k.startsWith('BENCH_'))
    .sort()
    .map((k) => `${k}=${process.env[k]}`)
  return [...knobs, process.env.npm_lifecycle_event === 'bench' ? 'npm run bench' : 'npx tsx bench/run.ts'].join(' ')
}

async function measure(label: string, child: Child, request: LoadRequest): Promise<LoadResult> {
  await load(child.url, request, { connections: CONNECTIONS, durationSec: 2 }) // warm-up
  const r = await load(child.url, request, { connections: CONNECTIONS, durationSec: DURATION, sampleRss: child.rss })
  console.error(`  ${label}: ${r.requestsPerSec} 2xx/s, p99 ${r.latencyP99} ms, errors ${r.errors}, non-2xx ${r.non2xx}, RSS ${mb(r.peakRssBytes ?? 0)} MB`)
  return r
}

/** Measures a fresh process: started, measured once, its CPU time handed to `ledger`, stopped. */
async function measureFresh(label: string, start: () => Promise<Child>, request: LoadRequest, ledger: ReturnType<typeof otherWork>): Promise<LoadResult> {
  const child = await start()
  try {
    return await measure(label, child, request)
  } finally {
    ledger.addChild(child.cpuTicks())
    await child.stop()
  }
}

interface Running {
  peer: Peer
  child: Child
  row: Row
}

/** Starts and warms every peer that can run here; a peer that cannot is a row saying why. */
async function startPeers(peers: Peer[]): Promise<{ running: Running[]; rows: Row[] }> {
  const running: Running[] = []
  const rows: Row[] = []
  for (const peer of peers) {
    const row: Row = { key: peer.name, name: peer.name, does: peer.does, kind: 'peer', rounds: [], median: null, peakRssMb: null, startMs: null }
    rows.push(row)
    const reason = peer.unavailable()
    if (reason) {
      row.skipped = reason
      console.error(`  ${peer.name} skipped: ${reason}`)
      continue
    }
    let child: Child | null = null
    try {
      child = await peer.start()
      console.error(`  ${peer.name}: up in ${Math.round(child.startMs)} ms`)
      if (peer.slowWarmUp) {
        row.warm = await warmUntilStable(child, peer.request, { connections: CONNECTIONS })
        console.error(`  ${peer.name}: warm-up rounds ${row.warm.rounds.join(', ')} 2xx/s (${row.warm.settled ? 'settled' : 'NOT settled'} after ${row.warm.seconds} s)`)
      }
      running.push({ peer, child, row })
    } catch (e) {
      row.skipped = `failed: ${firstLine(e)}`
      console.error(`  ${peer.name} skipped, it failed: ${e instanceof Error ? e.message : e}`)
      await child?.stop()
    }
  }
  return { running, rows }
}

/** Median start-to-first-response of `n` fresh starts, each stopped again. */
async function startTimes(start: () => Promise<Child>, n: number): Promise<number[]> {
  const ms: number[] = []
  for (let i = 0; i < n; i++) {
    const c = await start()
    ms.push(c.startMs)
    await c.stop()
  }
  return ms
}

async function main() {
  if (!existsSync(`${ROOT}dist/cli.mjs`)) throw new Error('run `npm run build` first (the bench measures the built CLI)')
  const java = javaMajor()

  let busy = await busyBeforeRun()
  for (const until = performance.now() + WAIT_QUIET * 1000; busy !== null && busy > QUIET && performance.now() < until; busy = await busyBeforeRun()) {
    console.error(`waiting for a quiet machine: ${pct(busy)} of the CPU busy with other work`)
  }
  if (busy !== null && busy > QUIET) console.error(`warning: ${pct(busy)} of the CPU was busy with other work before the run; its numbers are not comparable`)
  const date = new Date().toISOString()
  const hostAtStart = cpuTimes()
  console.error('peers: start (a JVM warmed until two 3 s rounds are within 5 %)')
  const peers = await startPeers([wiremock, oauth2, prism])

  // One row a registered vendor, from its bench.ts; the reference one first (the peers answer its canned token).
  const [referenceName, reference] = referenceOf(scenarios)
  const vendors = [referenceName, ...Object.keys(scenarios).filter((name) => name !== referenceName)]
  const bare: Row = { key: 'bare', name: 'bare node:http', does: 'the canned token, body read', kind: 'limit', rounds: [], median: null, peakRssMb: null, startMs: null }
  const sandbox: Row[] = vendors.map((key) => ({ key, name: `sandbox ${key}`, does: scenarios[key]!.does ?? `${scenarios[key]!.method} ${scenarios[key]!.path}`, kind: 'sandbox', rounds: [], median: null, peakRssMb: null, startMs: null }))

  console.error(`throughput: ${ROUNDS} rounds`)
  const ledger = otherWork()
  const peerTicksAtStart = peers.running.map((p) => p.child.cpuTicks())
  let otherWorkDuringRounds: number | null
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      bare.rounds.push(await measureFresh(`bare node:http (round ${round})`, startBare, reference, ledger))
      for (const row of sandbox) {
        row.rounds.push(await measureFresh(`${row.name} (round ${round})`, startSandbox, scenarios[row.key]!, ledger))
      }
      for (const p of peers.running) p.row.rounds.push(await measure(`${p.peer.name} (round ${round})`, p.child, p.peer.request))
    }
    peers.running.forEach((p, i) => ledger.addChild(p.child.cpuTicks() - peerTicksAtStart[i]!))
    otherWorkDuringRounds = ledger.share()
  } finally {
    for (const p of peers.running) await p.child.stop()
  }
  const hostAfterRounds = cpuTimes()
  if (otherWorkDuringRounds !== null && otherWorkDuringRounds > 0.1) {
    console.error(`warning: ${pct(otherWorkDuringRounds)} of the CPU went to other work during the rounds; the ratios are not comparable`)
  }

  const rows = [bare, ...sandbox, ...peers.rows]
  for (const row of rows) {
    if (row.rounds.length === 0) continue
    row.median = medianRun(row.rounds)
    row.peakRssMb = mb(Math.max(...row.rounds.map((r) => r.peakRssBytes ?? 0)))
  }
  const vsBare = Object.fromEntries(rows.filter((r) => r.rounds.length).map((r) => [r.key, pairedRatios(r.rounds, bare.rounds)]))
  const referenceRow = sandbox[0]!
  const vsReference = Object.fromEntries(peers.rows.filter((r) => r.rounds.length).map((r) => [r.key, pairedRatios(referenceRow.rounds, r.rounds)]))

  console.error('start-to-first-response')
  // serve and bare node alternate, so both see the host in the same moods.
  const starts = { sandbox: [] as number[], bare: [] as number[], peers: {} as Record<string, number[]> }
  for (let i = 0; i < STARTS; i++) {
    starts.sandbox.push(...(await startTimes(startSandbox, 1)))
    starts.bare.push(...(await startTimes(startBare, 1)))
  }
  for (const p of peers.running) {
    try {
      starts.peers[p.peer.name] = await startTimes(() => p.peer.start(), PEER_STARTS)
      p.row.startMs = PEER_STARTS ? median(starts.peers[p.peer.name]!) : null
    } catch (e) {
      console.error(`  ${p.peer.name}: a restart failed, its start time is left out: ${firstLine(e)}`)
    }
  }
  bare.startMs = median(starts.bare)
  referenceRow.startMs = median(starts.sandbox)
  console.error(`  serve ${Math.round(referenceRow.startMs)} ms, bare node ${Math.round(bare.startMs)} ms`)

  console.error(`memory over ${LONG_RUN} requests`)
  const long = await startSandbox()
  let longRun: LoadResult & { rssBefore: number; rssAfter: number }
  try {
    await load(long.url, reference, { connections: CONNECTIONS, amount: 50_000 })
    const rssBefore = long.rss()
    const r = await load(long.url, reference, { connections: CONNECTIONS, amount: LONG_RUN, sampleRss: long.rss })
    longRun = { ...r, rssBefore, rssAfter: long.rss() }
  } finally {
    await long.stop()
  }
  const rssGrowth = longRun.rssAfter / longRun.rssBefore - 1
  console.error(`  ${mb(longRun.rssBefore)} → ${mb(longRun.rssAfter)} MB, ${longRun.requests} requests, ${longRun.errors} errors`)

  console.error('in-process (msw setupServer, 2000 sequential requests, alternating rounds)')
  const inproc = await inProcessIsolated(2000).catch((e: unknown) => {
    console.error(`  in-process left out: ${firstLine(e)}`)
    return null
  })

  const peerRow = (p: Peer) => peers.rows.find((r) => r.key === p.name)!
  const vsPeer = (p: Peer, goal: number, what: string): Target => {
    const row = peerRow(p)
    const ratios = vsReference[p.name]
    if (!ratios) return { what, target: `≥ ${goal}×`, measured: `n/a: ${row.skipped}`, met: null }
    return { what, target: `≥ ${goal}×`, measured: spread(ratios, times), met: median(ratios) >= goal }
  }
  const share = (key: string, goal: number, what: string): Target => ({ what, target: `≥ ${goal * 100} %`, measured: spread(vsBare[key]!, pct), met: median(vsBare[key]!) >= goal })
  const p99s = sandbox.map((r) => [r.name.replace('sandbox ', ''), r.median!.latencyP99] as const)
  const peakRssMb = Math.max(...sandbox.map((r) => r.peakRssMb ?? 0), mb(longRun.peakRssBytes ?? 0))
  const targets: Target[] = [
    vsPeer(wiremock, 1, `${referenceName} tokens ÷ warmed WireMock canned answer`),
    vsPeer(oauth2, 8, `${referenceName} tokens ÷ oauth2-mock-server`),
    vsPeer(prism, 8, `${referenceName} tokens ÷ Prism mock`),
    // Every vendor's share of bare node:http, at the goal its bench.ts states.
    ...vendors.filter((key) => scenarios[key]!.goal !== undefined).map((key) => share(key, scenarios[key]!.goal!, `${key} ÷ bare node:http`)),
    {
      what: `p99 at ${CONNECTIONS} connections, every vendor (median round)`,
      target: '≤ 10 ms',
      measured: p99s.map(([v, p]) => `${v} ${p} ms`).join(', '),
      met: Math.max(...p99s.map(([, p]) => p)) <= 10,
    },
    { what: 'RSS under load (peak of every sandbox run)', target: '≤ 150 MB', measured: `${peakRssMb} MB`, met: peakRssMb <= 150 },
    {
      what: `RSS flat over ${LONG_RUN.toLocaleString('en')} ${referenceName} requests`,
      target: 'growth < 10 %',
      measured: `${pct(rssGrowth)} (${mb(longRun.rssBefore)} → ${mb(longRun.rssAfter)} MB, ${longRun.errors} errors)`,
      met: rssGrowth < 0.1 && longRun.requests >= LONG_RUN,
    },
    {
      what: 'serve start-to-first-response',
      target: '≤ bare node + 50 ms',
      measured: `${Math.round(referenceRow.startMs)} ms vs ${Math.round(bare.startMs)} ms (${referenceRow.startMs >= bare.startMs ? '+' : '−'}${Math.abs(Math.round(referenceRow.startMs - bare.startMs))} ms; medians of ${STARTS})`,
      met: referenceRow.startMs <= bare.startMs + 50,
    },
    inproc
      ? {
          what: 'in-process ÷ a trivial msw handler',
          target: '≤ 1.3×',
          measured: `${inproc.sandboxMs.toFixed(3)} vs ${inproc.trivialMs.toFixed(3)} ms per request = ${times(inproc.ratio)} (HMAC by WebCrypto: ${times(inproc.webCryptoRatio)})`,
          met: inproc.ratio <= 1.3,
        }
      : { what: 'in-process ÷ a trivial msw handler', target: '≤ 1.3×', measured: 'n/a: the in-process run failed (see the log)', met: null },
  ]

  const header = {
    date,
    command: command(),
    connections: CONNECTIONS,
    durationSec: DURATION,
    rounds: ROUNDS,
    machine: machine('reason' in java ? null : java.version),
    stealDuringRun: stealShare(hostAtStart, cpuTimes()),
    busyBeforeRun: busy,
    otherWorkDuringRounds,
  }
  const md = renderMarkdown(header, rows, vsBare, targets)
  console.log(md)
  const results = {
    ...header,
    stealDuringRounds: stealShare(hostAtStart, hostAfterRounds),
    longRequests: LONG_RUN,
    rows,
    ratios: { vsBare, referenceVsPeer: vsReference, reference: referenceName },
    starts,
    longRun,
    inProcess: inproc,
    targets,
    state: undefined as unknown,
  }
  // serve --state: writes over prebuilt states of 100 to 50,000 clients, against no --state (bench/state.ts).
  console.error('state')
  const state = await benchState()
  results.state = state.rows
  const stateMd = state.lines.join('\n')
  console.log(stateMd)
  mkdirSync(`${ROOT}bench/results`, { recursive: true })
  writeFileSync(`${ROOT}bench/results/latest.json`, JSON.stringify(results, null, 2) + '\n')
  writeFileSync(`${ROOT}bench/results/latest.md`, `${md}\n\n## serve --state\n\n${stateMd}\n`)
}

await main()
