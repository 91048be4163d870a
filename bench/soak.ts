// npm run soak: `token-sandbox serve` (the built CLI) under a steady request rate across every
// vendor for N minutes (default 10; `--minutes N` or SOAK_MINUTES), on 127.0.0.1 only. Every
// 30 s it records the interval's latency (p50/p99), errors and the server's RSS. At the end it
// prints and writes bench/results/soak.json, and exits 1 unless:
//   - no request failed (connection errors, timeouts and non-2xx answers all count),
//   - RSS grew less than 10 % from the first minute to the last (means of 1 s samples),
//   - p99 stayed stable: the last minute's mean interval p99 is at most twice the first
//     minute's, plus 5 ms (p99s of a few ms move by whole milliseconds; a trend, not one spike).
// A 15 s warm-up at the same rate runs first and is not counted (JIT, heap sizing).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { load } from './load.ts'
import { startChild } from './processes.ts'
import { soakMixOf } from './scenarios.ts'
import { vendorDefinitions } from '../src/vendors/registry.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const INTERVAL_SEC = 30
const WARMUP_SEC = 15

const { values } = parseArgs({ options: { minutes: { type: 'string' }, rate: { type: 'string' } } })
const MINUTES = Number(values.minutes ?? process.env.SOAK_MINUTES ?? 10)
const RATE = Number(values.rate ?? process.env.SOAK_RATE ?? 400)
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 8)
if (!(MINUTES >= 1) || MINUTES > 24 * 60) throw new Error(`--minutes must be from 1 to 1440, got ${values.minutes ?? process.env.SOAK_MINUTES}`)
if (!(RATE >= 1) || RATE > 50_000) throw new Error(`--rate must be from 1 to 50000 requests per second`)

const mb = (b: number) => Math.round((b / 1048576) * 10) / 10
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)

interface Interval {
  index: number
  /** Seconds since the measured part began, at the interval's end. */
  endSec: number
  requests: number
  requestsPerSec: number
  latencyP50: number
  latencyP99: number
  errors: number
  non2xx: number
  rssMeanMb: number
  rssMaxMb: number
}

/** The mix, with credentials fresh enough for one interval (each vendor's bench.ts): each connection sends these in turn. */
const mix = async (url: string) => (await soakMixOf(vendorDefinitions, url)).map((m) => m.request)
/** The mix as the report names it: `vendor METHOD path`. */
const mixNames = async (url: string) => (await soakMixOf(vendorDefinitions, url)).map((m) => `${m.vendor} ${m.request.method} ${m.request.path}`)

async function main(): Promise<number> {
  if (!existsSync(`${ROOT}dist/cli.mjs`)) throw new Error('run `npm run build` first (the soak runs the built CLI)')
  const server = await startChild(process.execPath, [`${ROOT}bin/token-sandbox.js`, 'serve', '--host', '127.0.0.1', '--port', '0', '--quiet'], {
    urlPattern: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    probe: async (url) => (await fetch(`${url}/__sandbox/health`)).status === 200,
  })
  // Whatever happens, the soak stops by itself: a watchdog well past the planned end.
  const watchdog = setTimeout(() => {
    console.error('soak: watchdog: the run took far longer than planned; stopping')
    void server.stop().then(() => process.exit(3))
  }, (MINUTES * 60 + WARMUP_SEC + 180) * 1000)
  watchdog.unref()

  const intervals: Interval[] = []
  let names: string[] = []
  try {
    names = await mixNames(server.url)
    console.error(`soak: ${MINUTES} min at ${RATE} req/s over ${CONNECTIONS} connections against ${server.url} (pid ${server.pid}); warm-up ${WARMUP_SEC} s`)
    await load(server.url, await mix(server.url), { connections: CONNECTIONS, durationSec: WARMUP_SEC, overallRate: RATE })
    const count = Math.round((MINUTES * 60) / INTERVAL_SEC)
    for (let i = 0; i < count; i++) {
      const requests = await mix(server.url)
      const rss: number[] = []
      const sampler = setInterval(() => rss.push(server.rss()), 1000)
      const r = await load(server.url, requests, { connections: CONNECTIONS, durationSec: INTERVAL_SEC, overallRate: RATE })
      clearInterval(sampler)
      rss.push(server.rss())
      const interval: Interval = {
        index: i,
        endSec: (i + 1) * INTERVAL_SEC,
        requests: r.requests,
        requestsPerSec: r.requestsPerSec,
        latencyP50: r.latencyP50,
        latencyP99: r.latencyP99,
        errors: r.errors,
        non2xx: r.non2xx,
        rssMeanMb: mb(mean(rss)),
        rssMaxMb: mb(Math.max(...rss)),
      }
      intervals.push(interval)
      console.error(
        `  ${String(interval.endSec).padStart(5)} s  ${interval.requestsPerSec} req/s  p50 ${interval.latencyP50} ms  p99 ${interval.latencyP99} ms  errors ${interval.errors}  non-2xx ${interval.non2xx}  RSS ${interval.rssMeanMb} MB (max ${interval.rssMaxMb})`,
      )
    }
  } finally {
    await server.stop()
    clearTimeout(watchdog)
  }

  const perMinute = 60 / INTERVAL_SEC
  const first = intervals.slice(0, perMinute)
  const last = intervals.slice(-perMinute)
  const total = intervals.reduce((a, i) => a + i.requests, 0)
  const failed = intervals.reduce((a, i) => a + i.errors + i.non2xx, 0)
  const rssFirst = mean(first.map((i) => i.rssMeanMb))
  const rssLast = mean(last.map((i) => i.rssMeanMb))
  const rssGrowth = rssLast / rssFirst - 1
  const p99First = mean(first.map((i) => i.latencyP99))
  const p99Last = mean(last.map((i) => i.latencyP99))
  const criteria = {
    noErrors: failed === 0,
    rssGrowthUnder10Percent: rssGrowth < 0.1,
    p99Stable: p99Last <= 2 * p99First + 5,
  }
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    minutes: MINUTES,
    targetRate: RATE,
    connections: CONNECTIONS,
    intervalSec: INTERVAL_SEC,
    mix: names,
    totalRequests: total,
    failedRequests: failed,
    errorRate: total ? failed / total : 0,
    rss: { firstMinuteMb: Math.round(rssFirst * 10) / 10, lastMinuteMb: Math.round(rssLast * 10) / 10, growth: Math.round(rssGrowth * 10_000) / 10_000 },
    p99: { firstMinuteMeanMs: p99First, lastMinuteMeanMs: p99Last, perInterval: intervals.map((i) => i.latencyP99) },
    intervals,
    criteria,
    pass: Object.values(criteria).every(Boolean),
  }
  mkdirSync(`${ROOT}bench/results`, { recursive: true })
  writeFileSync(`${ROOT}bench/results/soak.json`, JSON.stringify(report, null, 2) + '\n')

  const ok = (b: boolean) => (b ? 'yes' : 'NO')
  console.log(
    [
      `| soak: ${MINUTES} min, ${RATE} req/s target, ${total} requests | measured | met |`,
      '| --- | --- | --- |',
      `| error rate 0 | ${failed} failed of ${total} | ${ok(criteria.noErrors)} |`,
      `| RSS growth first minute → last < 10 % | ${report.rss.firstMinuteMb} → ${report.rss.lastMinuteMb} MB (${(rssGrowth * 100).toFixed(1)} %) | ${ok(criteria.rssGrowthUnder10Percent)} |`,
      `| p99 stable (last minute ≤ 2 × first + 5 ms) | mean p99 ${p99First} ms → ${p99Last} ms; per 30 s: ${report.p99.perInterval.join(', ')} | ${ok(criteria.p99Stable)} |`,
      '',
      `written to bench/results/soak.json`,
    ].join('\n'),
  )
  return report.pass ? 0 : 1
}

process.exitCode = await main()
