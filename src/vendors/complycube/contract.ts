// The ComplyCube contract suite: what an integration relies on, checked against any endpoint
// that claims to be ComplyCube (the real API, a token-sandbox, or Prism in front of either).
// Call `complycubeContract(options)` inside a vitest file. Cases that need what only a sandbox
// has (its clock, its verify endpoint) or a second environment's key are skipped, with the
// reason, when the options do not provide it; cases that create data need `allowWrites`.
import { adminCases } from './contract-admin.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminClient, type AdminClient } from '../../contract/admin.ts'
import { createCaller, show, type Answer } from '../../contract/http.ts'
import { defineSuite, expectJwt } from '../../contract/kit.ts'
import { checkSuiteOptions, expectProxyRefusal, skipped, type ContractRefusal, type ContractSuite, type SuiteTarget, pass } from '../../contract/suite.ts'

export type ComplyCubeEnvironment = 'sandbox' | 'live'

export interface ComplyCubeContractOptions extends SuiteTarget {
  /** The API key, sent raw in `Authorization`. */
  apiKey: string
  /** The environment `apiKey` belongs to; by default from its prefix (test_ = sandbox, live_ = live). */
  environment?: ComplyCubeEnvironment
  /** A key of the other environment, for the isolation cases (skipped without it). */
  otherApiKey?: string
  /** An existing client to issue tokens for. Otherwise one is created (allowWrites) or the newest listed is used. */
  clientId?: string
}

const WEB_REFERRER = 'https://www.example.com/*'
const APP_ID = 'com.example.tokensandbox'
/** Well-formed (24 lowercase hex) and, in practice, held by no account. */
const UNKNOWN_CLIENT_ID = '000000000000000000000000'
const TOKEN_LIFETIME_SECONDS = 60 * 60

const environmentOf = (key: string): ComplyCubeEnvironment | undefined =>
  key.startsWith('test_') ? 'sandbox' : key.startsWith('live_') ? 'live' : undefined

const otherEnvironment = (env: ComplyCubeEnvironment): ComplyCubeEnvironment => (env === 'sandbox' ? 'live' : 'sandbox')

/** The environment `apiKey` belongs to, or why it cannot be told (one line, naming the option and the CLI flag). */
function keyEnvironment(options: Pick<ComplyCubeContractOptions, 'apiKey' | 'environment'>): ComplyCubeEnvironment | string {
  const given = options.environment as string | undefined
  if (given !== undefined) return given === 'sandbox' || given === 'live' ? given : `ComplyCube contract: option 'environment' (--environment) must be sandbox or live, got '${given.slice(0, 40)}'`
  return (
    environmentOf(options.apiKey) ??
    "ComplyCube contract: cannot tell the API key's environment from its prefix (test_ = sandbox, live_ = live); pass option 'environment' (--environment sandbox|live)"
  )
}

export function complycubeContract(options: ComplyCubeContractOptions): void {
  checkSuiteOptions('ComplyCube', options, { required: ['apiKey'] })
  const environment = keyEnvironment(options)
  if (environment !== 'sandbox' && environment !== 'live') throw new TypeError(environment)
  const api = createCaller(options.baseUrl, options.fetch)
  const admin: AdminClient | null = options.admin ? adminClient(options.admin, options.adminToken) : null
  const auth = (key = options.apiKey) => ({ authorization: key })
  const unknownKey = `${environment === 'sandbox' ? 'test' : 'live'}_contract_suite_no_such_key_0000`

  /** A documented ComplyCube error, or (through Prism) the proxy's refusal when the contract refuses the request itself. */
  function expectError(res: Answer, expected: { status: number; type: string; param?: string }, refusal?: ContractRefusal): void {
    if (options.throughPrism && refusal) return expectProxyRefusal(res, refusal)
    const why = show(res)
    expect(res.status, why).toBe(expected.status)
    expect(res.headers.get('content-type') ?? '', why).toMatch(/^application\/json/)
    expect(res.body, why).toMatchObject({ type: expected.type, message: expect.any(String) })
    if (expected.param !== undefined) expect(res.body.param, why).toBe(expected.param)
    for (const key of Object.keys(res.body)) expect(['type', 'message', 'param'], `unexpected error field '${key}'`).toContain(key)
  }

  async function issue(body: Record<string, unknown>, key = options.apiKey): Promise<string> {
    const res = await api('POST', '/tokens', { headers: auth(key), json: body })
    expect(res.status, show(res)).toBe(200)
    return res.body.token as string
  }

  describe(`ComplyCube contract (${options.baseUrl}, ${environment})`, () => {
    // The client tokens are issued for: given, created (and deleted afterwards), or the newest listed.
    let clientId: string | undefined
    let clientProblem = ''
    const created: string[] = []

    beforeAll(async () => {
      if (options.clientId) {
        clientId = options.clientId
      } else if (options.allowWrites) {
        const res = await api('POST', '/clients', {
          headers: auth(),
          json: { type: 'person', email: 'contract.suite@example.com', personDetails: { firstName: 'Contract', lastName: 'Suite' } },
        })
        if (res.status === 200 && typeof res.body?.id === 'string') created.push((clientId = res.body.id))
        else clientProblem = `creating a client failed: ${show(res)}`
      } else {
        const res = await api('GET', '/clients', { headers: auth(), query: { page: 1, pageSize: 1 } })
        clientId = res.status === 200 ? res.body?.items?.[0]?.id : undefined
        if (!clientId) clientProblem = `no client to issue tokens for (listing answered ${show(res)}); ${pass(['clientId', 'allowWrites'], 'or')}`
      }
    })

    afterAll(async () => {
      for (const id of created) await api('DELETE', `/clients/${id}`, { headers: auth() }).catch(() => undefined)
    })

    /** The client id, or skips the running case when there is none. */
    const needClient = (ctx: { skip: (note?: string) => never }): string => (clientId ? clientId : ctx.skip(clientProblem))

    describe('authentication', () => {
      it('answers 401 unauthorized when the Authorization header is missing', async () => {
        const res = await api('GET', '/clients', { query: { page: 1, pageSize: 1 } })
        expectError(res, { status: 401, type: 'unauthorized' }, { kind: 'security' })
      })

      it('answers 401 unauthorized to a key it does not know', async () => {
        const res = await api('GET', '/clients', { headers: auth(unknownKey), query: { page: 1, pageSize: 1 } })
        expectError(res, { status: 401, type: 'unauthorized' })
      })

      it('answers 401 unauthorized to POST /tokens without a key', async () => {
        const res = await api('POST', '/tokens', { json: { clientId: UNKNOWN_CLIENT_ID, referrer: WEB_REFERRER } })
        expectError(res, { status: 401, type: 'unauthorized' }, { kind: 'security' })
      })
    })

    describe('SDK tokens (POST /tokens)', () => {
      it('issues a Web SDK token bound to a referrer pattern: 200 { token } holding a JWT', async (ctx) => {
        const id = needClient(ctx)
        const res = await api('POST', '/tokens', { headers: auth(), json: { clientId: id, referrer: WEB_REFERRER } })
        expect(res.status, show(res)).toBe(200)
        expect(Object.keys(res.body)).toEqual(['token'])
        expectJwt(res.body.token)
      })

      it('issues a Mobile SDK token bound to an application id', async (ctx) => {
        const id = needClient(ctx)
        const res = await api('POST', '/tokens', { headers: auth(), json: { clientId: id, appId: APP_ID } })
        expect(res.status, show(res)).toBe(200)
        expectJwt(res.body.token)
      })

      it('answers 400 invalid_request naming clientId when it is missing', async () => {
        const res = await api('POST', '/tokens', { headers: auth(), json: { referrer: WEB_REFERRER } })
        expectError(res, { status: 400, type: 'invalid_request', param: 'clientId' }, { kind: 'schema', location: ['body', 'clientId'] })
      })

      it('answers 400 invalid_request naming clientId when it is not a client id', async () => {
        const res = await api('POST', '/tokens', { headers: auth(), json: { clientId: 'not-a-client-id', referrer: WEB_REFERRER } })
        expectError(res, { status: 400, type: 'invalid_request', param: 'clientId' }, { kind: 'schema', location: ['body', 'clientId'] })
      })

      it('answers 400 invalid_request naming clientId for a client the environment does not hold', async () => {
        const res = await api('POST', '/tokens', { headers: auth(), json: { clientId: UNKNOWN_CLIENT_ID, referrer: WEB_REFERRER } })
        expectError(res, { status: 400, type: 'invalid_request', param: 'clientId' })
      })

      it('answers 400 invalid_request naming referrer when it is not a match pattern', async (ctx) => {
        const id = needClient(ctx)
        const res = await api('POST', '/tokens', { headers: auth(), json: { clientId: id, referrer: 'www.example.com' } })
        expectError(res, { status: 400, type: 'invalid_request', param: 'referrer' }, { kind: 'schema', location: ['body', 'referrer'] })
      })

      it('answers 400 invalid_request naming appId when it is not an application id', async (ctx) => {
        const id = needClient(ctx)
        const res = await api('POST', '/tokens', { headers: auth(), json: { clientId: id, appId: 'not a bundle id' } })
        expectError(res, { status: 400, type: 'invalid_request', param: 'appId' }, { kind: 'schema', location: ['body', 'appId'] })
      })

      it('answers 400 invalid_request to a body that is not JSON', async () => {
        const res = await api('POST', '/tokens', {
          headers: { ...auth(), 'content-type': 'application/json' },
          raw: '{"clientId": "5eb04fcd0f3e360008035eb1", ',
        })
        expectError(res, { status: 400, type: 'invalid_request' }, { kind: 'unparseable' })
      })
    })

    describe('clients', () => {
      it('lists clients as { page, pageSize, totalItems, pages, items }', async () => {
        const res = await api('GET', '/clients', { headers: auth(), query: { page: 1, pageSize: 1 } })
        expect(res.status, show(res)).toBe(200)
        expect(res.body).toMatchObject({ page: 1, pageSize: 1, totalItems: expect.any(Number), pages: expect.any(Number) })
        expect(Array.isArray(res.body.items)).toBe(true)
        expect(res.body.items.length).toBeLessThanOrEqual(1)
        expect(res.body.pages).toBe(Math.ceil(res.body.totalItems / 1))
      })

      it('answers 404 resource_not_found for a client id it does not hold', async () => {
        const res = await api('GET', `/clients/${UNKNOWN_CLIENT_ID}`, { headers: auth() })
        expectError(res, { status: 404, type: 'resource_not_found' })
      })

      if (!options.allowWrites) {
        skipped('creates, reads, updates and deletes a client', `creates data on the account; ${pass('allowWrites')}`)
        skipped('answers 400 invalid_request naming email when a client has none', `would create data if accepted; ${pass('allowWrites')}`)
      } else {
        it('creates, reads, updates and deletes a client', async () => {
          const person = { type: 'person', email: 'ada.lovelace@example.com', personDetails: { firstName: 'Ada', lastName: 'Lovelace' } }
          const made = await api('POST', '/clients', { headers: auth(), json: person })
          expect(made.status, show(made)).toBe(200)
          expect(made.body).toMatchObject({ ...person, id: expect.stringMatching(/^[a-f0-9]{24}$/) })
          const id = made.body.id as string
          created.push(id)
          expect(Date.parse(made.body.createdAt)).not.toBeNaN()

          const read = await api('GET', `/clients/${id}`, { headers: auth() })
          expect(read.status, show(read)).toBe(200)
          expect(read.body).toEqual(made.body)

          const updated = await api('POST', `/clients/${id}`, { headers: auth(), json: { email: 'ada@example.org' } })
          expect(updated.status, show(updated)).toBe(200)
          expect(updated.body).toMatchObject({ id, email: 'ada@example.org', personDetails: person.personDetails })
          expect(Date.parse(updated.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(made.body.createdAt))

          const gone = await api('DELETE', `/clients/${id}`, { headers: auth() })
          expect(gone.status, show(gone)).toBe(204)
          // Deleted: afterAll must not delete it again (that second DELETE answers 404 and, in a
          // fidelity record, is an exchange only a run with writes makes).
          if (created.includes(id)) created.splice(created.indexOf(id), 1)
          expect(gone.text).toBe('')
          expectError(await api('GET', `/clients/${id}`, { headers: auth() }), { status: 404, type: 'resource_not_found' })
          const token = await api('POST', '/tokens', { headers: auth(), json: { clientId: id, referrer: WEB_REFERRER } })
          expectError(token, { status: 400, type: 'invalid_request', param: 'clientId' })
        })

        it('answers 400 invalid_request naming email when a client has none', async () => {
          const res = await api('POST', '/clients', { headers: auth(), json: { type: 'person', personDetails: { firstName: 'No', lastName: 'Email' } } })
          if (res.status === 200 && typeof res.body?.id === 'string') created.push(res.body.id)
          expectError(res, { status: 400, type: 'invalid_request', param: 'email' }, { kind: 'schema', location: ['body', 'email'] })
        })
      }
    })

    describe('token lifetime', () => {
      if (!admin) {
        skipped('a token is accepted for 60 minutes and refused after', `needs the sandbox clock; ${pass('admin')} (a token-sandbox /__sandbox URL)`)
        return
      }
      it('a token is accepted for 60 minutes and refused after', async (ctx) => {
        const id = needClient(ctx)
        const before = await admin.clock()
        try {
          await admin.freeze()
          const token = await issue({ clientId: id, referrer: WEB_REFERRER })
          const verify = () => admin.call('POST', '/complycube/tokens/verify', { token, referrer: 'https://www.example.com/', environment })
          expect(await verify()).toMatchObject({ accepted: true, verdict: 'valid', secondsLeft: TOKEN_LIFETIME_SECONDS })
          await admin.advance(`${TOKEN_LIFETIME_SECONDS - 1}s`)
          expect(await verify()).toMatchObject({ accepted: true, secondsLeft: 1 })
          await admin.advance('2s')
          expect(await verify()).toMatchObject({ accepted: false, verdict: 'expired', secondsLeft: 0 })
        } finally {
          await admin.restore(before)
        }
      })
    })

    describe('environment isolation', () => {
      const other = options.otherApiKey
      if (!other) {
        skipped("a client of one environment does not exist in the other", `needs a key of the ${otherEnvironment(environment)} environment; ${pass('otherApiKey')}`)
        return
      }
      it("a client of one environment does not exist in the other", async (ctx) => {
        const otherEnv = environmentOf(other)
        expect(otherEnv, 'otherApiKey must belong to the other environment').toBe(otherEnvironment(environment))
        const id = needClient(ctx)
        const list = await api('GET', '/clients', { headers: auth(other), query: { page: 1, pageSize: 1 } })
        expect(list.status, `the other key works: ${show(list)}`).toBe(200)
        expectError(await api('GET', `/clients/${id}`, { headers: auth(other) }), { status: 404, type: 'resource_not_found' })
        const token = await api('POST', '/tokens', { headers: auth(other), json: { clientId: id, referrer: WEB_REFERRER } })
        expectError(token, { status: 400, type: 'invalid_request', param: 'clientId' })
      })
    })

    describe('token binding', () => {
      if (!admin) {
        skipped('a Web SDK token works only on pages its referrer pattern matches', `needs the sandbox's verify endpoint (a real ComplyCube has none); ${pass('admin')}`)
        skipped('a Mobile SDK token works only in the application it names', `needs the sandbox's verify endpoint; ${pass('admin')}`)
        return
      }
      const verify = (body: Record<string, unknown>) => admin.call('POST', '/complycube/tokens/verify', body)

      it('a Web SDK token works only on pages its referrer pattern matches', async (ctx) => {
        const token = await issue({ clientId: needClient(ctx), referrer: 'https://*.example.com/*' })
        expect(await verify({ token, referrer: 'https://shop.example.com/checkout', environment })).toMatchObject({ accepted: true, verdict: 'valid' })
        expect(await verify({ token, referrer: 'https://example.net/', environment })).toMatchObject({ accepted: false, verdict: 'referrer_mismatch' })
        expect(await verify({ token, referrer: 'https://shop.example.com/checkout', environment: otherEnvironment(environment) })).toMatchObject({
          accepted: false,
          verdict: 'wrong_environment',
        })
      })

      it('a Mobile SDK token works only in the application it names', async (ctx) => {
        const token = await issue({ clientId: needClient(ctx), appId: APP_ID })
        expect(await verify({ token, appId: APP_ID, environment })).toMatchObject({ accepted: true, verdict: 'valid' })
        expect(await verify({ token, appId: 'com.example.other', environment })).toMatchObject({ accepted: false, verdict: 'app_id_mismatch' })
      })
    })
  })
}

export const complycubeSuite: ContractSuite<ComplyCubeContractOptions> = defineSuite<ComplyCubeContractOptions>({
  name: 'complycube',
  title: 'ComplyCube',
  contract: 'complycube.yaml',
  sandboxPath: '/complycube/v1',
  realBaseUrl: 'https://api.complycube.com/v1',
  credentials: [
    { option: 'apiKey', flag: 'api-key', env: 'COMPLYCUBE_API_KEY', required: true, description: 'API key (test_ = sandbox, live_ = live)' },
    { option: 'otherApiKey', flag: 'other-api-key', env: 'COMPLYCUBE_OTHER_API_KEY', required: false, description: 'a key of the other environment, for the isolation case' },
    { option: 'clientId', flag: 'client-id', env: 'COMPLYCUBE_CLIENT_ID', required: false, description: 'an existing client to issue tokens for' },
    { option: 'environment', flag: 'environment', env: 'COMPLYCUBE_ENVIRONMENT', required: false, description: "sandbox | live: the key's environment (default: from its prefix)" },
  ],
  // The credentials route's client is the sandbox environment's (`live-client-id` the live one's):
  // with a key of the other environment given, its client and the other key swap too.
  fitSeeded: (seeded, given) => {
    const key = given('api-key')
    const environment = (given('environment') as ComplyCubeEnvironment | undefined) ?? (key ? environmentOf(key) : undefined)
    if (environment !== 'live') return seeded
    const { 'live-client-id': client, 'api-key': sandboxKey, ...rest } = seeded
    delete rest['client-id']
    delete rest['other-api-key']
    return { ...rest, ...(client ? { 'client-id': client } : {}), ...(sandboxKey ? { 'other-api-key': sandboxKey } : {}) }
  },
  check: (options) => {
    const environment = keyEnvironment(options)
    return environment === 'sandbox' || environment === 'live' ? undefined : environment
  },
  seeded: { apiKey: 'test_tokensandbox_default_0001', otherApiKey: 'live_tokensandbox_default_0001' },
  define: complycubeContract,
  admin: adminCases,
})

/** The kit takes a vendor's suite as its contract.ts's default export (src/vendors/kit.ts). */
export default complycubeSuite
