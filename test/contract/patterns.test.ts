// Every `pattern` in the contracts is run on request fields by whatever validates against them
// (Prism in proxy mode, a client's schema validator): none may be super-linear. Each is timed on
// inputs built to make a backtracking engine retry (runs of spaces, digits, letters, dots and
// separators ending in a character that fails the match) at n and 8n.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { expectLinear } from '../support/timing.ts'

const DIR = fileURLToPath(new URL('../../contracts/', import.meta.url))

const patterns = [
  ...new Set(
    readdirSync(DIR)
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) => [...readFileSync(join(DIR, f), 'utf8').matchAll(/pattern: '((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"))),
  ),
]

const RUNS: [string, (n: number) => string][] = [
  ['spaces', (n) => '1' + ' '.repeat(n) + '\u0001'],
  ['digits', (n) => '1'.repeat(n) + '\u0001'],
  ['letters', (n) => 'a'.repeat(n) + '\u0001'],
  ['dots', (n) => 'a' + '.'.repeat(n) + '\u0001'],
  ['separators and digits', (n) => '1.-/'.repeat(n / 4) + '\u0001'],
  ['a URL-ish run', (n) => 'https://' + 'a:'.repeat(n / 2) + '\u0001'],
  ['base64url parts', (n) => 'a.'.repeat(n / 2) + '\u0001'],
]

describe('the contracts’ patterns', () => {
  it('are all found (the sweep is not empty)', () => {
    expect(patterns.length).toBeGreaterThanOrEqual(15)
  })

  it.each(patterns)('%s is linear in its input', (source) => {
    const re = new RegExp(source, 'u')
    for (const [, make] of RUNS) expectLinear((n) => () => re.test(make(n)), 100_000)
  })
})
