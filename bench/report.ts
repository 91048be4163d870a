// The results as Markdown: one throughput table (every server of the run) and one table of the
// issue's targets, each ratio the median of paired rounds. Pure: numbers in, text out.
import type { LoadResult } from './load.ts'
import type { Warm } from './warm.ts'
import { median } from './stats.ts'

export interface Row {
  key: string
  name: string
  /** What every request asks and gets, in a few words. */
  does: string
  kind: 'limit' | 'sandbox' | 'peer'
  /** One per round, in round order; empty when skipped. */
  rounds: LoadResult[]
  median: LoadResult | null
  /** Peak RSS over its rounds, MB. */
  peakRssMb: number | null
  /** Median start-to-first-response, ms. */
  startMs: number | null
  warm?: Warm
  skipped?: string
}

export interface Target {
  what: string
  target: string
  measured: string
  /** null: not measured in this run (a peer skipped). */
  met: boolean | null
}

export interface Header {
  date: string
  command: string
  connections: number
  durationSec: number
  rounds: number
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string; java: string | null }
  stealDuringRun: number | null
  /** Share of the CPU busy with other work in the 3 s before the run. */
  busyBeforeRun: number | null
  /** Share of the CPU that went to work other than the bench's during the rounds. */
  otherWorkDuringRounds: number | null
}

export const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 1000) / 10} %` : 'n/a')
export const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a')
/** A paired ratio as its median and, when there are several rounds, their range. */
export function spread(ratios: number[], fmt: (x: number) => string): string {
  const finite = ratios.filter(Number.isFinite)
  if (finite.length === 0) return 'n/a'
  const m = fmt(median(finite))
  return finite.length > 1 ? `${m} (rounds ${fmt(Math.min(...finite))}–${fmt(Math.max(...finite))})` : m
}

function throughputRow(row: Row, vsBare: number[]): string {
  if (row.skipped || !row.median) return `| ${row.name} | ${row.does} | skipped: ${row.skipped ?? 'no result'} | | | | |`
  const r = row.median
  const errors = r.errors || r.non2xx ? ` (${r.non2xx} non-2xx, ${r.errors} errors)` : ''
  const warm = row.warm ? `; warmed ${row.warm.rounds.length} × 3 s${row.warm.settled ? '' : ', NOT settled'}` : ''
  return [
    `| ${row.name} | ${row.does}${warm}`,
    `${r.requestsPerSec}${errors}`,
    `${r.latencyP50} / ${r.latencyP99} ms`,
    row.kind === 'limit' ? '1 (the limit)' : spread(vsBare, pct),
    row.peakRssMb === null ? 'n/a' : `${row.peakRssMb} MB`,
    `${row.startMs === null ? 'n/a' : `${Math.round(row.startMs)} ms`} |`,
  ].join(' | ')
}

export function renderMarkdown(header: Header, rows: Row[], vsBare: Record<string, number[]>, targets: Target[]): string {
  const m = header.machine
  return [
    `Run of ${header.date.slice(0, 16).replace('T', ' ')} UTC: \`${header.command}\`; ${header.connections} connections, ` +
      `${header.durationSec} s per measurement, ${header.rounds} alternating rounds (a 2 s warm-up before each).`,
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; Java ${m.java ?? 'none'}; ` +
      `CPU busy with other work before the run ${header.busyBeforeRun === null ? 'n/a' : pct(header.busyBeforeRun)}, ` +
      `during the rounds ${header.otherWorkDuringRounds === null ? 'n/a' : pct(header.otherWorkDuringRounds)}; ` +
      `taken by other guests (steal) ${header.stealDuringRun === null ? 'n/a' : pct(header.stealDuringRun)} over the run.`,
    '',
    '| server | each request | 2xx req/s (median round) | p50 / p99 | ÷ bare node:http (paired rounds) | peak RSS under load | start-to-first-response |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => throughputRow(row, vsBare[row.key] ?? [])),
    '',
    '| target (issue 15) | goal | measured | met |',
    '| --- | --- | --- | --- |',
    ...targets.map((t) => `| ${t.what} | ${t.target} | ${t.measured} | ${t.met === null ? 'n/a' : t.met ? 'yes' : 'NO'} |`),
  ].join('\n')
}
