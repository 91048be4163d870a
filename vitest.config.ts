import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Test files start servers and msw interceptors; forks keep them isolated.
    pool: 'forks',
    // Builds dist/browser (the browser bundle and msw's worker) for test/browser/*.
    globalSetup: ['test/browser/global-setup.ts'],
  },
})
