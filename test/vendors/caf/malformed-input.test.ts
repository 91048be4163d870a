// Bad input of every kind answers in CAF's `{requestId, message}` shape on both transports:
// never a 500, a stack trace or a hang. The token is good in these cases, so the body is judged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mintCafToken } from '../../../src/vendors/caf/mint.ts'
import { transports, type Transport } from '../../support/transports.ts'
import { KEYS, SEEDED_CPF, cafBase, call, expectCafError } from './support.ts'

describe.each(transports)('CAF bad input, %s transport', (_name, start) => {
  let t: Transport
  let token: string
  let mobile: string
  let bff: string
  beforeAll(async () => {
    t = await start({ bodyLimit: 16 * 1024, seed: 'caf-bad-input' })
    token = await mintCafToken(KEYS.prod)
    mobile = cafBase(t, 'prod', 'mobile')
    bff = cafBase(t, 'prod', 'bff')
  })
  afterAll(() => t.close())

  const raw = (path: string, body: BodyInit, contentType = 'application/json', base = mobile) =>
    call(`${base}${path}`, { method: 'POST', token, raw: body, headers: { 'content-type': contentType } })

  it.each([
    ['truncated JSON', '{"peopleId":'],
    ['a trailing comma', `{"peopleId":"${SEEDED_CPF}",}`],
    ['form encoding sent as JSON', `peopleId=${SEEDED_CPF}`],
    ['bytes that are not UTF-8', new Uint8Array([0x7b, 0xc3, 0x28, 0x7d])],
  ])('answers 400 to %s', async (_what, body) => {
    expectCafError(await raw('/faces/authenticate', body as BodyInit), 400, 'The request body is not valid JSON')
  })

  it.each([
    ['an array body', '[1,2,3]', 'The request body must be a JSON object'],
    ['a JSON null', 'null', 'The request body must be a JSON object'],
    ['a JSON string', '"12345678909"', 'The request body must be a JSON object'],
    ['an empty object', '{}', "'peopleId' is required"],
    ['a number for peopleId', '{"peopleId":12345678909}', "'peopleId' must be a string"],
    ['an object for peopleId', '{"peopleId":{"$ne":null}}', "'peopleId' must be a string"],
    ['too few digits', '{"peopleId":"1234"}', "'peopleId' must be a CPF: 11 digits"],
    ['letters in peopleId', '{"peopleId":"1234567890a"}', "'peopleId' must be a CPF: 11 digits"],
    ['an unknown key', `{"peopleId":"${SEEDED_CPF}","admin":true}`, "'admin' is not an allowed field"],
    ['a __proto__ key', `{"peopleId":"${SEEDED_CPF}","__proto__":{"x":1}}`, "'__proto__' is not an allowed field"],
    ['a non-URL imageUrl', `{"peopleId":"${SEEDED_CPF}","imageUrl":"not a url"}`, "'imageUrl' must be a URL"],
    ['a javascript: imageUrl', `{"peopleId":"${SEEDED_CPF}","imageUrl":"javascript:alert(1)"}`, "'imageUrl' must be an http or https URL"],
    ['a device that is a string', `{"peopleId":"${SEEDED_CPF}","device":"android"}`, "'device' must be an object"],
    ['an unknown device field', `{"peopleId":"${SEEDED_CPF}","device":{"imei":"1"}}`, "'device.imei' is not an allowed field"],
    ['a number in a device field', `{"peopleId":"${SEEDED_CPF}","device":{"model":5}}`, "'device.model' must be a string"],
  ])('answers 400 to %s on POST /faces/authenticate', async (_what, body, message) => {
    expectCafError(await raw('/faces/authenticate', body), 400, message)
  })

  it.each([
    ['register without imageUrl', '/faces/register', `{"peopleId":"${SEEDED_CPF}"}`, "'imageUrl' is required"],
    ['register with an empty body', '/faces/register', '', "'peopleId' is required"],
    ['liveness with a person that is an array', '/faces/liveness', '{"imageUrl":"https://i.example/a.jpg","person":[]}', "'person' must be an object"],
    ['liveness with a bad person.cpf', '/faces/liveness', '{"imageUrl":"https://i.example/a.jpg","person":{"cpf":"x"}}', "'person.cpf' must be a CPF: 11 digits"],
  ])('answers 400 to %s', async (_what, path, body, message) => {
    expectCafError(await raw(path, body), 400, message)
  })

  it('answers 415 to a body sent without the JSON content type', async () => {
    expectCafError(await raw('/faces/authenticate', `{"peopleId":"${SEEDED_CPF}"}`, 'text/plain'), 415)
  })

  it('answers 413 to a body over the limit', async () => {
    const body = JSON.stringify({ peopleId: SEEDED_CPF, imageUrl: `https://i.example/${'a'.repeat(20_000)}.jpg` })
    expectCafError(await raw('/faces/authenticate', body), 413, /too large/)
  })

  it('judges the token before the body: a bad token with a bad body is 401', async () => {
    const a = await call(`${mobile}/faces/authenticate`, { method: 'POST', token: 'test123', raw: '{not json', headers: { 'content-type': 'application/json' } })
    expectCafError(a, 401, 'The token used is not valid for this product')
  })

  it.each([
    ['GET', '/nothing-here'],
    ['POST', '/faces'],
    ['GET', '/faces/authenticate/a/b'],
  ])('answers 404 to %s %s', async (method, path) => {
    expectCafError(await call(`${mobile}${path}`, { method, token }), 404)
  })

  it("answers 405 'HTTP method not allowed' with Allow to a method a path does not have", async () => {
    const a = await call(`${mobile}/faces/authenticate`, { method: 'PUT', token })
    expectCafError(a, 405, 'HTTP method not allowed')
    expect(a.headers.get('allow')).toBe('POST')
    expectCafError(await call(`${bff}/session-tokens`, { method: 'DELETE', token }), 405)
  })

  it('answers any JSON value as a body with a 200 or a 4xx in CAF shape (bounded fuzz)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('/faces/authenticate', '/faces/register', '/faces/liveness'), async (value, path) => {
        const a = await raw(path, JSON.stringify(value))
        expect(a.status).toBeLessThan(500)
        if (a.status !== 200) expectCafError(a, a.status)
      }),
      { numRuns: 60, interruptAfterTimeLimit: 10_000 },
    )
  })
})
