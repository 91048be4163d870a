// The version a record names: this package's, read from its package.json, which sits two or
// three folders above this module (src/contract/fidelity/ in the sources, dist/lib/ or
// dist/contract-run/ once built).
import { readFileSync } from 'node:fs'

let cached: string | undefined

export function toolVersion(): string {
  if (cached !== undefined) return cached
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'token-sandbox' && typeof pkg.version === 'string') return (cached = pkg.version)
    } catch {
      // Not there: the next folder up.
    }
  }
  return (cached = 'unknown')
}
