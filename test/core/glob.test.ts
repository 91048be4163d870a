import { describe, expect, it } from 'vitest'
import { compileGlob } from '../../src/core/glob.ts'
import { bestTimeMs, expectLinear } from '../support/timing.ts'

/** What the matcher replaced: every `*` a `.*`, the rest literal. Correct, but exponential. */
const reference = (pattern: string, text: string) =>
  new RegExp('^' + pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$').test(text)

describe('`*` globs', () => {
  it.each([
    ['/*', '/', true],
    ['/*', '/a/b?c=d', true],
    ['/kyc/*', '/kyc/', true],
    ['/kyc/*', '/kyc', false],
    ['/a*b*c', '/abc', true],
    ['/a*b*c', '/axxbyyc', true],
    ['/a*b*c', '/acb', false],
    ['/a*a', '/a', false],
    ['/a*a', '/aa', true],
    ['/*ab*ab', '/abab', true],
    ['/*ab*ab', '/aba', false],
    ['/exact', '/exact', true],
    ['/exact', '/exact2', false],
    ['/**', '/x', true],
    ['/x*.*', '/x.y', true],
  ])('%s against %s → %s', (pattern, text, expected) => {
    expect(compileGlob(pattern).matches(text)).toBe(expected)
    expect(reference(pattern, text)).toBe(expected)
  })

  it('agrees with the regex it replaced on many small random cases', () => {
    let seed = 7
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    const word = (alphabet: string, max: number) => Array.from({ length: rand(max) }, () => alphabet[rand(alphabet.length)]).join('')
    for (let i = 0; i < 5000; i++) {
      const pattern = '/' + word('ab*.', 8)
      const text = '/' + word('ab.', 10)
      expect(compileGlob(pattern).matches(text), `${pattern} ${text}`).toBe(reference(pattern, text))
    }
  })

  // As a regex this took 22 s (the stars backtrack against each other).
  it('attack: /*a*a*a*a*a*a*a*a*a*b against forty a then many, in linear time', () => {
    const glob = compileGlob('/*a*a*a*a*a*a*a*a*a*b')
    expect(bestTimeMs(() => glob.matches('/' + 'a'.repeat(40)), 3)).toBeLessThan(200)
    expectLinear((n) => () => glob.matches('/' + 'a'.repeat(n)), 100_000)
  })

  it('attack: a near-miss piece repeated through the text, in linear time', () => {
    const glob = compileGlob('/*' + 'a'.repeat(500) + 'b*c')
    expectLinear((n) => () => glob.matches('/' + 'a'.repeat(n) + 'c'), 20_000)
  })
})
