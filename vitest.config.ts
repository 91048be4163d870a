import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Test files start servers and msw interceptors; forks keep them isolated.
    pool: 'forks',
    // vitest's default is one worker fewer than the cores: one worker on a 2-core machine, which
    // leaves a core idle while a file waits on its child processes (serve, tsc, npm, Chromium)
    // and sockets, as most of the slow ones do. At least two.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: [
      // Brings dist/ up to date with the sources: the CLI tests run the built bin.
      'test/support/global-setup.ts',
      // Builds dist/browser (the browser bundle and msw's worker) for test/browser/*.
      'test/browser/global-setup.ts',
    ],
  },
})
