// Types for build-browser.mjs (a plain script, so it runs without a TypeScript loader).
import type { Plugin } from 'esbuild'

export declare const browserDist: string
export declare const refuseNodeBuiltins: Plugin
export declare function buildBrowser(options?: { minify?: boolean }): Promise<{
  bundle: string
  worker: string
  mswVersion: string
  bytes: number
}>
/** buildBrowser() only when dist/browser is not up to date with what its last build read; `built` says which. */
export declare function buildBrowserIfStale(): Promise<{
  bundle: string
  worker: string
  mswVersion: string
  bytes: number
  built: boolean
}>
