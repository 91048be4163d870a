import { describe, expect, it } from 'vitest'
import { describeJsonError, isJsonContentType, parseJsonBody } from '../../src/core/body.ts'
import { expectLinear } from '../support/timing.ts'

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

  it.each([
    ["V8's quoted piece", 'Unexpected token \'H\', ..."password":Hedmoral-S"... is not valid JSON', 'Unexpected token \'H\' in JSON'],
    ['a message without a quote', 'Unexpected end of JSON input', 'Unexpected end of JSON input'],
    ['a quote after spaces and dots', 'Bad thing ,   ..."x', 'Bad thing in JSON'],
    ['a quote first', '"x" is not valid JSON', 'Unexpected input in JSON'],
  ])('cuts %s off the message', (_what, message, detail) => expect(describeJsonError(new SyntaxError(message))).toBe(detail))

  // Another engine's message is not bounded as V8's is: a run of spaces before no quote at all.
  it('attack: a message with a long run of spaces and no quote is cut in linear time', () => {
    expectLinear((n) => () => describeJsonError(new SyntaxError('x,' + ' '.repeat(n) + 'y')), 100_000)
    expectLinear((n) => () => describeJsonError(new SyntaxError('x,' + ' '.repeat(n) + '"')), 100_000)
  })
})
