import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

const root = new URL('./', import.meta.url)
/** The test files under `dir`, relative to the root. */
const testFiles = (dir: string): string[] =>
  readdirSync(new URL(dir, root), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `${dir}/${f}`)

/**
 * Test files that share one module graph per worker (`isolate: false`): they drive the sandbox
 * in-process or over 127.0.0.1 and its CLI as a child process, close what they start, and patch
 * no global (their only spies are restored). Importing the sources once per worker instead of
 * once per file halves their time. The rest keep a fresh module graph per file: where msw
 * intercepts the process's fetch, the environment is set, Prism or tsc runs, the browser build
 * is needed, or the file measures time or the heap (a heap other files filled would skew it).
 */
const SHARED = [
  ...['test/core', 'test/vendors', 'test/admin', 'test/node', 'test/server'].flatMap(testFiles),
  'test/sandbox-state.test.ts',
  // Contract files that only read, generate into temporary folders or run suites over 127.0.0.1.
  // fidelity-api's child vitests have roots and configs of their own, under test-output/.
  ...['fidelity-api', 'fidelity-units', 'from-registry', 'generated', 'lint', 'suite-options', 'suites.standalone'].map((f) => `test/contract/${f}.test.ts`),
  // CLI files whose children are the built bin and whose in-process runs restore what they stub
  // (ci-workflow's steps run the bin through npx and kill their own process groups).
  ...['ci-workflow', 'colour', 'commands', 'contract-ca', 'contract-caf', 'contract-missing-vitest', 'contract-output', 'contract', 'exit-codes', 'file-options', 'fixture-validation', 'output-file', 'parent-watch', 'relay', 'sandbox-flag', 'serve-options', 'serve-signals', 'sqlite-warning', 'wait'].map((f) => `test/cli/${f}.test.ts`),
  'test/cli.test.ts',
  // Unit tests of pieces that hold no state, and scripts' tests whose probes are child processes.
  'test/bench/stats.test.ts',
  'test/contract/missing-peer.test.ts',
  ...['library-entries', 'package-files', 'start-up-modules'].map((f) => `test/scripts/${f}.test.ts`),
].filter(
  (f) =>
    !['test/server/memory-bound.test.ts', 'test/server/demo-server.test.ts'].includes(f) &&
    !readFileSync(new URL(f, root), 'utf8').includes('/support/timing.ts'),
)
/** Brings dist/ up to date with the sources: the tests that run the CLI run the built bin. */
const FRESH_DIST = 'test/support/global-setup.ts'

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Test files start servers and msw interceptors; forks keep them apart.
    pool: 'forks',
    // vitest's default is one worker fewer than the cores: one worker on a 2-core machine, which
    // leaves a core idle while a file waits on its child processes (serve, tsc, npm, Chromium)
    // and sockets, as most of the slow ones do. At least two.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: SHARED, isolate: false, globalSetup: [FRESH_DIST] },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['test/**/*.test.ts'],
          exclude: SHARED,
          // Then the browser bundle and msw's worker (dist/browser) for test/browser/*.
          globalSetup: [FRESH_DIST, 'test/browser/global-setup.ts', 'test/support/pack-setup.ts'],
        },
      },
    ],
  },
})
