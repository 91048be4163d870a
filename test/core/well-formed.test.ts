// The one walk that finds a string that is not well-formed Unicode in a parsed JSON body: every
// value and every key, at any depth, in one linear pass with its own stack.
import { describe, expect, it } from 'vitest'
import { bracketPath, dottedPath, illFormedPath } from '../../src/core/well-formed.ts'
import { expectLinear } from '../support/timing.ts'

describe('illFormedPath', () => {
  it.each([
    ['a well-formed body', { a: ['b', { c: 'd 😀' }], n: 1, z: null }, null],
    ['a lone high surrogate as a value', { a: 'x\ud800' }, ['a']],
    ['a lone low surrogate in a list', { a: ['ok', { b: ['\udfff'] }] }, ['a', 1, 'b', 0]],
    ['a pair cut in two', { cut: 'x\ud83d' }, ['cut']],
    ['a reversed pair', { r: '\ude00\ud83d' }, ['r']],
    ['an object key', { ok: { 'k\udc00': 1 } }, ['ok', 'k\udc00']],
    ['the body itself', '\ud800', []],
  ])('%s', (_what, value, path) => expect(illFormedPath(value)).toEqual(path))

  it('walks 100,000 levels deep without overflowing the stack', () => {
    const n = 100_000
    const deep = JSON.parse('{"a":'.repeat(n) + '"\\ud800"' + '}'.repeat(n)) as unknown
    expect(illFormedPath(deep)?.length).toBe(n)
    expect(illFormedPath(JSON.parse('['.repeat(n) + ']'.repeat(n)))).toBeNull()
  })

  it('takes time linear in the body', () => {
    expectLinear((n) => {
      const body = JSON.parse(JSON.stringify({ list: Array.from({ length: n }, (_, i) => ({ id: `id-${i}`, tags: ['a', 'b'] })) })) as unknown
      return () => illFormedPath(body)
    }, 20_000)
  })

  it('names the field in the vendors’ styles, a lone surrogate written out', () => {
    expect(bracketPath(['contacts', 0, 'contact_id'])).toBe('contacts[0].contact_id')
    expect(dottedPath(['addresses', 0, 'city'])).toBe('addresses.0.city')
    expect(bracketPath(['k\udc00ey'])).toBe('k\\udc00ey')
    expect(bracketPath([])).toBe('body')
  })
})
