// Tenants (enterprises, i.e. issuers) as configured in fixtures/ca.json: where each is served,
// how long its tokens live, and how strict its API is. This is configuration, checked once at
// start; the mutable data (service accounts, cards, accounts) lives in the store (state.ts).
import { MAX_TOKEN_LIFETIME_MS } from '../../core/clock.ts'
import { trimTrailingSlashes } from '../../core/paths.ts'

/** The protected operations a service account may be allowed to call ([MOCK] names). */
export const OPERATIONS = [
  'add_account',
  'linked_accounts',
  'add_link',
  'delete_link',
  'delete_account',
  'delete_contact',
  'delete_device',
] as const
export type Operation = (typeof OPERATIONS)[number]

export interface CaServiceAccountFixture {
  username: string
  password: string
  /** Operations this account may call; `"*"` means all of them. */
  operations: (Operation | '*')[]
}

export interface CaContactFixture {
  contact_id: string
  type: 'email' | 'mobile'
  value: string
  is_default?: boolean
}

export interface CaDeviceFixture {
  device_id: string
  is_default?: boolean
}

export interface CaAccountFixture {
  account_id: string
  name?: string
  /** Card numbers linked to this account; each must be in the tenant's `cards`. */
  cards?: string[]
  contacts?: CaContactFixture[]
  devices?: CaDeviceFixture[]
}

export interface CaTenantFixture {
  /** The tenant id: the `tenant_id` its requests carry and its `/ca/<id>` prefix. */
  id: string
  name?: string
  /** Where msw intercepts this tenant (a silo host such as https://secure2api.arcot.com). */
  baseUrl?: string
  /** Token lifetime in minutes (default 30). */
  tokenMinutes?: number
  /** Accept any `CA_com_apiVersion` value, not only 1.0 (default false). */
  lenientApiVersion?: boolean
  /** Accept `Authorization: Bearer <token>` as well as the raw token (default false). */
  acceptBearerPrefix?: boolean
  /** The secret this tenant's tokens are signed with (random per sandbox when absent): for tests that forge tokens. */
  signingSecret?: string
  serviceAccounts: CaServiceAccountFixture[]
  /** Card numbers this tenant's ACS knows: only these can be linked. */
  cards?: string[]
  accounts?: CaAccountFixture[]
}

export interface CaFixtures {
  tenants: CaTenantFixture[]
}

export interface Tenant {
  id: string
  name: string
  baseUrl: string | null
  prefix: string
  tokenMinutes: number
  lenientApiVersion: boolean
  acceptBearerPrefix: boolean
  /** The sandbox's own HMAC secret for this tenant's tokens: another tenant's token never verifies. */
  secret: string
}

export const PREFIX = '/ca'
export const DEFAULT_TOKEN_MINUTES = 30
/** A week: the sandbox clock keeps that much room inside a Date's range (MAX_TOKEN_LIFETIME_MS). */
export const MAX_TOKEN_MINUTES = MAX_TOKEN_LIFETIME_MS / 60_000
export const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

// The drawn secret is drawn even when the fixture gives one, so the seeded ids after it stay the same.
function tenantSecret(t: CaTenantFixture, drawn: string): string {
  if (t.signingSecret === undefined) return drawn
  if (typeof t.signingSecret !== 'string' || t.signingSecret.length < 16) throw new Error(`CA fixtures: tenant ${t.id}: signingSecret must be a string of at least 16 characters`)
  return t.signingSecret
}

/** Checks the tenant configuration; throws with a message naming the problem. */
export function buildTenants(fixtures: CaFixtures, newSecret: () => string): Map<string, Tenant> {
  if (!fixtures || !Array.isArray(fixtures.tenants) || fixtures.tenants.length === 0) {
    throw new Error('CA fixtures: `tenants` must be a non-empty array')
  }
  const tenants = new Map<string, Tenant>()
  const bases = new Map<string, string>()
  for (const t of fixtures.tenants) {
    if (typeof t.id !== 'string' || !TENANT_ID.test(t.id)) throw new Error(`CA fixtures: tenant id ${JSON.stringify(t.id)} must be 1-64 letters, digits, _ or -`)
    if (tenants.has(t.id)) throw new Error(`CA fixtures: tenant ${t.id} is listed twice`)
    const minutes = t.tokenMinutes ?? DEFAULT_TOKEN_MINUTES
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_TOKEN_MINUTES) {
      throw new Error(`CA fixtures: tenant ${t.id}: tokenMinutes must be an integer from 1 to ${MAX_TOKEN_MINUTES}`)
    }
    let baseUrl: string | null = null
    if (t.baseUrl !== undefined) {
      try {
        baseUrl = trimTrailingSlashes(new URL(t.baseUrl).href)
      } catch {
        throw new Error(`CA fixtures: tenant ${t.id}: baseUrl ${t.baseUrl} is not an absolute URL`)
      }
      // One host path can only route to one tenant.
      const other = bases.get(baseUrl)
      if (other) throw new Error(`CA fixtures: tenants ${other} and ${t.id} share the base URL ${baseUrl}`)
      bases.set(baseUrl, t.id)
    }
    tenants.set(t.id, {
      id: t.id,
      name: t.name ?? t.id,
      baseUrl,
      prefix: `${PREFIX}/${t.id}`,
      tokenMinutes: minutes,
      lenientApiVersion: t.lenientApiVersion === true,
      acceptBearerPrefix: t.acceptBearerPrefix === true,
      secret: tenantSecret(t, newSecret()),
    })
  }
  return tenants
}
