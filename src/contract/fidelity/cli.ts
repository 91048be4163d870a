// `token-sandbox contract <vendor> --record FILE | --compare FILE`: the flags, what the run's
// entry file is told (it calls `fidelity()` from ./session.ts), and after the run the comparison
// printed with its reporter (the variables are in ../run/params.ts). src/cli/contract.ts calls into
// here and keeps its own job.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileError, UsageError } from '../../cli/usage.ts'
import { readUserText, showPath, UserFileError, writeUserFile } from '../../node/user-file.ts'
import { checkTarget, writeReport } from '../../cli/report-file.ts'
import { ENV } from '../run/params.ts'
import { compareRecords, comparisonFails } from './compare.ts'
import { MAX_RECORD_BYTES, parseRecord, type FidelityRecord } from './record.ts'
import { FIDELITY_REPORTERS, formatComparison, type FidelityReporter } from './report.ts'

export const fidelityFlags = {
  record: { type: 'string' },
  compare: { type: 'string' },
  'record-environment': { type: 'string' },
} as const

export const fidelityHelp = `  --record FILE       write a fidelity record of the run to FILE: per case and exchange the
                      status, headers that matter and body shape, secrets and personal data
                      redacted (docs/fidelity.md); its date is SOURCE_DATE_EPOCH when set
  --record-environment NAME
                      what the record says it ran against (default: token-sandbox with
                      --sandbox/--admin-url, else vendor)
  --compare FILE      compare the run with a record, case by case; exit 1 on any difference.
                      --reporter text|json|junit and --output-file then apply to the comparison
                      (the suite's own report goes to stderr)`

export interface FidelityRun {
  /** The comparison's reporter takes over --reporter and --output-file; the suite reports on stderr. */
  comparing: boolean
  /** After vitest: prints the comparison (when comparing), cleans up, and gives the exit code. */
  finish(suiteExitCode: number): number
}

export interface FidelityFlags {
  record?: string
  compare?: string
  'record-environment'?: string
  reporter?: string
  'output-file'?: string
}

/** Checks the flags, tells the entry file where to write; undefined without --record or --compare. */
export function prepareFidelity(flags: FidelityFlags, vendor: string, againstSandbox: boolean, env: NodeJS.ProcessEnv = process.env): FidelityRun | undefined {
  delete env[ENV.record]
  if (flags.record === undefined && flags.compare === undefined) return undefined
  let expected: FidelityRecord | undefined
  const compareFile = flags.compare
  let reporter: FidelityReporter = 'text'
  if (compareFile !== undefined) {
    let text: string
    try {
      text = readUserText(compareFile, '--compare', MAX_RECORD_BYTES)
    } catch (err) {
      throw fileError(err instanceof UserFileError ? err.message : `--compare ${showPath(compareFile)}: ${(err as Error).message}`)
    }
    try {
      expected = parseRecord(text, compareFile)
    } catch (err) {
      throw fileError(`--compare ${(err as Error).message}`)
    }
    if (expected.vendor !== vendor) throw fileError(`--compare ${compareFile} is a record of ${expected.vendor}, not ${vendor}`)
    const r = flags.reporter === undefined || flags.reporter === 'default' ? 'text' : flags.reporter
    if (!(FIDELITY_REPORTERS as readonly string[]).includes(r)) throw new UsageError(`with --compare, --reporter must be one of ${FIDELITY_REPORTERS.join(', ')}`)
    reporter = r as FidelityReporter
  }
  if (flags.record !== undefined) checkTarget('--record', flags.record)
  // The run writes into a folder of ours; the CLI reads that back (capped) and only then writes
  // --record FILE itself, so no path the user named is ever written by the worker or read back.
  const scratch = mkdtempSync(join(tmpdir(), 'token-sandbox-fidelity-'))
  const recordFile = join(scratch, 'run.json')
  env[ENV.record] = recordFile
  env[ENV.recordEnvironment] = flags['record-environment'] ?? (againstSandbox ? 'token-sandbox' : 'vendor')
  return {
    comparing: expected !== undefined,
    finish(suiteExitCode) {
      try {
        let actualText: string
        try {
          actualText = readUserText(recordFile, 'fidelity record', MAX_RECORD_BYTES)
        } catch (err) {
          const why = (err as UserFileError).code === 'ENOENT' ? `the run wrote no fidelity record: see the suite's errors above` : (err as Error).message
          console.error(`token-sandbox: ${why}`)
          return 1
        }
        if (flags.record !== undefined) {
          try {
            writeUserFile(resolve(flags.record), '--record', actualText)
          } catch (err) {
            console.error(`token-sandbox: ${(err as Error).message}`)
            return 1
          }
        }
        if (!expected) return suiteExitCode
        const comparison = compareRecords(expected, parseRecord(actualText, recordFile))
        const report = formatComparison(comparison, reporter, compareFile!)
        if (flags['output-file'] !== undefined) {
          try {
            writeReport(resolve(flags['output-file']), report)
          } catch (err) {
            console.error(`token-sandbox: ${(err as Error).message}`)
            return 1
          }
        } else process.stdout.write(report)
        return comparisonFails(comparison) ? 1 : 0
      } finally {
        rmSync(scratch, { recursive: true, force: true })
      }
    },
  }
}

