// The CA (Arcot for Issuers) contract suite: what an integration relies on, checked against
// anything that claims to be a CA tenant's API (the real one, a token-sandbox, or Prism in front
// of either). The Token API is CA's documented one; the account APIs are token-sandbox's [MOCK]
// paths (CA publishes their names and errors, not their paths). Cases that need the sandbox
// clock are skipped without `admin`; cases that create data need `allowWrites`; the isolation
// cases need a second tenant's service account. Each skipped case says why.
import { randomUUID } from 'node:crypto'
import { adminCases } from './contract-admin.ts'
import { afterAll, describe, expect, it } from 'vitest'
import { adminClient, type AdminClient } from '../../contract/admin.ts'
import { createCaller, show, type Answer, type CallOptions, type Caller } from '../../contract/http.ts'
import { checkSuiteOptions, expectProxyRefusal, skipped, type ContractRefusal, type ContractSuite, type SuiteTarget, pass } from '../../contract/suite.ts'
import { trimTrailingSlashes } from '../../core/paths.ts'

export interface CaTenantCredentials {
  /** The tenant's base URL; by default the suite's own (one silo host serving several tenants). */
  baseUrl?: string
  username: string
  password: string
  /** Its `tenant_id`. */
  tenantId?: string
}

export interface CaContractOptions extends SuiteTarget {
  /** An administrator service account of the tenant (`POST /token`). */
  username: string
  password: string
  /** The calling application's id, sent as `client_app_id` (default `TOKEN_SANDBOX_CONTRACT`). */
  clientAppId?: string
  /** The tenant's `tenant_id`, which the account APIs take; by default from a token-sandbox URL (`…/ca/<tenant>`). */
  tenantId?: string
  /** An existing account to read through Linked Accounts (else the one the write cases create). */
  accountId?: string
  /** A card the tenant's ACS knows and no account has linked, for Add Link; with `admin` the suite registers a fresh one. */
  cardNumber?: string
  /** A service account of another tenant, for the isolation cases (skipped without it). */
  otherTenant?: CaTenantCredentials
}

const DEFAULT_APP_ID = 'TOKEN_SANDBOX_CONTRACT'
const VERSION = { CA_com_apiVersion: '1.0' }
const FIELDS = ['client_txn_id', 'client_app_id', 'username', 'password'] as const
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/
const DESCRIPTIONS = {
  unauthorized_access: 'Invalid credentials',
  auth_token_verify_failed: 'Authorization token verification has failed',
  auth_token_expired: 'Authorization token has expired',
  tenant_not_found: 'tenant_id does not exist',
  account_not_found: 'account does not exist',
  account_exists: 'account_id already exists',
  default_factor_cannot_be_deleted: 'Default factor cannot be deleted',
} as const

/** The tenant of a token-sandbox base URL (`http://127.0.0.1:4545/ca/hedmoral` → `hedmoral`). */
export function tenantOfSandboxUrl(baseUrl: string): string | undefined {
  return /\/ca\/([A-Za-z0-9_-]+)\/*$/.exec(baseUrl)?.[1]
}

/** The token with one character of its signature changed. */
function tamper(token: string): string {
  const [h, p, s] = token.split('.') as [string, string, string]
  const i = Math.floor(s.length / 2)
  return `${h}.${p}.${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`
}

const freshAccountId = () => `CONTRACT-${randomUUID().slice(0, 13).toUpperCase()}`
/** 16 digits starting 99 (no issuer's range), random enough that no ACS knows it. */
const freshCard = () => `99${[...globalThis.crypto.getRandomValues(new Uint8Array(14))].map((b) => b % 10).join('')}`

export function caContract(options: CaContractOptions): void {
  checkSuiteOptions('CA', options, { required: ['username', 'password'] })
  const clientAppId = options.clientAppId ?? DEFAULT_APP_ID
  const tenantId = options.tenantId ?? tenantOfSandboxUrl(options.baseUrl)
  const api = createCaller(options.baseUrl, options.fetch)
  const admin: AdminClient | null = options.admin ? adminClient(options.admin, options.adminToken) : null
  const other = options.otherTenant
  const otherApi = other ? createCaller(other.baseUrl ?? options.baseUrl, options.fetch) : null
  const sameBase = !other?.baseUrl || trimTrailingSlashes(other.baseUrl) === trimTrailingSlashes(options.baseUrl)

  /** A CA error: 400 (unless said), exactly `{error_code, error_description}`; through Prism, its refusal when the contract refuses the request. */
  function expectCaError(res: Answer, code: string, description?: string, refusal?: ContractRefusal, status = 400): void {
    if (options.throughPrism && refusal) return expectProxyRefusal(res, refusal)
    const why = show(res)
    expect(res.status, why).toBe(status)
    expect(res.headers.get('content-type') ?? '', why).toMatch(/^application\/json/)
    expect(Object.keys(res.body ?? {}).sort(), `error fields: ${why}`).toEqual(['error_code', 'error_description'])
    expect(res.body.error_code, why).toBe(code)
    expect(res.body.error_description, why).toEqual(expect.any(String))
    if (description !== undefined) expect(res.body.error_description, why).toBe(description)
  }

  const tokenBody = (who: { username: string; password: string } = options) => ({
    client_txn_id: randomUUID(),
    client_app_id: clientAppId,
    username: who.username,
    password: who.password,
  })
  const requestToken = (body: unknown, headers: Record<string, string> = VERSION, caller: Caller = api) =>
    caller('POST', '/token', { headers, json: body })

  async function tokenFor(caller: Caller, who: { username: string; password: string }): Promise<string> {
    const res = await requestToken(tokenBody(who), VERSION, caller)
    expect(res.status, `a token for ${who.username}: ${show(res)}`).toBe(200)
    return res.body.token as string
  }

  /** Calls an account API with a token (raw in Authorization, as CA documents) and the version header. */
  const call = (method: string, path: string, token: string | null, o: CallOptions = {}, caller: Caller = api) =>
    caller(method, path, { ...o, headers: { ...VERSION, ...(token !== null ? { authorization: token } : {}), ...o.headers } })
  const linkedAccounts = (token: string | null, accountId: string, tenant = tenantId ?? 'contract-suite-tenant', caller: Caller = api) =>
    call('GET', `/accounts/${encodeURIComponent(accountId)}/links`, token, { query: { tenant_id: tenant } }, caller)

  describe(`CA contract (${options.baseUrl}${tenantId ? `, tenant ${tenantId}` : ''})`, () => {
    let token = ''
    const ensureToken = async () => (token ||= await tokenFor(api, options))

    describe('Token API (POST /token)', () => {
      it('issues a token: 200 { token } holding a JWT', async () => {
        const res = await requestToken(tokenBody())
        expect(res.status, show(res)).toBe(200)
        expect(res.headers.get('content-type') ?? '').toMatch(/^application\/json/)
        expect(Object.keys(res.body)).toEqual(['token'])
        expect(res.body.token).toMatch(JWT)
        const header = JSON.parse(Buffer.from((res.body.token as string).split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>
        expect(header.alg, 'JWT header alg').toEqual(expect.any(String))
        token = res.body.token as string
      })

      it('issues a token without CA_com_apiVersion (the header is optional)', async () => {
        const res = await requestToken(tokenBody(), {})
        expect(res.status, show(res)).toBe(200)
        expect(res.body.token).toMatch(JWT)
      })

      it.each(FIELDS.map((field, i) => [field, i] as const))(
        'answers 400 missing_input naming %s when it and the fields after it are missing (the documented order)',
        async (field, i) => {
          const body = Object.fromEntries(Object.entries(tokenBody()).filter(([k]) => FIELDS.indexOf(k as (typeof FIELDS)[number]) < i))
          const res = await requestToken(body)
          expectCaError(res, 'missing_input', `Value for element {${field}} is required`, { kind: 'schema', location: ['body', field] })
        },
      )

      it('answers 400 unauthorized_access "Invalid credentials" to a wrong password', async () => {
        const res = await requestToken({ ...tokenBody(), password: `${options.password}-not-this-one` })
        expectCaError(res, 'unauthorized_access', DESCRIPTIONS.unauthorized_access)
      })

      it('answers 400 unauthorized_access to a username the tenant does not have', async () => {
        const res = await requestToken({ ...tokenBody(), username: `contract-suite-nobody-${randomUUID().slice(0, 8)}` })
        expectCaError(res, 'unauthorized_access', DESCRIPTIONS.unauthorized_access)
      })

      it('answers 400 invalid_input to a client_txn_id that is not a UUID [MOCK]', async () => {
        const res = await requestToken({ ...tokenBody(), client_txn_id: 'txn-1' })
        expectCaError(res, 'invalid_input', 'Value for element {client_txn_id} is invalid', { kind: 'schema', location: ['body', 'client_txn_id'] })
      })

      it('answers 400 invalid_input to a CA_com_apiVersion other than 1.0 [MOCK]', async () => {
        const res = await requestToken(tokenBody(), { CA_com_apiVersion: '9.9' })
        // Prism reports header names in lower case.
        expectCaError(res, 'invalid_input', 'Value for element {CA_com_apiVersion} is invalid', { kind: 'schema', location: ['header', 'ca_com_apiversion'] })
      })
    })

    describe('the token on an account API (Linked Accounts)', () => {
      if (!tenantId) {
        skipped('a token unlocks the account APIs', `needs the tenant's tenant_id; ${pass('tenantId')}`)
      } else {
        it('a token unlocks the account APIs: an account the tenant does not have answers account_not_found, not a token error', async () => {
          const res = await linkedAccounts(await ensureToken(), freshAccountId())
          expectCaError(res, 'account_not_found', DESCRIPTIONS.account_not_found)
        })

        it('answers 400 tenant_not_found to a tenant_id that is not the caller’s', async () => {
          const res = await linkedAccounts(await ensureToken(), freshAccountId(), `contract-suite-${randomUUID().slice(0, 8)}`)
          expectCaError(res, 'tenant_not_found', DESCRIPTIONS.tenant_not_found)
        })
      }

      if (!options.accountId) {
        skipped('reads an account’s linked cards: 200 { tenant_id, account_id, cards }', `needs an existing account; ${pass('accountId')} (the write cases read the one they create)`)
      } else {
        it('reads an account’s linked cards: 200 { tenant_id, account_id, cards }', async () => {
          const res = await linkedAccounts(await ensureToken(), options.accountId!)
          expect(res.status, show(res)).toBe(200)
          expect(res.body).toMatchObject({ account_id: options.accountId, cards: expect.any(Array) })
          if (tenantId) expect(res.body.tenant_id).toBe(tenantId)
          for (const card of res.body.cards) expect(Object.keys(card)).toEqual(['card_number'])
        })
      }

      it('answers 400 auth_token_verify_failed without Authorization', async () => {
        expectCaError(await linkedAccounts(null, freshAccountId()), 'auth_token_verify_failed', DESCRIPTIONS.auth_token_verify_failed, { kind: 'security' })
      })

      it('answers 400 auth_token_verify_failed to a token whose signature was altered', async () => {
        const res = await linkedAccounts(tamper(await ensureToken()), freshAccountId())
        expectCaError(res, 'auth_token_verify_failed', DESCRIPTIONS.auth_token_verify_failed)
      })

      it('answers 400 auth_token_verify_failed to a value that is not a JWT', async () => {
        expectCaError(await linkedAccounts('not-a-token', freshAccountId()), 'auth_token_verify_failed', DESCRIPTIONS.auth_token_verify_failed)
      })
    })

    describe('token lifetime', () => {
      if (!admin || !tenantId) {
        const why = !admin ? `needs the sandbox clock (a real CA has none to move); ${pass('admin')} (a token-sandbox /__sandbox URL)` : `needs the tenant's tenant_id; ${pass('tenantId')}`
        skipped('a token is accepted for the tenant’s minutes and answers auth_token_expired after', why)
        return
      }
      it('a token is accepted for the tenant’s minutes and answers auth_token_expired after', async () => {
        const tenants = (await admin.call('GET', '/ca/tenants')) as { tenants: { id: string; tokenMinutes: number }[] }
        const minutes = tenants.tenants.find((t) => t.id === tenantId)?.tokenMinutes
        expect(minutes, `tenant ${tenantId} on the sandbox`).toEqual(expect.any(Number))
        const lifetime = minutes! * 60
        const before = await admin.clock()
        try {
          await admin.freeze()
          const fresh = await tokenFor(api, options)
          const verify = () => admin.call('POST', '/ca/tokens/verify', { token: fresh, tenant: tenantId })
          expect(await verify()).toMatchObject({ accepted: true, verdict: 'valid', secondsLeft: lifetime })
          await admin.advance(`${lifetime - 1}s`)
          // Still accepted: the API answers for the account, not for the token.
          expectCaError(await linkedAccounts(fresh, freshAccountId()), 'account_not_found')
          await admin.advance('2s')
          expectCaError(await linkedAccounts(fresh, freshAccountId()), 'auth_token_expired', DESCRIPTIONS.auth_token_expired)
          expect(await verify()).toMatchObject({ accepted: false, verdict: 'expired', error_code: 'auth_token_expired' })
        } finally {
          await admin.restore(before)
        }
      })
    })

    describe('tenant isolation', () => {
      if (!other || !otherApi) {
        skipped('another tenant’s token and credentials do not work here', `needs a second tenant's service account; ${pass({ option: 'otherTenant', cli: '--other-username and --other-password' })}`)
        return
      }
      if (!sameBase) {
        it('a token of another tenant answers auth_token_verify_failed here, and ours there', async () => {
          const theirs = await tokenFor(otherApi, other)
          expectCaError(await linkedAccounts(theirs, freshAccountId()), 'auth_token_verify_failed', DESCRIPTIONS.auth_token_verify_failed)
          const ours = await ensureToken()
          const res = await linkedAccounts(ours, freshAccountId(), other.tenantId ?? 'contract-suite-tenant', otherApi)
          expectCaError(res, 'auth_token_verify_failed', DESCRIPTIONS.auth_token_verify_failed)
        })

        it('our service account answers unauthorized_access at the other tenant’s POST /token', async () => {
          expectCaError(await requestToken(tokenBody(), VERSION, otherApi), 'unauthorized_access', DESCRIPTIONS.unauthorized_access)
        })
      }
      if (!tenantId) {
        skipped('another tenant cannot name this tenant_id', 'needs tenantId')
      } else {
        it('another tenant cannot name this tenant_id: tenant_not_found, exactly as for an unknown one', async () => {
          const theirs = await tokenFor(otherApi, other)
          const res = await linkedAccounts(theirs, options.accountId ?? freshAccountId(), tenantId, otherApi)
          expectCaError(res, 'tenant_not_found', DESCRIPTIONS.tenant_not_found)
        })
      }
    })

    describe('account management (writes)', () => {
      if (!options.allowWrites || !tenantId) {
        const why = !options.allowWrites ? `creates accounts and links on the tenant; ${pass('allowWrites')}` : `needs the tenant's tenant_id; ${pass('tenantId')}`
        skipped('adds an account, reads it, refuses it twice, deletes a factor and the account', why)
        skipped('links a card, refuses it to a second account, unlinks it', why)
        return
      }
      const created: string[] = []
      afterAll(async () => {
        for (const id of created) await call('DELETE', `/accounts/${id}`, token, { query: { tenant_id: tenantId } }).catch(() => undefined)
      })
      const addAccount = async (accountId: string, extra: Record<string, unknown> = {}) => {
        const res = await call('POST', '/accounts', await ensureToken(), {
          json: { client_txn_id: randomUUID(), client_app_id: clientAppId, tenant_id: tenantId, account_id: accountId, ...extra },
        })
        if (res.status === 200) created.push(accountId)
        return res
      }

      it('adds an account, reads it, refuses it twice, deletes a factor and the account', async () => {
        const accountId = freshAccountId()
        const contacts = [
          { contact_id: 'C-1', type: 'email', value: 'contract.suite@example.com', is_default: true },
          { contact_id: 'C-2', type: 'mobile', value: '+46700000099' },
        ]
        const devices = [{ device_id: 'D-1' }]
        const made = await addAccount(accountId, { name: 'Contract Suite', contacts, devices })
        expect(made.status, show(made)).toBe(200)
        expect(made.body).toEqual({
          tenant_id: tenantId,
          account_id: accountId,
          name: 'Contract Suite',
          cards: [],
          contacts: [contacts[0], { ...contacts[1], is_default: false }],
          devices: [{ device_id: 'D-1', is_default: true }],
        })

        const read = await linkedAccounts(token, accountId)
        expect(read.status, show(read)).toBe(200)
        expect(read.body).toEqual({ tenant_id: tenantId, account_id: accountId, name: 'Contract Suite', cards: [] })

        expectCaError(await addAccount(accountId), 'account_exists', DESCRIPTIONS.account_exists)

        const factor = (kind: string, id: string) => call('DELETE', `/accounts/${accountId}/${kind}/${id}`, token)
        expectCaError(await factor('contacts', 'C-1'), 'default_factor_cannot_be_deleted', DESCRIPTIONS.default_factor_cannot_be_deleted)
        expectCaError(await factor('devices', 'D-1'), 'default_factor_cannot_be_deleted', DESCRIPTIONS.default_factor_cannot_be_deleted)
        const removed = await factor('contacts', 'C-2')
        expect(removed.status, show(removed)).toBe(200)
        expect(removed.body).toEqual({})
        expectCaError(await factor('contacts', 'C-2'), 'contact_not_found', 'contact_id [ C-2 ] does not exist')
        expectCaError(await factor('devices', 'D-9'), 'device_not_found')

        const gone = await call('DELETE', `/accounts/${accountId}`, token, { query: { tenant_id: tenantId } })
        expect(gone.status, show(gone)).toBe(200)
        // Deleted: afterAll must not delete it again.
        if (created.includes(accountId)) created.splice(created.indexOf(accountId), 1)
        expect(gone.body).toEqual({})
        expectCaError(await linkedAccounts(token, accountId), 'account_not_found', DESCRIPTIONS.account_not_found)
      })

      it('links a card, refuses it to a second account, unlinks it', async (ctx) => {
        let card = options.cardNumber
        if (admin) {
          card = freshCard()
          await admin.call('POST', `/ca/tenants/${tenantId}/cards`, { card_number: card })
        }
        if (!card) return ctx.skip(`needs a card the ACS knows; ${pass(['cardNumber', 'admin'], 'or')}`)
        const [first, second] = [freshAccountId(), freshAccountId()]
        for (const id of [first, second]) expect((await addAccount(id)).status).toBe(200)
        const link = (accountId: string, card_number: string) => call('POST', `/accounts/${accountId}/links`, token, { json: { client_txn_id: randomUUID(), card_number } })

        const linked = await link(first, card)
        expect(linked.status, show(linked)).toBe(200)
        expect(linked.body).toEqual({ tenant_id: tenantId, account_id: first, cards: [{ card_number: card }] })
        const again = await link(first, card)
        expect(again.status, `linking again to the same account: ${show(again)}`).toBe(200)

        expectCaError(await link(second, card), 'link_already_exists', `Cardnumber (${card}) is linked with another account`)
        const unknown = admin ? freshCard() : `99${'0'.repeat(14)}`
        expectCaError(await link(second, unknown), 'card_not_found', `card_number [${unknown}] does not exist`)

        const unlinked = await call('DELETE', `/accounts/${first}/links/${card}`, token)
        expect(unlinked.status, show(unlinked)).toBe(200)
        expect(unlinked.body).toEqual({})
        const after = await linkedAccounts(token, first)
        expect(after.body.cards, show(after)).toEqual([])
        // Free again: the second account may take it now.
        expect((await link(second, card)).status).toBe(200)
        expect((await call('DELETE', `/accounts/${second}/links/${card}`, token)).status).toBe(200)
      })
    })
  })
}

const SEEDED = {
  username: 'hedmoral_admin',
  password: 'Hedmoral-Sandbox-1',
  clientAppId: 'HEDMORAL_OPS',
  tenantId: 'hedmoral',
  accountId: 'ACC-1001',
}
const SEEDED_OTHER = { username: 'kvarnby_admin', password: 'Kvarnby-Sandbox-1', tenantId: 'kvarnby' }
const OTHER_TENANT = 'other-tenant'

/** The other tenant's base URL from `SuiteTarget.baseUrls` (the CLI's variables come back with `_`). */
const otherTenantUrl = (target: SuiteTarget) => target.baseUrls?.[OTHER_TENANT] ?? target.baseUrls?.[OTHER_TENANT.replace(/-/g, '_')]

function withoutUrls(target: SuiteTarget): SuiteTarget {
  const { baseUrls: _others, ...rest } = target
  return rest
}

export const caSuite: ContractSuite<CaContractOptions> = {
  name: 'ca',
  title: 'CA (Arcot for Issuers)',
  contract: 'ca.yaml',
  sandboxPath: '/ca/hedmoral',
  realBaseUrl: 'https://secure2api.arcot.com',
  otherApis: [
    {
      name: OTHER_TENANT,
      title: 'a second tenant (isolation cases, with --other-username/--other-password):',
      sandboxPath: '/ca/kvarnby',
      realBaseUrl: 'https://secure4api.arcot.com',
      // By default the same host: a CA silo serves several tenants.
      besideMain: (main) => main,
    },
  ],
  credentials: [
    { flag: 'username', env: 'CA_USERNAME', required: true, description: "an administrator service account of the tenant" },
    { flag: 'password', env: 'CA_PASSWORD', required: true, description: 'its password (prefer the variable: flags show in process lists)' },
    { flag: 'client-app-id', env: 'CA_CLIENT_APP_ID', required: false, description: `client_app_id to send (default ${DEFAULT_APP_ID})` },
    { flag: 'tenant-id', env: 'CA_TENANT_ID', required: false, description: 'the tenant_id (default: from a token-sandbox --base-url, …/ca/<tenant>)' },
    { flag: 'account-id', env: 'CA_ACCOUNT_ID', required: false, description: 'an existing account to read through Linked Accounts' },
    { flag: 'card-number', env: 'CA_CARD_NUMBER', required: false, description: 'a card the ACS knows, unlinked, for the Add Link case (--allow-writes)' },
    { flag: 'other-username', env: 'CA_OTHER_USERNAME', required: false, description: "a second tenant's service account, for the isolation cases" },
    { flag: 'other-password', env: 'CA_OTHER_PASSWORD', required: false, description: 'its password' },
    { flag: 'other-tenant-id', env: 'CA_OTHER_TENANT_ID', required: false, description: "the second tenant's tenant_id" },
  ],
  seeded: (target) => {
    const otherUrl = otherTenantUrl(target)
    return { ...withoutUrls(target), ...SEEDED, ...(otherUrl ? { otherTenant: { ...SEEDED_OTHER, baseUrl: otherUrl } } : {}) }
  },
  fromEnv(target, env) {
    const username = env.CA_USERNAME
    const password = env.CA_PASSWORD
    if (!username || !password) throw new Error('CA_USERNAME and CA_PASSWORD are required')
    const tenantId = env.CA_TENANT_ID || tenantOfSandboxUrl(target.baseUrl)
    let otherUrl = otherTenantUrl(target)
    const otherTenantId = env.CA_OTHER_TENANT_ID || (otherUrl ? tenantOfSandboxUrl(otherUrl) : undefined)
    // A token-sandbox serves each tenant under its own prefix: the second tenant's URL follows from its id.
    if (otherUrl === target.baseUrl && tenantId && otherTenantId && otherTenantId !== tenantId && tenantOfSandboxUrl(otherUrl) === tenantId) {
      otherUrl = otherUrl.replace(/\/ca\/[A-Za-z0-9_-]+\/*$/, `/ca/${otherTenantId}`)
    }
    return {
      ...withoutUrls(target),
      username,
      password,
      ...(env.CA_CLIENT_APP_ID ? { clientAppId: env.CA_CLIENT_APP_ID } : {}),
      ...(tenantId ? { tenantId } : {}),
      ...(env.CA_ACCOUNT_ID ? { accountId: env.CA_ACCOUNT_ID } : {}),
      ...(env.CA_CARD_NUMBER ? { cardNumber: env.CA_CARD_NUMBER } : {}),
      ...(env.CA_OTHER_USERNAME && env.CA_OTHER_PASSWORD
        ? {
            otherTenant: {
              username: env.CA_OTHER_USERNAME,
              password: env.CA_OTHER_PASSWORD,
              ...(otherUrl ? { baseUrl: otherUrl } : {}),
              ...(otherTenantId ? { tenantId: otherTenantId } : {}),
            },
          }
        : {}),
    }
  },
  define: caContract,
  admin: adminCases,
}

/** The kit takes a vendor's suite as its contract.ts's default export (src/vendors/kit.ts). */
export default caSuite
