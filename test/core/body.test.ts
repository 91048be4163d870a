import { describe, expect, it } from 'vitest'
import { isJsonContentType, parseJsonBody } from '../../src/core/body.ts'

const bytes = (s: string) => new TextEncoder().encode(s)

describe('JSON bodies', () => {
  it('parses JSON sent as application/json (with parameters) or a +json type', () => {
    expect(parseJsonBody(bytes('{"a":1}'), 'application/json; charset=utf-8', 100)).toEqual({ ok: true, value: { a: 1 } })
    expect(isJsonContentType('application/vnd.api+json')).toBe(true)
  })

  it('treats an empty body as no body', () => {
    expect(parseJsonBody(null, undefined, 100)).toEqual({ ok: true, value: undefined })
    expect(parseJsonBody(bytes('   '), 'application/json', 100)).toEqual({ ok: true, value: undefined })
  })

  it.each([
    ['{"a":', 'application/json', 'malformed'],
    ['{"a":1}', 'text/plain', 'content_type'],
    ['{"a":1}', undefined, 'content_type'],
    ['x'.repeat(101), 'application/json', 'too_large'],
  ])('refuses %j as %s: %s', (body, ct, problem) => {
    expect(parseJsonBody(bytes(body), ct, 100)).toMatchObject({ ok: false, problem })
  })

  it('refuses bytes that are not UTF-8', () => {
    expect(parseJsonBody(new Uint8Array([0x7b, 0xff, 0x7d]), 'application/json', 100)).toMatchObject({ ok: false, problem: 'malformed' })
  })

  it.each(['{"password":Hedmoral-Sandbox-1}', 'Hedmoral-Sandbox-1', '{"key":"test_abcdefgh12345678"} trailing Hedmoral-Sandbox-1'])(
    'says what is wrong with %j without quoting any of it (it may hold a secret)',
    (body) => {
      const r = parseJsonBody(bytes(body), 'application/json', 1000)
      expect(r).toMatchObject({ ok: false, problem: 'malformed' })
      const detail = r.ok ? '' : r.detail
      expect(detail).toMatch(/JSON/)
      expect(detail).not.toMatch(/Sandbox|Hedmoral|abcdefgh/)
    },
  )

  it('keeps __proto__ as a plain own key instead of touching the prototype', () => {
    const r = parseJsonBody(bytes('{"__proto__":{"polluted":true}}'), 'application/json', 100)
    expect(r.ok && Object.prototype.hasOwnProperty.call(r.value, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
