// CPF handling: CAF strips a document mask (`.`, `-`, `/`) from identifiers made only of digits
// and those symbols; check digits are mod-11 and only enforced when asked.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { hasValidCpfCheckDigits, isCpfShaped, normalisePersonId } from '../../../src/vendors/caf/cpf.ts'

describe('normalisePersonId', () => {
  it.each([
    ['123.456.789-09', '12345678909'],
    ['12345678909', '12345678909'],
    [' 123.456.789-09 ', '12345678909'],
    ['12.345.678/0001-95', '12345678000195'],
    ['user-42@example.com', 'user-42@example.com'],
    ['ext.id-7a', 'ext.id-7a'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalisePersonId(input)).toBe(expected)
  })

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalisePersonId(normalisePersonId(s)) === normalisePersonId(s)))
  })
})

describe('isCpfShaped', () => {
  it.each([
    ['123.456.789-09', true],
    ['00011122233', true],
    ['1234567890', false],
    ['123456789012', false],
    ['1234567890a', false],
    ['', false],
  ])('%j → %s', (input, expected) => {
    expect(isCpfShaped(input)).toBe(expected)
  })
})

describe('hasValidCpfCheckDigits', () => {
  it.each(['123.456.789-09', '12345678909', '98765432100', '529.982.247-25'])('accepts %j', (cpf) => {
    expect(hasValidCpfCheckDigits(cpf)).toBe(true)
  })

  it.each([
    ['a wrong first check digit', '12345678919'],
    ['a wrong second check digit', '12345678900'],
    ['a repeated digit', '111.111.111-11'],
    ['all zeros', '00000000000'],
    ['ten digits', '1234567890'],
    ['letters', 'abcdefghijk'],
  ])('refuses %s', (_what, cpf) => {
    expect(hasValidCpfCheckDigits(cpf)).toBe(false)
  })

  it('accepts exactly one second check digit for any nine-digit base with its right first check digit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }), (base) => {
        if (base.every((d) => d === base[0])) return
        const valid = [...Array(100).keys()]
          .map((n) => base.join('') + String(n).padStart(2, '0'))
          .filter(hasValidCpfCheckDigits)
        expect(valid).toHaveLength(1)
      }),
      { numRuns: 200 },
    )
  })
})
