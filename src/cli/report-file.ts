// The files `contract` writes at the end of a run (`--record`, `--output-file`): checked before
// the run starts (a usage error, exit 2), and written through writeUserFile (a regular file only).
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { checkWriteTarget, showPath, UserFileError, writeUserFile } from '../node/user-file.ts'
import { fileError } from './usage.ts'

/** checkWriteTarget's refusal as the CLI's file error (exit 2). */
export function checkTarget(flag: string, file: string, options: { createFolder?: boolean } = {}): void {
  try {
    checkWriteTarget(flag, file, options)
  } catch (err) {
    throw fileError((err as Error).message)
  }
}

/** `--output-file`'s report, written as vitest writes its reports: missing folders are created. */
export function writeReport(file: string, report: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true })
  } catch (err) {
    throw new UserFileError(`cannot write --output-file ${showPath(file)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  writeUserFile(file, '--output-file', report)
}
