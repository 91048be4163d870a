// vitest globalSetup: brings the browser bundle (dist/browser) up to date once per run, before
// any test file starts. After `npm test`'s pretest build, or with nothing edited since the last
// run, it is up to date already and nothing is built (a build takes ~1.5 s of the run's start).
// A failed build is handed to the browser tests (which then fail with its message) instead of
// thrown here, so it does not take every other suite down with it.
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    browserBuild: { ok: true; bundle: string; worker: string; mswVersion: string } | { ok: false; error: string }
  }
}

export default async function setup(project: TestProject): Promise<void> {
  try {
    const { buildBrowserIfStale } = await import('../../scripts/build-browser.mjs')
    const out = await buildBrowserIfStale()
    project.provide('browserBuild', { ok: true, bundle: out.bundle, worker: out.worker, mswVersion: out.mswVersion })
  } catch (err) {
    project.provide('browserBuild', { ok: false, error: err instanceof Error ? err.message : String(err) })
  }
}
