// The CLI run from the TypeScript sources, as `npm run cli` runs it (through tsx): tests of the
// CLI's behaviour need no build. test/cli.test.ts runs the built bin itself.
import { fileURLToPath } from 'node:url'

/** `node` arguments before the CLI's own: `spawn(process.execPath, [...SOURCE_CLI, 'serve'])`. */
// tsx by its resolved URL: a bare `--import tsx` would be looked up from the child's cwd.
export const SOURCE_CLI = ['--import', import.meta.resolve('tsx'), fileURLToPath(new URL('../../src/main.ts', import.meta.url))]
