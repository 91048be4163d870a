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
