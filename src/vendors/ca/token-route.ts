// POST /token: the four documented fields, all required and checked in the documented order
// (client_txn_id, client_app_id, username, password); the first missing one answers
// `missing_input`. Wrong credentials answer `unauthorized_access` / "Invalid credentials".
// client_txn_id and client_app_id go to the journal for debugging; the password never does.
import { json } from '../../core/http.ts'
import type { RouteContext } from '../../core/service.ts'
import type { SandboxResponse } from '../../core/types.ts'
import type { TokenBody } from './bodies.ts'
import { unauthorizedAccess } from './errors.ts'
import { readBody, requiredString, UUID, type StringRule } from './input.ts'
import { constantTimeEqual } from './secret-compare.ts'
import type { CaState } from './state.ts'
import type { Tenant } from './tenants.ts'
import { issueToken } from './tokens.ts'

type Ctx = RouteContext<CaState>

const FIELDS: [string, StringRule][] = [
  ['client_txn_id', { pattern: UUID }],
  ['client_app_id', { max: 256 }],
  ['username', { max: 256 }],
  ['password', { max: 1024 }],
]

// Compared against when the username is unknown, so both failures take the same time.
const DUMMY_PASSWORD = 'token-sandbox-no-such-account-0000000000'

/** An unknown username as the journal shows it: enough to recognise a typo, too little to be a password. */
export function maskUnknown(username: string): string {
  return `${username.slice(0, 3)}… (${username.length} characters)`
}

export async function requestToken(ctx: Ctx): Promise<SandboxResponse> {
  const refuse = (reason: string, response: SandboxResponse) => {
    ctx.refuse(reason)
    return response
  }
  const body = readBody(ctx)
  if (!body.ok) return refuse(body.reason, body.response)

  const values: Record<string, string> = {}
  for (const [element, rule] of FIELDS) {
    const read = requiredString(body.value, element, rule)
    if (!read.ok) return refuse(read.reason, read.response)
    values[element] = read.value
    // The username is journaled once it names a service account (see below): a password typed
    // into the username field must not end up in the journal.
    if (element !== 'password' && element !== 'username') ctx.meta({ [element]: read.value })
  }
  const { client_app_id, username, password } = values as Record<'client_app_id' | 'username' | 'password', string>

  const { state } = ctx
  let tenant: Tenant | undefined
  if (ctx.environment !== null) {
    tenant = state.tenants.get(ctx.environment)
    if (!tenant) return refuse(`no tenant ${ctx.environment} is configured for this base URL`, unauthorizedAccess())
  } else {
    // A base URL that names no tenant: the username picks it, when it is unique across tenants.
    const matches = [...state.tenants.values()].filter((t) => state.store.in(t.id).serviceAccount.has(`${t.id}/${username}`))
    if (matches.length === 1) tenant = matches[0]
    else if (matches.length > 1) return refuse(`username ${username} exists in several tenants; use a tenant's base URL`, unauthorizedAccess())
  }

  const account = tenant
    ? state.store.in(tenant.id).serviceAccount.get(`${tenant.id}/${username}`)
    : null
  const passwordOk = constantTimeEqual(account?.password ?? DUMMY_PASSWORD, password)
  if (!tenant || !account) {
    ctx.meta({ username: maskUnknown(username) })
    return refuse('unknown username', unauthorizedAccess())
  }
  ctx.meta({ username })
  if (!passwordOk) return refuse('wrong password', unauthorizedAccess())

  ctx.environment = tenant.id
  const { token, claims } = await issueToken(state, tenant, { username, client_app_id })
  ctx.meta({ token: { jti: claims.jti, iat: claims.iat, exp: claims.exp } })
  const answer: TokenBody = { token }
  return json(200, answer)
}
