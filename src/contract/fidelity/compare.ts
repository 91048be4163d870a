// Two fidelity records side by side, case by case: what the run now answers differently from the
// recorded one. A case skipped (or absent) on either side is listed as not compared, not as a
// difference: a real vendor has no admin API, so its record skips the cases that need one.
import { stableJson, type Shape } from './shape.ts'
import type { FidelityRecord, RecordedCase, RecordedExchange } from './record.ts'

export type DifferenceKind = 'result' | 'exchanges' | 'request' | 'status' | 'header' | 'shape' | 'format' | 'message'

export interface Difference {
  kind: DifferenceKind
  /** 1-based exchange number within the case, and its request as recorded (`GET /clients/{id}`). */
  exchange?: number
  request?: string
  /** Where in the exchange: `status`, `headers.content-type`, `body.items[].id`, `body.token(jwt claims).exp`. */
  at: string
  /** What the record holds, and what the run answered (a short text each). */
  expected: string
  actual: string
}

export interface CaseComparison {
  name: string
  outcome: 'same' | 'different' | 'not compared'
  /** Why a case was not compared. */
  note?: string
  differences: Difference[]
}

export interface Comparison {
  vendor: string
  /** The record compared against: its environment and date. */
  recorded: { environment: string; date: string; version: string }
  cases: CaseComparison[]
  /** How many cases differ. */
  different: number
  compared: number
}

const requestOf = (e: RecordedExchange) => `${e.request.method} ${e.request.path}${e.request.query ? `?${e.request.query.join('&')}` : ''}`

/** A shape in a few words: `string (jwt)`, `array of 2`, `object {id, type}`, `"invalid_request"`. */
export function describeShape(shape: Shape | { type: string; value?: unknown } | undefined): string {
  if (shape === undefined) return 'absent'
  const s = shape as Record<string, unknown>
  if (s.value !== undefined) return JSON.stringify(s.value)
  if (s.type === 'string') return `string (${s.format as string})`
  if (s.type === 'array') return `array of ${s.length as number}`
  if (s.type === 'object') return `object {${Object.keys(s.keys as object).join(', ')}}`
  return s.type as string
}

/** A key's own value only: a record's `__proto__` key is an answer's key, and an absent one is absent. */
const own = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined)

function diffShape(expected: any, actual: any, at: string, out: Omit<Difference, 'exchange' | 'request'>[]): void {
  if (stableJson(expected) === stableJson(actual)) return
  const push = (kind: DifferenceKind, where: string, e: unknown, a: unknown): void => void out.push({ kind, at: where, expected: describeShape(e as Shape), actual: describeShape(a as Shape) })
  if (expected === undefined || actual === undefined || expected.type !== actual.type) return push('shape', at, expected, actual)
  switch (expected.type) {
    case 'object': {
      const keys = [...new Set([...Object.keys(expected.keys), ...Object.keys(actual.keys)])].sort()
      for (const k of keys) diffShape(own(expected.keys, k), own(actual.keys, k), `${at}.${k}`, out)
      return
    }
    case 'array':
      if (expected.length !== actual.length) out.push({ kind: 'shape', at: `${at}.length`, expected: String(expected.length), actual: String(actual.length) })
      if (stableJson(expected.items) !== stableJson(actual.items)) {
        if (expected.items?.anyOf || actual.items?.anyOf || !expected.items || !actual.items) push('shape', `${at}[]`, expected.items, actual.items)
        else diffShape(expected.items, actual.items, `${at}[]`, out)
      }
      return
    case 'string':
      if (expected.format !== actual.format) return push('format', at, { type: 'string', format: expected.format }, { type: 'string', format: actual.format })
      if (expected.jwt || actual.jwt) {
        diffShape({ type: 'object', keys: expected.jwt?.header ?? {} }, { type: 'object', keys: actual.jwt?.header ?? {} }, `${at}(jwt header)`, out)
        diffShape({ type: 'object', keys: expected.jwt?.claims ?? {} }, { type: 'object', keys: actual.jwt?.claims ?? {} }, `${at}(jwt claims)`, out)
      }
      if (expected.value !== actual.value) push('message', at, expected, actual)
      return
    default:
      push(at.startsWith('body') && expected.value !== actual.value ? 'message' : 'shape', at, expected, actual)
  }
}

function diffExchange(e: RecordedExchange, a: RecordedExchange): Omit<Difference, 'exchange' | 'request'>[] {
  const out: Omit<Difference, 'exchange' | 'request'>[] = []
  if (requestOf(e) !== requestOf(a)) out.push({ kind: 'request', at: 'request', expected: requestOf(e), actual: requestOf(a) })
  if (e.status !== a.status) out.push({ kind: 'status', at: 'status', expected: String(e.status), actual: String(a.status) })
  for (const name of [...new Set([...Object.keys(e.headers), ...Object.keys(a.headers)])].sort()) {
    const show = (v: unknown) => (v === undefined ? 'absent' : typeof v === 'string' ? v : describeShape(v as Shape))
    const [eh, ah] = [own(e.headers, name), own(a.headers, name)]
    if (stableJson(eh) !== stableJson(ah)) out.push({ kind: 'header', at: `headers.${name}`, expected: show(eh), actual: show(ah) })
  }
  diffShape(e.body, a.body, 'body', out)
  return out
}

function compareCase(name: string, expected: RecordedCase | undefined, actual: RecordedCase | undefined): CaseComparison {
  if (!expected) return { name, outcome: 'not compared', note: 'not in the record', differences: [] }
  if (!actual) return { name, outcome: 'not compared', note: 'not run now', differences: [] }
  if (expected.result === 'skip' || actual.result === 'skip') {
    return { name, outcome: 'not compared', note: expected.result === 'skip' ? 'skipped in the record' : 'skipped now', differences: [] }
  }
  const differences: Difference[] = []
  if (expected.result !== actual.result) differences.push({ kind: 'result', at: 'result', expected: expected.result, actual: actual.result })
  const n = Math.max(expected.exchanges.length, actual.exchanges.length)
  if (expected.exchanges.length !== actual.exchanges.length) {
    differences.push({ kind: 'exchanges', at: 'exchanges', expected: String(expected.exchanges.length), actual: String(actual.exchanges.length) })
  }
  for (let i = 0; i < n; i++) {
    const e = expected.exchanges[i]
    const a = actual.exchanges[i]
    if (!e || !a) continue
    for (const d of diffExchange(e, a)) differences.push({ exchange: i + 1, request: requestOf(e), ...d })
  }
  return { name, outcome: differences.length ? 'different' : 'same', differences }
}

/** What `actual` (this run) answers differently from `expected` (the record), case by case in name order. */
export function compareRecords(expected: FidelityRecord, actual: FidelityRecord): Comparison {
  const byName = (r: FidelityRecord) => new Map(r.cases.map((c) => [c.name, c]))
  const e = byName(expected)
  const a = byName(actual)
  const names = [...new Set([...e.keys(), ...a.keys()])].sort()
  const cases = names.map((name) => compareCase(name, e.get(name), a.get(name)))
  return {
    vendor: actual.vendor,
    recorded: { environment: expected.environment, date: expected.date, version: expected.tool.version },
    cases,
    different: cases.filter((c) => c.outcome === 'different').length,
    compared: cases.filter((c) => c.outcome !== 'not compared').length,
  }
}

/** A compare fails on any difference, and when nothing at all could be compared. */
export const comparisonFails = (c: Comparison): boolean => c.different > 0 || c.compared === 0
