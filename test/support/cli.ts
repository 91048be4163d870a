// The CLI as a child process: the built bin, as users and `npm run demo` run it. The globalSetup
// (test/support/global-setup.ts) rebuilds dist/ first when the sources changed, so this is the
// CLI of the sources as they are, started without compiling TypeScript (~0.15 s of CPU a start
// instead of ~0.75 s through tsx; the suite starts it a few hundred times).
import { fileURLToPath } from 'node:url'

/** `node` arguments before the CLI's own: `spawn(process.execPath, [...SOURCE_CLI, 'serve'])`. */
export const SOURCE_CLI = [fileURLToPath(new URL('../../bin/token-sandbox.js', import.meta.url))]
