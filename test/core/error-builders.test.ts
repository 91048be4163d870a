// Default error builders: every builder from a vendor's one error maker, overridable.
import { describe, expect, it } from 'vitest'
import { defaultErrors } from '../../src/core/error-builders.ts'
import { ERROR_BUILDERS } from '../../src/core/service.ts'
import { json } from '../../src/core/http.ts'

const make = (status: number, message: string) => json(status, { oops: { status, message } })

describe('defaultErrors', () => {
  it('gives every builder the core calls, each in the maker’s shape with its status', () => {
    const errors = defaultErrors(make)
    for (const b of ERROR_BUILDERS) expect(typeof errors[b]).toBe('function')
    expect(errors.malformedJson('x')).toMatchObject({ status: 400, body: { oops: { status: 400 } } })
    expect(errors.bodyTooLarge(10)).toMatchObject({ status: 413, body: { oops: { message: 'The request body is too large (limit 10 bytes)' } } })
    expect(errors.forStatus(503)).toMatchObject({ status: 503, body: { oops: { message: 'Service unavailable' } } })
    expect(errors.forStatus(418)).toMatchObject({ status: 418, body: { oops: { message: 'HTTP 418' } } })
    expect(errors.parserRefusal(431, 'too big')).toMatchObject({ status: 431, body: { oops: { message: 'too big' } } })
    expect(errors.rateLimited(7)).toEqual({ ...json(429, { oops: { status: 429, message: 'Too many requests' } }), headers: { 'content-type': expect.any(String), 'retry-after': '7' } })
  })

  it('answers 405 with Allow by default, or as the vendor’s 404 when it documents no 405', () => {
    expect(defaultErrors(make).methodNotAllowed('PUT', '/x', ['GET', 'POST'])).toMatchObject({ status: 405, headers: { allow: 'GET, POST' } })
    const as404 = defaultErrors(make, { notFound: (m, p) => json(404, { nope: `${m} ${p}` }), methodNotAllowed: 'as404' })
    expect(as404.methodNotAllowed('PUT', '/x', ['GET'])).toEqual(json(404, { nope: 'PUT /x' }))
  })
})
