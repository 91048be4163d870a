// The pieces of a fidelity record on their own: a value's shape, the redaction, the comparison
// and its reporters. (The CLI and the vitest API are driven end to end in test/cli/fidelity.test.ts
// and test/contract/fidelity-api.test.ts.)
import { describe, expect, it } from 'vitest'
import { compareRecords, comparisonFails } from '../../src/contract/fidelity/compare.ts'
import { recordDate, recordExchange, RECORD_FORMAT, serializeRecord, type FidelityRecord, type RecordedExchange } from '../../src/contract/fidelity/record.ts'
import { MAX_KEPT, Redactor, redactPatterns } from '../../src/contract/fidelity/redact.ts'
import { formatComparison } from '../../src/contract/fidelity/report.ts'
import { formatOf, shapeOf, stableJson } from '../../src/contract/fidelity/shape.ts'
import type { Exchange } from '../../src/contract/http.ts'

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
const JWT = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'abc', exp: 1, clientId: '5eb04fcd0f3e360008035eb1' })}.c2lnbmF0dXJl`
const keep = (t: string) => t

describe('shapeOf', () => {
  it('names each string format and never keeps a success value', () => {
    const cases: [string, string][] = [
      [JWT, 'jwt'],
      ['74cc9a73-1ec7-443e-8f54-caeac106f71a', 'uuid'],
      ['5eb04fcd0f3e360008035eb1', 'objectid'],
      ['2026-12-07T05:07:49.516Z', 'date-time'],
      ['2026-12-07', 'date'],
      ['ada@example.com', 'email'],
      ['https://www.example.com/*', 'url'],
      ['12345678909', 'digits'],
      ['test_tokensandbox_default_0001', 'token'],
      ['Ada Lovelace', 'string'],
      ['', 'empty'],
    ]
    for (const [value, format] of cases) expect([value, formatOf(value)]).toEqual([value, format])
    const shape = shapeOf({ token: JWT, name: 'Ada', n: 3, items: [{ id: 'a' }, { id: 'b' }] }, { redact: keep })
    expect(JSON.stringify(shape)).not.toMatch(/Ada|5eb04f|"a"/)
    expect(shape).toMatchObject({ keys: { n: { type: 'integer' }, items: { type: 'array', length: 2, items: { type: 'object' } } } })
    expect((shape as any).keys.token.jwt).toEqual({
      header: { alg: { type: 'string', format: 'string', value: 'HS256' }, typ: { type: 'string', format: 'string' } },
      claims: { sub: { type: 'string', format: 'string' }, exp: { type: 'integer' }, clientId: { type: 'string', format: 'objectid' } },
    })
  })

  it('an error body keeps its fields and message text, redacted; never an instant', () => {
    const shape = shapeOf({ type: 'invalid_request', message: "client 5eb04fcd0f3e360008035eb1 isn't yours", status: 400, at: 1796620069 }, { keepValues: true, redact: redactPatterns })
    expect(shape).toEqual({
      type: 'object',
      keys: {
        type: { type: 'string', format: 'string', value: 'invalid_request' },
        message: { type: 'string', format: 'string', value: "client <hex> isn't yours" },
        status: { type: 'integer', value: 400 },
        at: { type: 'integer' },
      },
    })
  })

  it('keys that are ids or emails are replaced by their format', () => {
    expect(Object.keys((shapeOf({ 'ada@example.com': 1, '5eb04fcd0f3e360008035eb1': 2 }, { redact: keep }) as any).keys)).toEqual(['<email>', '<objectid>'])
  })
})

describe('Redactor', () => {
  it('replaces what the run has seen and whatever looks like a secret', () => {
    const r = new Redactor()
    r.learn('hedmoral_admin')
    r.learn('person')
    expect(r.redact("user hedmoral_admin: 'person' needs personDetails")).toBe("user <redacted>: '<redacted>' needs personDetails")
    expect(redactPatterns(`token ${JWT} for ada@example.com, card 9943885934022010, key sandbox-prod-secret-0001-5c1e7a93d04b28f6e1a7c3d9, id 5eb04fcd0f3e360008035eb1`)).toBe(
      'token <jwt> for <email>, card <digits>, key <token>, id <hex>',
    )
    expect(redactPatterns('CPF 123.456.789-09 or 4111 1111 1111 1111')).toBe('CPF <digits> or <digits>')
    // Words with a digit in them stay (an algorithm, an API version).
    expect(redactPatterns('HS256 on v1')).toBe('HS256 on v1')
  })

  it('cuts a long string before any pattern sees it', () => {
    expect(redactPatterns('x'.repeat(100_000)).length).toBe(MAX_KEPT + 1)
  })
})

/** One exchange recorded with `redactor`: `options` as the suite sent them, `body` as the answer (JSON). */
function recordWith(redactor: Redactor, path: string, options: Exchange['options'], status: number, body: unknown): RecordedExchange {
  const text = JSON.stringify(body)
  return recordExchange({ method: 'GET', path, options, answer: { status, headers: new Headers({ 'content-type': 'application/json' }), body, text } }, redactor)
}

describe('redaction leaks closed (red-team 8)', () => {
  it('a query parameter name that is data is redacted; the API\'s own names stay', () => {
    const r = new Redactor()
    r.learn('sent-before-value')
    const e = recordWith(r, '/clients?john.doe@example.com&12345678901&sent-before-value&page', {}, 200, {})
    expect(e.request.query).toEqual(['<digits>', '<email>', '<redacted>', 'page'])
    expect(JSON.stringify(e)).not.toMatch(/john|12345678901|sent-before/)
  })

  it('known values are replaced before the text is cut: a secret across the cut leaves no prefix', () => {
    const r = new Redactor()
    r.learn('correct-horse-battery-staple')
    const out = r.redact('x'.repeat(295) + 'correct-horse-battery-staple and more')
    expect(out).not.toMatch(/corr/)
    expect(out.length).toBeLessThanOrEqual(MAX_KEPT + 1)
    // A huge text: bounded output, and the scan stops once enough is out.
    const started = Date.now()
    expect(r.redact('correct-horse-battery-staple '.repeat(40_000))).toMatch(/^(<redacted> )+/)
    expect(Date.now() - started).toBeLessThan(500)
  })

  it('a short path value with a digit (D-9, C-2) becomes {id}, and its echo is redacted; v1 stays', () => {
    const r = new Redactor()
    const e = recordWith(r, '/v1/accounts/A-77/devices/D-9', {}, 404, { message: 'device D-9 of A-77 not found', code: 'device_not_found' })
    expect(e.request.path).toBe('/v1/accounts/{id}/devices/{id}')
    expect(e.body).toMatchObject({ keys: { message: { value: 'device <redacted> of <redacted> not found' } } })
    // Body values of three characters or more are learnt too.
    const f = recordWith(r, '/contacts', { json: { contact: 'C-2', name: 'Bo' } }, 400, { message: 'contact C-2 exists' })
    expect(f.body).toMatchObject({ keys: { message: { value: 'contact <redacted> exists' } } })
  })

  it('a Basic authorization teaches its user and password; a Bearer header its token', () => {
    const r = new Redactor()
    const basic = `Basic ${Buffer.from('hedmoral_admin:Sandbox').toString('base64')}`
    const e = recordWith(r, '/token', { headers: { authorization: basic } }, 401, { message: 'user hedmoral_admin: wrong password Sandbox' })
    expect(e.body).toMatchObject({ keys: { message: { value: 'user <redacted>: wrong password <redacted>' } } })
    const f = recordWith(r, '/me', { headers: { authorization: 'Bearer opaqueaccesstoken' } }, 401, { message: 'token opaqueaccesstoken expired' })
    expect(f.body).toMatchObject({ keys: { message: { value: 'token <redacted> expired' } } })
  })

  it('an answer key __proto__ is kept in the shape, the file and the comparison', () => {
    const body = JSON.parse('{"__proto__": {"polluted": 1}, "ok": true}')
    const shape = shapeOf(body, { redact: keep }) as { keys: Record<string, unknown> }
    expect(Object.keys(shape.keys).sort()).toEqual(['__proto__', 'ok'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(stableJson(shape)).toContain('"__proto__":{"keys":{"polluted":{"type":"integer"}},"type":"object"}')
    const withKey = recordOf([{ name: 'c', result: 'pass', exchanges: [recordWith(new Redactor(), '/x', {}, 200, body)] }])
    const without = recordOf([{ name: 'c', result: 'pass', exchanges: [recordWith(new Redactor(), '/x', {}, 200, { ok: true })] }])
    const c = compareRecords(JSON.parse(serializeRecord(withKey)), JSON.parse(serializeRecord(without)))
    expect(c.cases[0]!.differences).toEqual([expect.objectContaining({ kind: 'shape', at: 'body.__proto__', actual: 'absent' })])
  })
})

function exchange(status: number, body: unknown, path = '/clients/5eb04fcd0f3e360008035eb1'): RecordedExchange {
  const text = JSON.stringify(body)
  return recordExchange(
    { method: 'GET', path, options: { headers: { authorization: 'test_secret_key_0001' }, query: { page: 1 } }, answer: { status, headers: new Headers({ 'content-type': 'application/json', 'x-powered-by': 'x' }), body, text } },
    new Redactor(),
  )
}

const recordOf = (cases: FidelityRecord['cases']): FidelityRecord => ({ format: RECORD_FORMAT, tool: { name: 'token-sandbox', version: '1' }, vendor: 'complycube', environment: 'vendor', date: recordDate({ SOURCE_DATE_EPOCH: '0' }), cases })

describe('recordExchange and the record file', () => {
  it('a path template, the query names, the headers that matter', () => {
    expect(exchange(404, { type: 'resource_not_found', message: 'Invalid client id 5eb04fcd0f3e360008035eb1' })).toEqual({
      request: { method: 'GET', path: '/clients/{id}', query: ['page'] },
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: {
        type: 'object',
        keys: {
          type: { type: 'string', format: 'string', value: 'resource_not_found' },
          message: { type: 'string', format: 'string', value: 'Invalid client id <redacted>' },
        },
      },
    })
  })

  it('is stable: keys sorted, cases by name, the date from SOURCE_DATE_EPOCH', () => {
    const text = serializeRecord(recordOf([{ name: 'b', result: 'pass', exchanges: [] }, { name: 'a', result: 'skip', exchanges: [] }]))
    expect(text.indexOf('"name": "a"')).toBeLessThan(text.indexOf('"name": "b"'))
    expect(text).toMatch(/^\{\n {2}"cases"/)
    expect(text).toContain('"date": "1970-01-01T00:00:00.000Z"')
  })
})

describe('compareRecords and the reporters', () => {
  const recorded = recordOf([
    { name: 'clients > 404', result: 'pass', exchanges: [exchange(404, { type: 'resource_not_found', message: 'Not found' })] },
    { name: 'tokens > issues', result: 'pass', exchanges: [exchange(200, { token: JWT }, '/tokens')] },
    { name: 'needs the clock', result: 'skip', exchanges: [] },
  ])

  it('the same run: no difference; a skipped case is not compared', () => {
    const c = compareRecords(recorded, recorded)
    expect(comparisonFails(c)).toBe(false)
    expect(c.cases.map((k) => k.outcome)).toEqual(['same', 'not compared', 'same'])
  })

  it('names each difference: status, message, format, missing key', () => {
    const now = recordOf([
      { name: 'clients > 404', result: 'pass', exchanges: [exchange(410, { type: 'gone', message: 'Not found' })] },
      { name: 'tokens > issues', result: 'pass', exchanges: [exchange(200, { token: 'opaque' }, '/tokens')] },
      { name: 'needs the clock', result: 'pass', exchanges: [] },
    ])
    const c = compareRecords(recorded, now)
    expect(comparisonFails(c)).toBe(true)
    expect(c.cases.find((k) => k.name === 'clients > 404')!.differences).toEqual([
      { kind: 'status', at: 'status', exchange: 1, request: 'GET /clients/{id}?page', expected: '404', actual: '410' },
      { kind: 'message', at: 'body.type', exchange: 1, request: 'GET /clients/{id}?page', expected: '"resource_not_found"', actual: '"gone"' },
    ])
    expect(c.cases.find((k) => k.name === 'tokens > issues')!.differences).toEqual([
      expect.objectContaining({ kind: 'format', at: 'body.token', expected: 'string (jwt)', actual: 'string (string)' }),
    ])
    const text = formatComparison(c, 'text', 'r.json')
    expect(text).toContain('  DIFFERENT    clients > 404\n      status: exchange 1 (GET /clients/{id}?page): recorded 404, now 410')
    expect(text).toContain('fidelity: 2 of 2 cases differ (1 not compared)')
    expect(JSON.parse(formatComparison(c, 'json', 'r.json'))).toMatchObject({ failed: true, different: 2 })
    const xml = formatComparison(c, 'junit', 'r.json')
    expect(xml).toContain('name="clients &gt; 404"')
    expect(xml).toMatch(/<testsuites [^>]*tests="3" failures="2" errors="0" skipped="1"/)
  })

  it('names each place once: a result, an exchange count, a status (text and junit)', () => {
    const now = recordOf([
      { name: 'clients > 404', result: 'fail', exchanges: [] },
      { name: 'tokens > issues', result: 'pass', exchanges: [exchange(503, {}, '/tokens')] },
    ])
    const c = compareRecords(recorded, now)
    const lines = formatComparison(c, 'text', 'r.json').split('\n')
    expect(lines).toContain('      result: recorded pass, now fail')
    expect(lines).toContain('      exchanges: recorded 1, now 0')
    expect(lines).toContain('      status: exchange 1 (GET /tokens?page): recorded 200, now 503')
    const xml = formatComparison(c, 'junit', 'r.json')
    expect(xml).toContain('result: recorded pass, now fail\nexchanges: recorded 1, now 0</failure>')
    expect(xml).not.toMatch(/(\w+): (exchange \d+ \([^)]*\) )?\1:/)
  })

  it('nothing compared at all (another suite, every case skipped) fails', () => {
    expect(comparisonFails(compareRecords(recorded, recordOf([])))).toBe(true)
  })
})
