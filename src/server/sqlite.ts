// node:sqlite, loaded on first use: only `serve --state` needs it, and nothing else pays for it
// (nor sees Node 22's ExperimentalWarning for it; the CLI hides that one: ../cli/sqlite-warning.ts).
import { StateFileError } from './state-error.ts'

export type Sqlite = typeof import('node:sqlite')

let loaded: Promise<Sqlite> | undefined

export function loadSqlite(): Promise<Sqlite> {
  loaded ??= import('node:sqlite').catch((err: unknown) => {
    loaded = undefined
    throw new StateFileError(`--state needs node:sqlite (Node 22.13 or later): ${err instanceof Error ? err.message : String(err)}`)
  })
  return loaded
}
