import { describe, expect, it } from 'vitest'
import { constantTimeEqual } from '../../../src/vendors/ca/secret-compare.ts'

describe('constantTimeEqual', () => {
  it('is true only for the same string', () => {
    expect(constantTimeEqual('Hedmoral-Sandbox-1', 'Hedmoral-Sandbox-1')).toBe(true)
    expect(constantTimeEqual('Hedmoral-Sandbox-1', 'Hedmoral-Sandbox-2')).toBe(false)
    expect(constantTimeEqual('Hedmoral-Sandbox-1', 'hedmoral-Sandbox-1')).toBe(false)
  })

  it('tells prefixes and extensions apart', () => {
    expect(constantTimeEqual('secret', 'secre')).toBe(false)
    expect(constantTimeEqual('secret', 'secret\u0000')).toBe(false)
    expect(constantTimeEqual('secret', '')).toBe(false)
    expect(constantTimeEqual('', 'x')).toBe(false)
  })

  it('compares non-ASCII text by its UTF-8 bytes', () => {
    expect(constantTimeEqual('lösenord-ü', 'lösenord-ü')).toBe(true)
    expect(constantTimeEqual('lösenord-ü', 'losenord-u')).toBe(false)
  })
})
