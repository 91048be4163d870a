// Sandbox-only ComplyCube routes, under /__sandbox/complycube: whether the Web or Mobile SDK
// would accept a token, and API keys (create, revoke, list).
import type { AdminBody } from '../../admin/bodies.ts'
import { badRequest, adminError } from '../../admin/errors.ts'
import { json, isRecord, own } from '../../core/http.ts'
import type { Route, RouteContext } from '../../core/service.ts'
import { ENVIRONMENTS, KEY_PREFIX, findKey, isEnvironment, type ComplyCubeState, type Environment } from './state.ts'
import { verifySdkToken, type VerifyInput } from './tokens.ts'

type Ctx = RouteContext<ComplyCubeState>

/** As CAF's Mobile Key names (../caf/api.ts). */
const MAX_KEY_NAME_CHARS = 200

const optionalString = (body: Record<string, unknown>, key: string): string | undefined | Error => {
  const v = own(body, key)
  if (v === undefined || v === null) return undefined
  return typeof v === 'string' ? v : new Error(`'${key}' must be a string`)
}

export function createKey(state: ComplyCubeState, environment: Environment, name = ''): AdminBody['ApiKey'] {
  const key = KEY_PREFIX[environment] + state.core.ids.secret(32)
  state.store.in(environment).apiKey.insert({ key, name, revoked: false })
  return { key, environment, name, revoked: false }
}

export function listKeys(state: ComplyCubeState): AdminBody['ApiKey'][] {
  return ENVIRONMENTS.flatMap((environment) => state.store.in(environment).apiKey.all().map((k) => ({ key: k.key, environment, name: k.name, revoked: k.revoked })))
}

export function revokeKey(state: ComplyCubeState, key: string): boolean {
  const row = findKey(state, key)
  if (!row) return false
  state.store.in(row.environment).apiKey.update(key, { revoked: true })
  return true
}

/**
 * What `token`/`contract --sandbox URL` need, keyed by their flag names: the first key in use of
 * each environment, the oldest client of the sandbox environment (the seed's first, however
 * many clients are added after it) and, as `live-client-id`, the live environment's. Read-only; behind the admin guard like every admin route.
 */
export function sandboxCredentials(state: ComplyCubeState): Record<string, string> {
  const active = (environment: Environment) => state.store.in(environment).apiKey.all().find((k) => !k.revoked)?.key
  const [key, other] = [active('sandbox'), active('live')]
  const oldestClient = (environment: Environment) => {
    const clients = state.clientOrder[environment]
    // The list order is newest first: the oldest is its last entry.
    return clients.size ? clients.page(clients.size - 1, 1)[0] : undefined
  }
  const [client, liveClient] = [oldestClient('sandbox'), oldestClient('live')]
  return {
    ...(key ? { 'api-key': key } : {}),
    ...(other ? { 'other-api-key': other } : {}),
    ...(client ? { 'client-id': client } : {}),
    // For a live_ key (`token complycube --sandbox URL --api-key live_…`): its own environment's client.
    ...(liveClient ? { 'live-client-id': liveClient } : {}),
  }
}

export const adminRoutes: Route<ComplyCubeState>[] = [
  { method: 'GET', path: '/credentials', handler: (ctx: Ctx) => json(200, { credentials: sandboxCredentials(ctx.state) } satisfies AdminBody['SandboxCredentials']) },
  {
    method: 'POST',
    path: '/tokens/verify',
    async handler(ctx: Ctx) {
      const body = ctx.body === undefined ? {} : ctx.body
      if (!isRecord(body)) return badRequest('The body must be a JSON object')
      const fields = ['token', 'referrer', 'origin', 'appId', 'environment'].map((k) => [k, optionalString(body, k)] as const)
      for (const [, v] of fields) if (v instanceof Error) return badRequest(v.message)
      const f = Object.fromEntries(fields) as Record<string, string | undefined>
      if (!f.token) return badRequest("'token' is required")
      if (f.environment !== undefined && !isEnvironment(f.environment)) {
        return badRequest("'environment' must be 'sandbox' or 'live'")
      }
      // Without an explicit referrer, use what a browser calling this endpoint sent.
      const referrer = f.referrer ?? f.origin ?? ctx.req.headers['referer'] ?? ctx.req.headers['origin']
      const input: VerifyInput = {
        token: f.token,
        ...(referrer !== undefined ? { referrer } : {}),
        ...(f.appId !== undefined ? { appId: f.appId } : {}),
        ...(f.environment !== undefined ? { environment: f.environment } : {}),
      }
      return json(200, (await verifySdkToken(ctx.state, input)) satisfies AdminBody['VerifyResult'])
    },
  },
  { method: 'GET', path: '/keys', handler: (ctx: Ctx) => json(200, { keys: listKeys(ctx.state) } satisfies AdminBody['ApiKeyList']) },
  {
    method: 'POST',
    path: '/keys',
    handler(ctx: Ctx) {
      const body = ctx.body === undefined ? {} : ctx.body
      if (!isRecord(body)) return badRequest('The body must be a JSON object')
      const environment = own(body, 'environment') ?? 'sandbox'
      const name = own(body, 'name') ?? ''
      if (!isEnvironment(environment)) return badRequest("'environment' must be 'sandbox' or 'live'")
      if (typeof name !== 'string') return badRequest("'name' must be a string")
      if (name.length > MAX_KEY_NAME_CHARS) return badRequest(`'name' must be at most ${MAX_KEY_NAME_CHARS} characters long`)
      return json(201, createKey(ctx.state, environment, name) satisfies AdminBody['ApiKey'])
    },
  },
  {
    method: 'POST',
    path: '/keys/:key/revoke',
    body: 'none',
    handler(ctx: Ctx) {
      if (!revokeKey(ctx.state, ctx.params.key!)) return adminError(404, 'not_found', 'No such API key')
      return json(200, { key: ctx.params.key!, revoked: true } satisfies AdminBody['RevokeResult'])
    },
  },
]
