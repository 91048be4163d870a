// Runs the CLI with the process's arguments: the entry of the bundle bin/token-sandbox.js loads
// (dist/cli.mjs) and, from a checkout, of `npm run cli` (the sources through tsx).
import { hideSqliteExperimentalWarning } from './cli/sqlite-warning.ts'
import { main } from './cli.ts'

hideSqliteExperimentalWarning()
process.exitCode = await main(process.argv.slice(2))
