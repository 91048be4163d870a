// Stub rules (the answer part of a fault rule, and its finer matchers): what they take, what they
// refuse (one line each, in-process as FaultError and over the admin API as a 400 in the sandbox's
// error shape), and which requests they match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFaults, FaultError, STUB_LIMITS, type FaultRequest } from '../../src/core/faults.ts'
import { createSandbox } from '../../src/index.ts'
import { serverTransport, type Transport } from '../support/transports.ts'

const VENDORS = ['complycube', 'caf', 'ca']
const req = (over: Partial<FaultRequest> = {}): FaultRequest => ({
  vendor: 'complycube',
  environment: 'sandbox',
  method: 'POST',
  path: '/complycube/v1/tokens',
  subPath: '/tokens',
  ...over,
})
const base64Of = (bytes: number) => Buffer.alloc(bytes, 7).toString('base64')
/** `depth` arrays, one inside the other, as JSON text parses them (`[[[]]]` is 3). */
const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth))
const cyclic = (): unknown => {
  const a: unknown[] = []
  a.push({ a })
  return a
}
/** Whether a rule can travel as JSON (a BigInt, a function or a cycle cannot). */
const asJson = (rule: Record<string, unknown>) => {
  try {
    return JSON.stringify(rule) !== undefined && Object.values(rule).every((v) => typeof v !== 'function')
  } catch {
    return false
  }
}

/** Every rule the sandbox refuses, with what its one line says. */
const REFUSED: [string, Record<string, unknown>, RegExp][] = [
  ['two bodies', { json: {}, text: 'x' }, /answers one body: 'json' or 'text', not both/],
  ['json that is no JSON value (a BigInt, in code)', { json: 10n }, /'json' must be a JSON value/],
  ['json that is no JSON value (a function, in code)', { json: () => 1 }, /'json' must be a JSON value/],
  ['json that contains itself (in code)', { json: cyclic() }, /'json' must be a JSON value \(this one contains itself\)/],
  [`json nested ${STUB_LIMITS.jsonDepth + 1} deep`, { json: nested(STUB_LIMITS.jsonDepth + 1) }, /^'json' may nest at most 64 arrays or objects deep$/],
  // Deep enough to overflow a recursive copy (3500) or JSON.stringify itself (5000): valid JSON, too deep.
  ['json nested 3500 deep', { json: nested(3500) }, /^'json' may nest at most 64 arrays or objects deep$/],
  ['json nested 20000 deep in an object', { json: { a: nested(20_000) } }, /^'json' may nest at most 64 arrays or objects deep$/],
  ['json with more values than the body may hold bytes', { json: new Array(STUB_LIMITS.bodyBytes + 1).fill(0) }, /The body must be at most 65536 bytes/],
  ['base64 with non-zero bits past the last byte (QR== for QQ==)', { base64: 'QR==' }, /'base64' must be canonical: the bits past the last byte must be zero \('QQ==' at the end, not 'QR=='\)/],
  ['base64 with non-zero bits past the last two bytes', { base64: 'QUF=' }, /'base64' must be canonical.*'QUE=' at the end/],
  ['text that is not a string', { text: 42 }, /'text' must be a string/],
  ['base64 with a stray character', { base64: 'ab$=' }, /'base64' must be standard base64/],
  ['base64 of the wrong length', { base64: 'abc' }, /'base64' must be standard base64/],
  ['a text body over the limit', { text: 'x'.repeat(STUB_LIMITS.bodyBytes + 1) }, /The body must be at most 65536 bytes \(this one is 65537\)/],
  ['a JSON body over the limit', { json: { pad: 'x'.repeat(STUB_LIMITS.bodyBytes) } }, /The body must be at most 65536 bytes/],
  ['a base64 body over the limit', { base64: base64Of(STUB_LIMITS.bodyBytes + 3) }, /The body must be at most 65536 bytes/],
  ['a multi-byte text body over the limit in bytes', { text: 'é'.repeat(STUB_LIMITS.bodyBytes / 2 + 1) }, /at most 65536 bytes \(this one is 65538\)/],
  ['contentType without a body', { status: 500, contentType: 'text/plain' }, /'contentType' needs a body/],
  ['a contentType that is no media type', { text: 'x', contentType: 'plain' }, /'contentType' must be a media type/],
  ['a contentType with CR/LF', { text: 'x', contentType: 'text/plain\r\nx-injected: 1' }, /'contentType' must be a media type/],
  ['headers that are not an object', { json: 1, headers: ['x'] }, /'headers' must be an object/],
  ['too many headers', { json: 1, headers: Object.fromEntries(Array.from({ length: STUB_LIMITS.headers + 1 }, (_, i) => [`x-h${i}`, 'v'])) }, /at most 20 headers/],
  ['a header name with a space', { json: 1, headers: { 'x bad': 'v' } }, /Header name 'x bad' is not a valid field name/],
  ['a header name with a colon', { json: 1, headers: { 'x:bad': 'v' } }, /is not a valid field name/],
  ['a header name too long', { json: 1, headers: { ['x'.repeat(STUB_LIMITS.headerName + 1)]: 'v' } }, /is not a valid field name/],
  ['a header value with CR/LF', { json: 1, headers: { 'x-a': 'v\r\nset-cookie: a=b' } }, /Header 'x-a' must be a string of at most 1024 printable ASCII characters, without CR, LF/],
  ['a header value with a non-ASCII character', { json: 1, headers: { 'x-a': 'é' } }, /Header 'x-a' must be/],
  ['a header value too long', { json: 1, headers: { 'x-a': 'v'.repeat(STUB_LIMITS.headerValue + 1) } }, /Header 'x-a' must be/],
  ['a header value with surrounding spaces', { json: 1, headers: { 'x-a': ' v' } }, /Header 'x-a' must be/],
  ['a header value that is not a string', { json: 1, headers: { 'x-a': 1 } }, /Header 'x-a' must be/],
  ['the same header twice', { json: 1, headers: { 'X-A': '1', 'x-a': '2' } }, /Header 'x-a' is given twice/],
  ['content-length', { json: 1, headers: { 'Content-Length': '3' } }, /Header 'content-length' cannot be set by a fault: set by the transport/],
  ['transfer-encoding', { json: 1, headers: { 'transfer-encoding': 'chunked' } }, /'transfer-encoding' cannot be set by a fault: a hop-by-hop header/],
  ['connection', { json: 1, headers: { connection: 'close' } }, /'connection' cannot be set/],
  ['keep-alive', { json: 1, headers: { 'keep-alive': 'timeout=5' } }, /'keep-alive' cannot be set/],
  ['upgrade', { json: 1, headers: { upgrade: 'h2c' } }, /'upgrade' cannot be set/],
  ['content-type', { json: 1, headers: { 'content-type': 'text/html' } }, /set it with 'contentType'/],
  ['a CORS header', { json: 1, headers: { 'access-control-allow-origin': '*' } }, /CORS is answered by the server/],
  ['the reason header', { json: 1, headers: { 'x-token-sandbox-reason': 'x' } }, /'x-token-sandbox-reason' cannot be set/],
  ['set-cookie', { json: 1, headers: { 'Set-Cookie': 'a=b' } }, /^Header 'set-cookie' cannot be set by a fault: it acts on the browser beyond this answer \(cookies are not port-scoped/],
  ['clear-site-data', { json: 1, headers: { 'clear-site-data': '"*"' } }, /^Header 'clear-site-data' cannot be set by a fault: it acts on the browser beyond this answer$/],
  ['strict-transport-security', { json: 1, headers: { 'strict-transport-security': 'max-age=1' } }, /'strict-transport-security' cannot be set by a fault: it acts on the browser/],
  ['refresh', { json: 1, headers: { refresh: '0; url=/__sandbox/' } }, /'refresh' cannot be set by a fault: it acts on the browser/],
  ['a content-security-policy of its own', { json: 1, headers: { 'content-security-policy': "script-src 'unsafe-inline'" } }, /'content-security-policy' cannot be set by a fault: the sandbox sends its own on every stub answer \(sandbox\)/],
  ['x-content-type-options', { json: 1, headers: { 'x-content-type-options': 'sniff' } }, /'x-content-type-options' cannot be set by a fault: the sandbox sends its own on every stub answer \(nosniff\)/],
  // Set on the status-only fault's vendor error too: the list is the same.
  ['set-cookie on a status-only fault', { status: 500, headers: { 'set-cookie': 'a=b' } }, /'set-cookie' cannot be set by a fault/],
  ['a stub status below 200', { json: 1, status: 199 }, /'status' with a body must be an integer from 200 to 599/],
  ['a stub status of 204', { json: 1, status: 204 }, /not 204, 205 or 304/],
  ['a stub status of 304', { json: 1, status: 304 }, /not 204, 205 or 304/],
  ['a stub status that is no integer', { json: 1, status: '200' }, /'status' with a body must be an integer/],
  ['a status below 400 without a body', { status: 200 }, /'status' must be an integer from 400 to 599 \(a status without a body/],
  ['a body and drop', { json: 1, drop: true }, /either answers a body or drops the connection/],
  ['headers with neither status nor body', { headers: { 'retry-after': '1' } }, /'headers' need a 'status'/],
  ['pathMatch without path', { status: 500, pathMatch: 'exact' }, /'pathMatch' needs 'path'/],
  ['an unknown pathMatch', { status: 500, path: '/x', pathMatch: 'regex' }, /'pathMatch' must be one of contains, exact, prefix/],
  ['an exact path without a leading slash', { status: 500, path: 'tokens', pathMatch: 'exact' }, /'path' must start with \/ to match 'exact'/],
  ['bodyField without bodyEquals', { status: 500, bodyField: 'clientId' }, /'bodyField' needs 'bodyEquals'/],
  ['bodyEquals without bodyField', { status: 500, bodyEquals: 1 }, /'bodyEquals' needs 'bodyField'/],
  ['an empty step in bodyField', { status: 500, bodyField: 'a..b', bodyEquals: 1 }, /'bodyField' must be a field name or a dotted path/],
  ['bodyEquals an object', { status: 500, bodyField: 'a', bodyEquals: { b: 1 } }, /'bodyEquals' must be a string \(at most 1000 characters\), a number, true, false or null/],
  ['header without headerEquals', { status: 500, header: 'x-case' }, /'header' needs 'headerEquals'/],
  ['headerEquals without header', { status: 500, headerEquals: 'a' }, /'headerEquals' needs 'header'/],
  ['a header to match that is no field name', { status: 500, header: 'x case', headerEquals: 'a' }, /'header' must be a header name/],
  ['headerEquals that is not a string', { status: 500, header: 'x-case', headerEquals: 1 }, /'headerEquals' must be a string/],
  ['a method the sandbox never serves', { status: 500, method: 'FETCH' }, /^'method' must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS$/],
  ['a method no HTTP client sends', { status: 500, method: 'TRACE' }, /^'method' must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS$/],
]

/** Rules a sandbox refuses for what it serves: environments are each vendor's own (its store's scopes and mounts). */
const REFUSED_BY_SANDBOX: [string, Record<string, unknown>, RegExp][] = [
  ['an environment ComplyCube does not have', { vendor: 'complycube', environment: 'staging', status: 500 }, /^'environment' must be one of complycube's environments: sandbox, live$/],
  ["another vendor's environment", { vendor: 'complycube', environment: 'beta', status: 500 }, /^'environment' must be one of complycube's environments: sandbox, live$/],
  ['a CAF environment that is not one', { vendor: 'caf', environment: 'sandbox', status: 500 }, /^'environment' must be one of caf's environments: prod, beta, dev$/],
  ['a CA tenant its fixtures do not have', { vendor: 'ca', environment: 'nobody', status: 500 }, /^'environment' must be one of ca's environments: hedmoral/],
  ['an environment no vendor has', { environment: 'staging', status: 500 }, /^'environment' must be one of the vendors' environments: (?=.*sandbox, live)(?=.*prod, beta, dev)(?=.*hedmoral)/],
]

describe('stub rules refused', () => {
  it.each(REFUSED)('in-process: %s', (_, rule, message) => {
    const faults = createFaults(VENDORS)
    let thrown: unknown
    try {
      faults.add(rule as never)
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(FaultError)
    expect((thrown as Error).message).toMatch(message)
    expect((thrown as Error).message).not.toContain('\n')
    expect(faults.size()).toBe(0)
  })

  describe('over the admin API', () => {
    let t: Transport
    beforeAll(async () => {
      t = await serverTransport()
    })
    afterAll(() => t.close())

    // Every rule JSON can carry (a BigInt, a function or a cycle cannot).
    it.each([...REFUSED.filter(([, rule]) => asJson(rule)), ...REFUSED_BY_SANDBOX])('%s: 400, one line', async (_, rule, message) => {
      const res = await fetch(`${t.adminUrl}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) })
      expect(res.status).toBe(400)
      const body = (await res.json()) as { error: { code: string; message: string } }
      expect(body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(message) } })
      expect(body.error.message).not.toContain('\n')
      expect(t.sandbox.faults.size()).toBe(0)
      // Nothing half-kept: the listing answers, empty.
      const listing = await fetch(`${t.adminUrl}/faults`)
      expect(listing.status).toBe(200)
      expect(await listing.json()).toEqual({ faults: [] })
    })

    it('give the first rule taken after refusals the first id: a refused rule takes none', async () => {
      for (const [, rule] of REFUSED_BY_SANDBOX) {
        expect((await fetch(`${t.adminUrl}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) })).status).toBe(400)
      }
      const res = await fetch(`${t.adminUrl}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vendor: 'ca', environment: 'hedmoral', status: 500 }) })
      expect(res.status).toBe(201)
      expect(await res.json()).toMatchObject({ id: 'fault_1', environment: 'hedmoral', bodyField: null, bodyEquals: null })
      t.sandbox.faults.clear()
    })
  })

  it.each(REFUSED_BY_SANDBOX)('by a sandbox, in-process: %s', (_, rule, message) => {
    const sandbox = createSandbox()
    expect(() => sandbox.faults.add(rule as never)).toThrow(FaultError)
    expect(() => sandbox.faults.add(rule as never)).toThrow(message)
    // Refused rules take no id: the next rule taken is the first.
    expect(sandbox.faults.add({ vendor: 'complycube', environment: 'live', method: 'options', status: 500 })).toMatchObject({ id: 'fault_1', environment: 'live', method: 'OPTIONS' })
    sandbox.close()
  })
})

describe('stub rules taken', () => {
  it('list the answer part as given, normalised, and copies a caller cannot change the rule through', () => {
    const faults = createFaults(VENDORS)
    const json = { a: [1, { b: 'c' }] }
    const added = faults.add({ json, headers: { 'X-Request-Id': 'r1' }, bodyField: 'a.1.b', bodyEquals: 'c', header: 'X-Case', headerEquals: 'v', path: '/tokens', pathMatch: 'exact' })
    expect(added).toMatchObject({ status: 200, json, contentType: 'application/json', headers: { 'x-request-id': 'r1' }, bodyField: 'a.1.b', bodyEquals: 'c', header: 'x-case', headerEquals: 'v', pathMatch: 'exact' })
    json.a[0] = 99
    ;(faults.list()[0]!.json as { a: unknown[] }).a[0] = 42
    faults.list()[0]!.headers['x-request-id'] = 'changed'
    expect(faults.list()[0]).toMatchObject({ json: { a: [1, { b: 'c' }] }, headers: { 'x-request-id': 'r1' } })
    expect(faults.add({ text: 'hi' })).toMatchObject({ contentType: 'text/plain; charset=utf-8', status: 200, text: 'hi' })
    expect(faults.add({ base64: 'AAE=' })).toMatchObject({ contentType: 'application/octet-stream', base64: 'AAE=' })
    // Every match field is listed, null when not set: `bodyEquals` too (`bodyField` says whether null is its value).
    expect(faults.add({ status: 503 })).toMatchObject({ headers: {}, contentType: null, pathMatch: 'contains', bodyField: null, bodyEquals: null, header: null, headerEquals: null })
    expect(faults.add({ status: 503, bodyField: 'a', bodyEquals: null })).toMatchObject({ bodyField: 'a', bodyEquals: null })
    expect('json' in faults.add({ status: 503 })).toBe(false)
    expect(faults.add({ json: null })).toMatchObject({ json: null })
  })

  it(`take JSON nested exactly ${STUB_LIMITS.jsonDepth} deep, and the same value twice (not a cycle)`, () => {
    const faults = createFaults(VENDORS)
    expect(faults.add({ json: nested(STUB_LIMITS.jsonDepth) }).json).toEqual(nested(STUB_LIMITS.jsonDepth))
    const shared = { a: 1 }
    expect(faults.add({ json: [shared, shared, { b: shared }] }).json).toEqual([{ a: 1 }, { a: 1 }, { b: { a: 1 } }])
    expect(faults.list()).toHaveLength(2)
  })

  it('take header names that are Object.prototype keys as plain names', () => {
    const faults = createFaults(VENDORS)
    const headers = JSON.parse('{"constructor":"a","__proto__":"b","toString":"c","hasOwnProperty":"d"}') as Record<string, string>
    const added = faults.add({ json: 1, headers })
    expect(Object.entries(added.headers)).toEqual([
      ['constructor', 'a'],
      ['__proto__', 'b'],
      ['tostring', 'c'],
      ['hasownproperty', 'd'],
    ])
    expect(Object.getPrototypeOf(added.headers)).toBe(Object.prototype)
    expect(() => faults.add({ json: 1, headers: JSON.parse('{"__proto__":"b","__PROTO__":"c"}') })).toThrow(/Header '__proto__' is given twice/)
  })

  it('take a body of exactly the limit', () => {
    const faults = createFaults(VENDORS)
    expect(faults.add({ text: 'x'.repeat(STUB_LIMITS.bodyBytes) }).text).toHaveLength(STUB_LIMITS.bodyBytes)
    expect(faults.add({ base64: base64Of(STUB_LIMITS.bodyBytes) }).base64).toBeDefined()
  })

  it('match exact and prefix on the path below the base URL, contains on the whole path', () => {
    const faults = createFaults(VENDORS)
    faults.add({ status: 500, path: '/token', pathMatch: 'exact' })
    faults.add({ status: 501, path: '/complycube', pathMatch: 'prefix' })
    faults.add({ status: 502, path: '/tokens/', pathMatch: 'prefix' })
    expect(faults.take(req())).toBeNull()
    faults.add({ status: 503, path: '/tok', pathMatch: 'prefix' })
    faults.add({ status: 504, path: '/tokens', pathMatch: 'exact' })
    faults.add({ status: 505, path: 'complycube/v1/tok' })
    expect([faults.take(req())?.status, faults.take(req())?.status, faults.take(req())?.status]).toEqual([503, 504, 505])
    expect(faults.take(req({ subPath: '/tokens/x' }))?.status).toBe(502)
  })

  it('match a body field only when the body has it, equal in type and value; the body is asked for only then', () => {
    const faults = createFaults(VENDORS)
    let asked = 0
    const body = (value: unknown) => () => (asked++, value)
    faults.add({ status: 500, method: 'GET' })
    faults.take(req({ method: 'GET', body: body({}) }))
    expect(asked).toBe(0)
    faults.add({ status: 501, bodyField: 'client.id', bodyEquals: 7 })
    expect(faults.take(req({ body: body({ client: { id: '7' } }) }))).toBeNull()
    expect(faults.take(req({ body: body({ 'client.id': 7 }) }))).toBeNull()
    expect(faults.take(req({ body: body([7]) }))).toBeNull()
    expect(faults.take(req({ body: body(undefined) }))).toBeNull()
    expect(faults.take(req())).toBeNull()
    expect(faults.take(req({ body: body({ client: { id: 7 } }) }))?.status).toBe(501)
    faults.add({ status: 502, bodyField: 'items.1', bodyEquals: null })
    expect(faults.take(req({ body: body({ items: ['a'] }) }))).toBeNull()
    expect(faults.take(req({ body: body({ items: ['a', null] }) }))?.status).toBe(502)
    faults.add({ status: 503, bodyField: 'constructor', bodyEquals: 'x' })
    expect(faults.take(req({ body: body({}) }))).toBeNull()
  })

  // An array is stepped into by index only: not `length`, not `01`, not past its end.
  it.each([
    ['items.length', 2, { items: ['a', 'b'] }, false],
    ['items.length', 2, { items: { length: 2 } }, true],
    ['items.01', 'b', { items: ['a', 'b'] }, false],
    ['items.1', 'b', { items: ['a', 'b'] }, true],
    ['items.2', null, { items: ['a', 'b'] }, false],
    ['items.-1', 'b', { items: ['a', 'b'] }, false],
    ['0', 'a', ['a'], true],
    ['0.length', 1, [[1]], false],
    ['name.length', 3, { name: 'abc' }, false],
  ])('match bodyField %s = %j against %j: %s', (bodyField, bodyEquals, value, hit) => {
    const faults = createFaults(VENDORS)
    faults.add({ status: 500, bodyField, bodyEquals })
    expect(faults.take(req({ body: () => value })) !== null).toBe(hit)
  })

  it('match a method: GET rules apply to HEAD requests too (HEAD is answered as its GET), HEAD rules only to HEAD', () => {
    const faults = createFaults(VENDORS)
    faults.add({ status: 500, method: 'head', times: 10 })
    expect(faults.take(req({ method: 'GET' }))).toBeNull()
    expect(faults.take(req({ method: 'HEAD' }))?.status).toBe(500)
    faults.clear()
    faults.add({ status: 501, method: 'GET', times: 10 })
    expect(faults.take(req({ method: 'HEAD' }))?.status).toBe(501)
    expect(faults.take(req({ method: 'POST' }))).toBeNull()
  })

  it('match a header by its lower-case name and exact value', () => {
    const faults = createFaults(VENDORS)
    faults.add({ status: 500, header: 'X-Case', headerEquals: 'a' })
    expect(faults.take(req())).toBeNull()
    expect(faults.take(req({ headers: { 'x-case': 'A' } }))).toBeNull()
    expect(faults.take(req({ headers: { 'x-case': 'a ' } }))).toBeNull()
    expect(faults.take(req({ headers: { 'x-case': 'a' } }))?.status).toBe(500)
  })
})
