// `fidelity({ vendor, record, compare })` in a vitest file, before a contract suite: watches every
// exchange the suite makes (through the kit's HTTP helper), files it under the running case,
// and after the last case writes the record and/or compares it with an earlier one (the hook
// fails, listing the differences). `token-sandbox contract --record/--compare` uses the same.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { readUserText, writeUserFile } from '../../node/user-file.ts'
import { observeExchanges } from '../http.ts'
import { compareRecords, comparisonFails } from './compare.ts'
import { HOOKS_CASE, MAX_RECORD_BYTES, parseRecord, recordDate, recordExchange, RECORD_FORMAT, serializeRecord, type CaseResult, type FidelityRecord, type RecordedCase, type RecordedExchange } from './record.ts'
import { Redactor, redactPatterns } from './redact.ts'
import { formatComparison } from './report.ts'
import { toolVersion } from './version.ts'

export interface FidelityOptions {
  /** The suite's vendor, e.g. `complycube` (it names the record). */
  vendor: string
  /** Write the record to this file. */
  record?: string
  /** Compare the run with the record in this file: the run fails, listing each difference. */
  compare?: string
  /** What the record says it was recorded against: `vendor` (the real API), `token-sandbox`… Default `unspecified`. */
  environment?: string
}

/** The parts of vitest's task objects read here (stable across vitest 4 and 5). */
interface TaskLike {
  name: string
  mode?: string
  result?: { state?: string }
  suite?: TaskLike
  file?: TaskLike
  tasks?: TaskLike[]
}

const isSuiteLike = (v: unknown): v is TaskLike => typeof v === 'object' && v !== null && Array.isArray((v as TaskLike).tasks)

/**
 * A case's name below the suite's own title (which names the base URL, so differs between a
 * vendor and a sandbox), without a skip's reason, with anything id-like replaced.
 */
export function caseName(task: TaskLike): string {
  const names: string[] = []
  // Up to the file task (the one with a `filepath`), which is no case's name.
  for (let t: TaskLike | undefined = task; t && !('filepath' in t); t = t.suite) names.unshift(t.name)
  const below = names.length > 1 ? names.slice(1) : names
  return redactPatterns(below.join(' > ').replace(/ — skipped: [\s\S]*$/, ''))
}

function resultOf(task: TaskLike): CaseResult {
  if (task.mode === 'skip' || task.mode === 'todo' || task.result?.state === 'skip' || task.result?.state === 'todo') return 'skip'
  if (task.result?.state === 'fail') return 'fail'
  return task.result?.state === 'pass' ? 'pass' : 'skip'
}

function* testsOf(task: TaskLike): Generator<TaskLike> {
  for (const t of task.tasks ?? []) {
    if (isSuiteLike(t)) yield* testsOf(t)
    else yield t
  }
}

export function fidelity(options: FidelityOptions): void {
  if (!options.record && !options.compare) throw new TypeError('fidelity: pass `record` (a file to write) or `compare` (a record to compare with), or both')
  const redactor = new Redactor()
  const exchanges = new Map<string, RecordedExchange[]>()
  let current: string | undefined
  let fileTask: TaskLike | undefined

  // No hook reads its arguments: vitest 5 parses a hook's first parameter as fixtures, vitest 4
  // passes the suite there. The file task comes from the first case's context instead.
  beforeAll(() => {
    observeExchanges((exchange) => {
      const name = current ?? HOOKS_CASE
      exchanges.set(name, [...(exchanges.get(name) ?? []), recordExchange(exchange, redactor)])
    })
  })
  beforeEach(({ task }) => {
    fileTask ??= task.file as unknown as TaskLike
    current = caseName(task as unknown as TaskLike)
  })
  afterEach(() => {
    current = undefined
  })
  afterAll(() => {
    observeExchanges(undefined)
    const file = fileTask
    const cases: RecordedCase[] = []
    const seen = new Set<string>()
    for (const test of file ? testsOf(file) : []) {
      let name = caseName(test)
      for (let n = 2; seen.has(name); n++) name = `${caseName(test)} (${n})`
      seen.add(name)
      cases.push({ name, result: resultOf(test), exchanges: exchanges.get(name) ?? [] })
    }
    if (exchanges.has(HOOKS_CASE)) cases.push({ name: HOOKS_CASE, result: 'pass', exchanges: exchanges.get(HOOKS_CASE)! })
    const record: FidelityRecord = {
      format: RECORD_FORMAT,
      tool: { name: 'token-sandbox', version: toolVersion() },
      vendor: options.vendor,
      environment: options.environment ?? 'unspecified',
      date: recordDate(globalThis.process?.env ?? {}),
      cases,
    }
    const text = serializeRecord(record)
    // Only a regular file is written or read (never a device or a FIFO), and a record read back is capped.
    if (options.record) writeUserFile(options.record, 'fidelity record', text)
    if (options.compare) {
      const expected = parseRecord(readUserText(options.compare, 'fidelity record', MAX_RECORD_BYTES), options.compare)
      const comparison = compareRecords(expected, parseRecord(text, 'this run'))
      if (comparisonFails(comparison)) throw new Error(formatComparison(comparison, 'text', options.compare))
    }
  })
}
