// The CAF contract suite: what an integration relies on, checked against anything that claims
// to be CAF's Mobile API and BFF, and its SDK API and Core API faces when their base URLs are
// known (the real hosts, a token-sandbox, or Prism in front of either, one Prism per API; the
// SDK API's, Core API's and web liveness SDK's cases are in ./contract-sdk.ts, ./contract-core.ts and ./contract-liveness.ts). The integrator's side is played faithfully: the suite signs its own mobile
// tokens with the Mobile Key, as CAF documents. Cases that need what only a token-sandbox has (its
// clock, its verify endpoint) or that check a choice CAF does not document are skipped, with the
// reason, without `admin`; cases that create data (faces, attempts, sessions) need `allowWrites`;
// the other-environment case needs a second Mobile Key.
import { adminCases } from './contract-admin.ts'
import { jwtVerify } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { mintCafToken } from './mint.ts'
import { adminClient, type AdminClient } from '../../contract/admin.ts'
import { besideMobile, bffBesideMobile, cafEnvironmentOf, freshCpf, maskCpf, type CafEnvironment } from './contract-target.ts'
import { cafCoreCases } from './contract-core.ts'
import { cafSdkCases } from './contract-sdk.ts'
import { cafLivenessCases } from './contract-liveness.ts'
import { createCaller, show, type Answer } from '../../contract/http.ts'
import { checkSuiteOptions, expectProxyRefusal, skipped, type ContractRefusal, type ContractSuite, type SuiteTarget, pass } from '../../contract/suite.ts'

export type { CafEnvironment } from './contract-target.ts'

/**
 * The other APIs' base URLs, each by default beside the Mobile API's (a token-sandbox's paths, or
 * CAF's own hosts); through Prism, one Prism per API. The SDK API's and Core API's cases are
 * skipped without theirs.
 */
export interface CafBaseUrls {
  /** The Mobile API: the same as `baseUrl` (kept for the older `baseUrls: { mobile, bff }` shape). */
  mobile?: string
  bff?: string
  sdk?: string
  core?: string
}

interface CafOptionsBase extends Omit<SuiteTarget, 'baseUrl' | 'baseUrls'> {
  /** The Mobile Key the suite signs its tokens with; link it to FaceAuthenticator, PassiveFaceLiveness and CafSDK. */
  clientId: string
  clientSecret: string
  /** The key's environment; by default from the Mobile API's base URL, else prod. */
  environment?: CafEnvironment
  /** A Mobile Key of another environment: its tokens must be refused here (the case is skipped without it). */
  otherClientId?: string
  otherClientSecret?: string
  /** A CPF with a face registered in this environment, for the authentication cases without allowWrites. */
  peopleId?: string
  /** The face image to register and authenticate (a real CAF needs a real photo). */
  imageUrl?: string
  /** A Core API token (created in Trust) of this environment, for the Core API's cases. */
  coreToken?: string
  /**
   * The key CAF's web SDK signs its SDK API calls with (`Content-Signature`), read from CAF's
   * bundle by whoever runs the suite: the project ships none. Without it the SDK API's accepted
   * calls run only against a token-sandbox (which checks the header's form).
   */
  sdkSignatureKey?: string
}

/**
 * Every suite's shape: `baseUrl` (the Mobile API) with `baseUrls` for overrides; or, as before,
 * `baseUrls: { mobile, bff }` alone.
 */
export type CafContractOptions = CafOptionsBase &
  ({ baseUrl: string; baseUrls?: CafBaseUrls } | { baseUrl?: undefined; baseUrls: CafBaseUrls & { mobile: string } })

const CAF_APIS = ['mobile', 'bff', 'sdk', 'core'] as const

/** Where each API lives: given, or beside the Mobile API's base URL. */
function resolveBaseUrls(options: CafContractOptions): { mobile: string; bff: string; sdk?: string; core?: string } {
  const mobile = options.baseUrl ?? options.baseUrls!.mobile!
  const bff = options.baseUrls?.bff ?? bffBesideMobile(mobile)
  if (!bff) throw new TypeError(`CAF contract: option 'baseUrls.bff' is required: no BFF is known beside ${mobile}`)
  const sdk = options.baseUrls?.sdk ?? besideMobile(mobile, 'sdk')
  const core = options.baseUrls?.core ?? besideMobile(mobile, 'core')
  return { mobile, bff, ...(sdk ? { sdk } : {}), ...(core ? { core } : {}) }
}

const MISSING_TOKEN = 'The access token has not been entered'
const INVALID_TOKEN = 'The token used is not valid for this product'
const BFF_INVALID = 'Invalid or missing token'
const NO_FACE = 'No face registered for the entered CPF'
const DEFAULT_IMAGE = 'https://faces.example.com/token-sandbox-contract-suite.jpg'
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ENVIRONMENT = /^(prod|beta|dev)$/
const SANDBOX_ONLY = `CAF documents no answer for this (a token-sandbox choice); ${pass('admin')} to check it against a token-sandbox`

export function cafContract(options: CafContractOptions): void {
  checkSuiteOptions('CAF', options, { required: ['clientId', 'clientSecret'], baseUrls: CAF_APIS, baseUrlAlias: 'mobile' })
  if (options.environment !== undefined && !ENVIRONMENT.test(options.environment)) throw new TypeError(`CAF contract: option 'environment' must be prod, beta or dev`)
  const baseUrls = resolveBaseUrls(options)
  const environment = options.environment ?? cafEnvironmentOf(baseUrls.mobile) ?? 'prod'
  const mobile = createCaller(baseUrls.mobile, options.fetch)
  const bff = createCaller(baseUrls.bff, options.fetch)
  const admin: AdminClient | null = options.admin ? adminClient(options.admin, options.adminToken) : null
  const imageUrl = options.imageUrl ?? DEFAULT_IMAGE
  const key = { clientId: options.clientId, clientSecret: options.clientSecret }
  const auth = (token: string) => ({ authorization: token })

  /** Now by the sandbox clock when there is one (tokens' `exp` must count from it), else real time. */
  const now = async () => (admin ? (await admin.clock()).epochMs : Date.now())
  const mint = async (extra: { peopleId?: string; expiresIn?: number | string } = {}) =>
    mintCafToken({ ...key, expiresIn: '10m', ...extra, now: await now() })
  const wrongSecret = () => mintCafToken({ clientId: key.clientId, clientSecret: `${key.clientSecret}-not-this-one`, expiresIn: '10m' })

  /** CAF's error: exactly `{requestId, message}`; through Prism, the proxy's refusal when the contract refuses the request. */
  function expectCafError(res: Answer, status: number, message?: string, refusal?: ContractRefusal): void {
    if (options.throughPrism && refusal) return expectProxyRefusal(res, refusal)
    const why = show(res)
    expect(res.status, why).toBe(status)
    expect(res.headers.get('content-type') ?? '', why).toMatch(/^application\/json/)
    expect(Object.keys(res.body ?? {}).sort(), `error fields: ${why}`).toEqual(['message', 'requestId'])
    expect(res.body.requestId, why).toMatch(UUID)
    if (message !== undefined) expect(res.body.message, why).toBe(message)
    else expect(res.body.message, why).toEqual(expect.any(String))
  }

  const verifyToken = (token: string | null, product: string | null = 'FaceAuthenticator') =>
    mobile('GET', '/tokens/verify', { headers: { ...(token !== null ? auth(token) : {}), ...(product !== null ? { product } : {}) } })
  const authenticate = (token: string | null, peopleId: string, query?: Record<string, string>) =>
    mobile('POST', '/faces/authenticate', { headers: token !== null ? auth(token) : {}, json: { peopleId, imageUrl }, ...(query ? { query } : {}) })
  const exchange = (token: string | null) => bff('GET', '/session-tokens', { headers: token !== null ? auth(token) : {} })
  const openSession = (sessionToken: string | null, personId: string) =>
    bff('POST', '/sessions', { headers: sessionToken !== null ? auth(sessionToken) : {}, json: { personId, sdk: { version: '2.0.0', platform: 'Web' } } })

  async function sessionTokenFor(token: string): Promise<string> {
    const res = await exchange(token)
    expect(res.status, show(res)).toBe(200)
    return res.body.sessionToken as string
  }

  /** Where the sandbox's verify endpoint says why a token is refused. */
  const verdict = (token: string, extra: Record<string, unknown> = {}) =>
    admin!.call('POST', '/caf/tokens/verify', { token, environment, ...extra }) as Promise<{ accepted: boolean; refusal?: string }>

  describe(`CAF contract (Mobile API ${baseUrls.mobile}, BFF ${baseUrls.bff}, ${environment})`, () => {
    const cases = {
      environment,
      admin,
      allowWrites: options.allowWrites === true,
      throughPrism: options.throughPrism === true,
      imageUrl,
      mobile,
      mint,
      wrongSecret,
      expectCafError,
    }
    cafSdkCases(cases, { baseUrl: baseUrls.sdk, sdkSignatureKey: options.sdkSignatureKey, fetch: options.fetch })
    cafCoreCases(cases, { baseUrl: baseUrls.core, coreToken: options.coreToken, fetch: options.fetch })
    cafLivenessCases(cases, { bff, clientSecret: options.clientSecret })

    let token = ''
    beforeAll(async () => {
      token = await mint()
    })

    describe('the token pre-check (GET /tokens/verify)', () => {
      it('answers 200 { requestId, status: "VALID", message } for a token signed with the Mobile Key', async () => {
        const res = await verifyToken(token)
        expect(res.status, show(res)).toBe(200)
        expect(Object.keys(res.body).sort()).toEqual(['message', 'requestId', 'status'])
        expect(res.body).toMatchObject({ requestId: expect.stringMatching(UUID), status: 'VALID', message: expect.any(String) })
      })

      it('answers 200 with a status other than "VALID" for a token signed with another secret', async () => {
        const res = await verifyToken(await wrongSecret())
        expect(res.status, show(res)).toBe(200)
        expect(res.body.status, show(res)).not.toBe('VALID')
        expect(res.body.status).toEqual(expect.any(String))
      })

      it('answers 400 "The access token has not been entered" without a token', async () => {
        expectCafError(await verifyToken(null), 400, MISSING_TOKEN, { kind: 'security' })
      })

      it('answers 400 without the product header', async () => {
        expectCafError(await verifyToken(token, null), 400, undefined, { kind: 'schema', location: ['header', 'product'] })
      })
    })

    describe('the token on the Mobile API (POST /faces/authenticate)', () => {
      it('answers 400 "The access token has not been entered" without Authorization', async () => {
        expectCafError(await authenticate(null, freshCpf()), 400, MISSING_TOKEN, { kind: 'security' })
      })

      it('answers 401 "The token used is not valid for this product" to a token that is not a JWT', async () => {
        expectCafError(await authenticate('test123', freshCpf()), 401, INVALID_TOKEN)
      })

      it('answers 401 to a token signed with another secret than the Mobile Key’s', async () => {
        expectCafError(await authenticate(await wrongSecret(), freshCpf()), 401, INVALID_TOKEN)
      })

      it('answers 401 to a token whose iss no Mobile Key has', async () => {
        const stranger = await mintCafToken({ clientId: `contract-suite-no-such-key-${freshCpf()}`, clientSecret: key.clientSecret, expiresIn: '10m' })
        expectCafError(await authenticate(stranger, freshCpf()), 401, INVALID_TOKEN)
      })
    })

    describe('faces', () => {
      it('answers 404 "No face registered for the entered CPF" for a CPF with no face', async () => {
        expectCafError(await authenticate(token, freshCpf()), 404, NO_FACE)
      })

      it('answers 400 to a peopleId that is not a CPF', async () => {
        expectCafError(await authenticate(token, '1234'), 400, undefined, { kind: 'schema', location: ['body', 'peopleId'] })
      })

      it('answers 404 for an authentication attempt that does not exist', async () => {
        const res = await mobile('GET', '/faces/authenticate/000000000000000000000000', { headers: auth(token) })
        expectCafError(res, 404)
      })

      if (!admin) skipped('answers 400 naming a field CAF does not take', SANDBOX_ONLY)
      else {
        it('answers 400 naming a field CAF does not take', async () => {
          const res = await mobile('POST', '/faces/authenticate', { headers: auth(token), json: { peopleID: freshCpf() } })
          expectCafError(res, 400, "'peopleID' is not an allowed field", { kind: 'schema', location: ['body'] })
        })
      }

      // The CPF whose face the authentication cases use: registered now, or given.
      let faceCpf: string | undefined = options.allowWrites ? undefined : options.peopleId
      const faceProblem = `needs a registered face: ${pass(['allowWrites', 'peopleId'], 'or')} (allowWrites registers one)`
      let attemptId: string | undefined

      if (!options.allowWrites) skipped('registers a face: 200 { requestId, message }', `creates data; ${pass('allowWrites')}`)
      else {
        it('registers a face: 200 { requestId, message }', async () => {
          const cpf = freshCpf()
          const res = await mobile('POST', '/faces/register', { headers: auth(token), json: { peopleId: cpf, imageUrl } })
          expect(res.status, show(res)).toBe(200)
          expect(Object.keys(res.body).sort()).toEqual(['message', 'requestId'])
          expect(res.body).toEqual({ requestId: expect.stringMatching(UUID), message: expect.any(String) })
          faceCpf = cpf
        })
      }

      if (!options.allowWrites && !options.peopleId) {
        skipped('authenticates against the registered face: 200 { requestId, isMatch }', faceProblem)
        skipped('reads the attempt back (GET /faces/authenticate/{attemptId})', faceProblem)
        skipped('signs the answer with ?shouldSignResponse=true: a JWT under the clientSecret whose payload is the body', faceProblem)
      } else {
        it('authenticates against the registered face: 200 { requestId, isMatch }', async (ctx) => {
          if (!faceCpf) ctx.skip('no face was registered')
          const res = await authenticate(token, faceCpf!)
          expect(res.status, show(res)).toBe(200)
          expect(res.body).toMatchObject({ requestId: expect.stringMatching(UUID), isMatch: expect.any(Boolean) })
          // token-sandbox adds attemptId (CAF documents none) so the attempt can be read back.
          for (const field of Object.keys(res.body)) expect(['requestId', 'isMatch', 'attemptId']).toContain(field)
          if (admin) expect(res.body.isMatch, 'a token-sandbox matches a face without markers').toBe(true)
          attemptId = res.body.attemptId
        })

        it('reads the attempt back (GET /faces/authenticate/{attemptId})', async (ctx) => {
          if (!attemptId) ctx.skip('the authentication answer carried no attemptId')
          const res = await mobile('GET', `/faces/authenticate/${attemptId}`, { headers: auth(token) })
          expect(res.status, show(res)).toBe(200)
          expect(res.body).toMatchObject({
            requestId: expect.stringMatching(UUID),
            data: {
              id: attemptId,
              peopleId: faceCpf,
              createdAt: expect.any(String),
              faceMatch: { similarity: expect.any(Number), isFaceMatch: expect.any(Boolean) },
              liveness: { probability: expect.any(Number), isAlive: expect.any(Boolean) },
              isMatch: expect.any(Boolean),
            },
          })
          expect(Number.isNaN(Date.parse(res.body.data.createdAt))).toBe(false)
        })

        it('signs the answer with ?shouldSignResponse=true: a JWT under the clientSecret whose payload is the body', async (ctx) => {
          if (!faceCpf) ctx.skip('no face was registered')
          const res = await mobile('POST', '/faces/authenticate', {
            headers: { ...auth(token), accept: 'text/plain' },
            json: { peopleId: faceCpf, imageUrl },
            query: { shouldSignResponse: 'true' },
          })
          expect(res.status, show(res)).toBe(200)
          expect(res.headers.get('content-type') ?? '').toMatch(/^text\/plain/)
          expect(res.text).toMatch(JWT)
          const { payload } = await jwtVerify(res.text, new TextEncoder().encode(key.clientSecret), { algorithms: ['HS256'] })
          expect(payload).toMatchObject({ requestId: expect.stringMatching(UUID), isMatch: expect.any(Boolean) })
        })
      }

      if (!options.allowWrites) skipped('checks liveness: 200 { requestId, isAlive, attemptId, message }', `creates an attempt; ${pass('allowWrites')}`)
      else {
        it('checks liveness: 200 { requestId, isAlive, attemptId, message }', async () => {
          const res = await mobile('POST', '/faces/liveness', { headers: auth(token), json: { imageUrl } })
          expect(res.status, show(res)).toBe(200)
          expect(res.body).toMatchObject({ requestId: expect.stringMatching(UUID), isAlive: expect.any(Boolean) })
          expect(res.body.message === null || typeof res.body.message === 'string', show(res)).toBe(true)
          if (admin) expect(res.body).toEqual({ requestId: expect.any(String), isAlive: true, attemptId: expect.any(String), message: null })
        })
      }
    })

    describe('session tokens (BFF)', () => {
      it('exchanges the token at GET /session-tokens: 200 { requestId, sessionToken } holding a JWT', async () => {
        const res = await exchange(token)
        expect(res.status, show(res)).toBe(200)
        expect(Object.keys(res.body).sort()).toEqual(['requestId', 'sessionToken'])
        expect(res.body.requestId).toMatch(UUID)
        expect(res.body.sessionToken).toMatch(JWT)
      })

      it('answers 401 "Invalid or missing token" without a token', async () => {
        expectCafError(await exchange(null), 401, BFF_INVALID, { kind: 'security' })
      })

      it('answers 401 "Invalid or missing token" to a token signed with another secret', async () => {
        expectCafError(await exchange(await wrongSecret()), 401, BFF_INVALID)
      })

      it('answers 401 to POST /sessions without a token', async () => {
        expectCafError(await openSession(null, freshCpf()), 401, BFF_INVALID, { kind: 'security' })
      })

      if (!options.allowWrites) skipped('opens an SDK session with the session token: 200 { requestId, id, personId, createdAt }', `creates a session; ${pass('allowWrites')}`)
      else {
        it('opens an SDK session with the session token: 200 { requestId, id, personId, createdAt }', async () => {
          const personId = freshCpf()
          const res = await openSession(await sessionTokenFor(token), personId)
          expect(res.status, show(res)).toBe(200)
          expect(res.body).toEqual({ requestId: expect.stringMatching(UUID), id: expect.any(String), personId, createdAt: expect.any(String) })
        })
      }

      if (!admin) skipped('POST /sessions refuses the authentication token itself (it takes the session token)', SANDBOX_ONLY)
      else {
        it('POST /sessions refuses the authentication token itself (it takes the session token)', async () => {
          expectCafError(await openSession(token, freshCpf()), 401, BFF_INVALID)
        })
      }
    })

    describe('expiry', () => {
      const titles = [
        'a token with exp is accepted until the sandbox clock passes it, then refused everywhere',
        'a session token expires 30 minutes after it is issued',
      ]
      if (!admin) {
        for (const title of titles) skipped(title, `needs the sandbox clock (a real CAF would take real time); ${pass('admin')}`)
        return
      }
      it(titles[0]!, async () => {
        const before = await admin.clock()
        try {
          await admin.freeze()
          const short = await mint({ expiresIn: 60 })
          expect((await verifyToken(short)).body.status).toBe('VALID')
          await admin.advance('50s')
          expect((await verifyToken(short)).body.status).toBe('VALID')
          // CAF's sandbox allows 5 s of skew.
          await admin.advance('16s')
          expect((await verifyToken(short)).body.status).toBe('INVALID')
          expectCafError(await authenticate(short, freshCpf()), 401, INVALID_TOKEN)
          expectCafError(await exchange(short), 401, BFF_INVALID)
          expect(await verdict(short)).toMatchObject({ accepted: false, refusal: 'expired' })
        } finally {
          await admin.restore(before)
        }
      })

      it(titles[1]!, async () => {
        const before = await admin.clock()
        try {
          await admin.freeze()
          const sessionToken = await sessionTokenFor(await mint({ expiresIn: '1h' }))
          await admin.advance('31m')
          expectCafError(await openSession(sessionToken, freshCpf()), 401, BFF_INVALID)
        } finally {
          await admin.restore(before)
        }
      })
    })

    describe('environment isolation', () => {
      it("refuses a token carrying this key's iss but signed with another key's secret, on both APIs", async () => {
        const forged = await wrongSecret()
        expect((await verifyToken(forged)).body.status).not.toBe('VALID')
        expectCafError(await authenticate(forged, freshCpf()), 401, INVALID_TOKEN)
        expectCafError(await exchange(forged), 401, BFF_INVALID)
        if (admin) expect(await verdict(forged)).toMatchObject({ accepted: false, refusal: 'bad_signature' })
      })

      const { otherClientId, otherClientSecret } = options
      const title = "refuses a token of another environment's Mobile Key, on both APIs"
      if (!otherClientId || !otherClientSecret) {
        skipped(title, `needs a Mobile Key of another environment; ${pass(['otherClientId', 'otherClientSecret'])}`)
      } else {
        it(title, async () => {
          const foreign = await mintCafToken({ clientId: otherClientId, clientSecret: otherClientSecret, expiresIn: '10m', now: await now() })
          expect((await verifyToken(foreign)).body.status).not.toBe('VALID')
          expectCafError(await authenticate(foreign, freshCpf()), 401, INVALID_TOKEN)
          expectCafError(await exchange(foreign), 401, BFF_INVALID)
          if (admin) expect(await verdict(foreign)).toMatchObject({ accepted: false, refusal: 'wrong_environment' })
        })
      }
    })

    describe('peopleId binding', () => {
      const titles = [
        'a token restricted to one CPF passes for it (masked or not) and is refused for another',
        'a session token keeps the restriction: POST /sessions refuses another personId',
      ]
      if (!admin) {
        for (const t of titles) skipped(t, SANDBOX_ONLY)
        return
      }
      it(titles[0]!, async () => {
        const [mine, other] = [freshCpf(), freshCpf()]
        const bound = await mint({ peopleId: maskCpf(mine) })
        // Past the token check, the CPF has no face: 404, not 401.
        expectCafError(await authenticate(bound, mine), 404, NO_FACE)
        expectCafError(await authenticate(bound, other), 401, INVALID_TOKEN)
        expect(await verdict(bound, { peopleId: other })).toMatchObject({ accepted: false, refusal: 'people_id_mismatch' })
      })

      it(titles[1]!, async () => {
        const [mine, other] = [freshCpf(), freshCpf()]
        const sessionToken = await sessionTokenFor(await mint({ peopleId: mine }))
        expectCafError(await openSession(sessionToken, other), 401, BFF_INVALID)
        if (options.allowWrites) expect((await openSession(sessionToken, mine)).status).toBe(200)
      })
    })
  })
}

const SEEDED = {
  clientId: 'tokensandbox-prod-0001',
  clientSecret: 'sandbox-prod-secret-0001-5c1e7a93d04b28f6e1a7c3d9',
  otherClientId: 'tokensandbox-beta-0001',
  otherClientSecret: 'sandbox-beta-secret-0001-9d3a6f2c8e1b5d7a4c0f2e6b',
  peopleId: '12345678909',
  environment: 'prod' as const,
  coreToken: 'sandbox-core-prod-token-0001-7d2f9b4e1a6c3f8d',
}

/** SuiteTarget → suite options: the same shape; the BFF must be known (given or beside the Mobile API). */
function urlsOf(target: SuiteTarget): { baseUrl: string; baseUrls?: CafBaseUrls } {
  if (!target.baseUrls?.bff && !bffBesideMobile(target.baseUrl)) throw new Error(`CAF: no BFF base URL beside ${target.baseUrl}; ${pass('baseUrls.bff')}`)
  return target.baseUrls ? { baseUrl: target.baseUrl, baseUrls: target.baseUrls } : { baseUrl: target.baseUrl }
}

function withoutUrls(target: SuiteTarget): Omit<SuiteTarget, 'baseUrl' | 'baseUrls'> {
  const { baseUrl: _b, baseUrls: _o, ...rest } = target
  return rest
}

export const cafSuite: ContractSuite<CafContractOptions> = {
  name: 'caf',
  title: 'CAF',
  contract: 'caf.yaml',
  sandboxPath: '/caf/prod/mobile',
  realBaseUrl: 'https://api.mobile.combateafraude.com',
  otherApis: [
    { name: 'bff', title: 'CAF BFF', sandboxPath: '/caf/prod/bff', realBaseUrl: 'https://web.us.prd.caf.io/bff', besideMain: bffBesideMobile },
    { name: 'sdk', title: 'CAF SDK API', sandboxPath: '/caf/prod/sdk', realBaseUrl: 'https://api.public.caf.io/v1/sdks', besideMain: (url) => besideMobile(url, 'sdk'), optional: true },
    { name: 'core', title: 'CAF Core API', sandboxPath: '/caf/prod/core', realBaseUrl: 'https://api.combateafraude.com', besideMain: (url) => besideMobile(url, 'core'), optional: true },
  ],
  credentials: [
    { flag: 'client-id', env: 'CAF_CLIENT_ID', required: true, description: 'the Mobile Key clientId (iss of the tokens the suite signs)' },
    { flag: 'client-secret', env: 'CAF_CLIENT_SECRET', required: true, description: 'the Mobile Key clientSecret' },
    { flag: 'environment', env: 'CAF_ENVIRONMENT', required: false, description: 'prod | beta | dev (default: from --base-url, else prod)' },
    { flag: 'other-client-id', env: 'CAF_OTHER_CLIENT_ID', required: false, description: 'a Mobile Key of another environment, for the isolation case' },
    { flag: 'other-client-secret', env: 'CAF_OTHER_CLIENT_SECRET', required: false, description: "that key's clientSecret" },
    { flag: 'people-id', env: 'CAF_PEOPLE_ID', required: false, description: 'a CPF with a face registered, for the authentication cases without --allow-writes' },
    { flag: 'image-url', env: 'CAF_IMAGE_URL', required: false, description: 'the face image to register and authenticate (a real photo for a real CAF)' },
    { flag: 'core-token', env: 'CAF_CORE_TOKEN', required: false, description: 'a Core API token (Trust) of this environment, for the Core API faces cases' },
    { flag: 'sdk-signature-key', env: 'CAF_SDK_SIGNATURE_KEY', required: false, description: "the key CAF's web SDK signs Content-Signature with (not shipped), for the SDK API cases against CAF" },
  ],
  seeded: (target) => ({ ...withoutUrls(target), ...urlsOf(target), ...SEEDED }),
  fromEnv(target, env) {
    const clientId = env.CAF_CLIENT_ID
    const clientSecret = env.CAF_CLIENT_SECRET
    if (!clientId || !clientSecret) throw new Error('CAF_CLIENT_ID and CAF_CLIENT_SECRET are required')
    const environment = env.CAF_ENVIRONMENT
    if (environment !== undefined && environment !== '' && !ENVIRONMENT.test(environment)) throw new Error('CAF_ENVIRONMENT must be prod, beta or dev')
    return {
      ...withoutUrls(target),
      ...urlsOf(target),
      clientId,
      clientSecret,
      ...(environment ? { environment: environment as CafEnvironment } : {}),
      ...(env.CAF_OTHER_CLIENT_ID && env.CAF_OTHER_CLIENT_SECRET ? { otherClientId: env.CAF_OTHER_CLIENT_ID, otherClientSecret: env.CAF_OTHER_CLIENT_SECRET } : {}),
      ...(env.CAF_PEOPLE_ID ? { peopleId: env.CAF_PEOPLE_ID } : {}),
      ...(env.CAF_IMAGE_URL ? { imageUrl: env.CAF_IMAGE_URL } : {}),
      ...(env.CAF_CORE_TOKEN ? { coreToken: env.CAF_CORE_TOKEN } : {}),
      ...(env.CAF_SDK_SIGNATURE_KEY ? { sdkSignatureKey: env.CAF_SDK_SIGNATURE_KEY } : {}),
    }
  },
  define: cafContract,
  admin: adminCases,
}

/** The kit takes a vendor's suite as its contract.ts's default export (src/vendors/kit.ts). */
export default cafSuite
