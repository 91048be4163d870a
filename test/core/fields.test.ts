// Unknown fields: what every vendor's validation refuses first.
import { describe, expect, it } from 'vitest'
import { unknownFields } from '../../src/core/fields.ts'

describe('unknownFields', () => {
  it('names the keys the allowed list does not, in the body’s order, from a list or a set', () => {
    const body = { peopleID: '1', imageUrl: 'x', extra: 2 }
    expect(unknownFields(body, ['imageUrl', 'peopleId'])).toEqual(['peopleID', 'extra'])
    expect(unknownFields(body, new Set(['imageUrl', 'peopleID', 'extra']))).toEqual([])
  })

  it('counts a JSON `__proto__` key as a field, and nothing inherited', () => {
    const body = JSON.parse('{"__proto__":{"polluted":1},"a":1}') as Record<string, unknown>
    expect(unknownFields(body, ['a'])).toEqual(['__proto__'])
    expect(unknownFields(Object.create({ inherited: 1 }) as Record<string, unknown>, [])).toEqual([])
  })
})
