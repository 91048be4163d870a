// Sandbox-only CAF routes, under /__sandbox/caf (the sandbox's error shape): Mobile Keys
// ("New key", revoke, list), minting and judging tokens, settings, registered faces. Each calls
// the same function as the in-process `sandbox.caf` method.
import type { AdminBody } from '../../admin/bodies.ts'
import { adminError, badRequest } from '../../admin/errors.ts'
import { json } from '../../core/http.ts'
import type { Route, RouteContext } from '../../core/service.ts'
import { mintWithStoredKey, parseMint, parseNewKey, parseSettings, parseVerify, verdict, createApi } from './api.ts'
import { createKey, listKeys, revokeKey } from './keys.ts'
import { isCpfShaped } from './cpf.ts'
import { allKeys, ENVIRONMENTS, isEnvironment, registerFace, type CafState, type Environment } from './state.ts'
import { isRecord } from '../../core/http.ts'

type Ctx = RouteContext<CafState>

function environmentQuery(ctx: Ctx): Environment | undefined | null {
  const v = ctx.query.get('environment')
  if (v === null || v === '') return undefined
  return isEnvironment(v) ? v : null
}

/** As the Mobile API's own `imageUrl` (./input.ts). */
const MAX_IMAGE_URL_CHARS = 2048

const ENV_MESSAGE = `'environment' must be one of ${ENVIRONMENTS.join(', ')}`

/**
 * What `token`/`contract --sandbox URL` need, keyed by their flag names: a production Mobile Key
 * in use, one of another environment, a production Core API token and a registered face.
 */
export function sandboxCredentials(state: CafState): Record<string, string> {
  const keys = allKeys(state).filter((k) => !k.revoked)
  const key = keys.find((k) => k.environment === 'prod')
  const other = keys.find((k) => k.environment !== 'prod')
  const coreToken = state.store.in('prod').apiToken.filter((t) => !t.revoked)[0]?.token
  const face = state.store.in('prod').face.all()[0]?.peopleId
  return {
    ...(key ? { 'client-id': key.clientId, 'client-secret': key.clientSecret } : {}),
    ...(other ? { 'other-client-id': other.clientId, 'other-client-secret': other.clientSecret } : {}),
    ...(coreToken ? { 'core-token': coreToken } : {}),
    ...(face ? { 'people-id': face } : {}),
  }
}

export const adminRoutes: Route<CafState>[] = [
  { method: 'GET', path: '/credentials', handler: (ctx) => json(200, { credentials: sandboxCredentials(ctx.state) } satisfies AdminBody['SandboxCredentials']) },
  {
    method: 'GET',
    path: '/keys',
    handler(ctx) {
      const environment = environmentQuery(ctx)
      if (environment === null) return badRequest(ENV_MESSAGE)
      return json(200, { keys: listKeys(ctx.state, environment) } satisfies AdminBody['CafKeyList'])
    },
  },
  {
    method: 'POST',
    path: '/keys',
    handler(ctx) {
      const input = parseNewKey(ctx.body)
      if (typeof input === 'string') return badRequest(input)
      return json(201, createKey(ctx.state, input) satisfies AdminBody['CafCreatedKey'])
    },
  },
  {
    method: 'POST',
    path: '/keys/:clientId/revoke',
    body: 'none',
    handler(ctx) {
      const key = revokeKey(ctx.state, ctx.params.clientId!)
      return key ? json(200, key satisfies AdminBody['CafKey']) : adminError(404, 'not_found', 'No Mobile Key has this clientId')
    },
  },
  {
    method: 'POST',
    path: '/tokens/mint',
    async handler(ctx) {
      const input = parseMint(ctx.body)
      if (typeof input === 'string') return badRequest(input)
      try {
        return json(200, { token: await mintWithStoredKey(ctx.state, input) } satisfies AdminBody['CafMintedToken'])
      } catch (err) {
        if (err instanceof RangeError && /no Mobile Key/.test(err.message)) return adminError(404, 'not_found', err.message)
        if (err instanceof RangeError || err instanceof TypeError) return badRequest(err.message)
        throw err
      }
    },
  },
  {
    method: 'POST',
    path: '/tokens/verify',
    async handler(ctx) {
      const input = parseVerify(ctx.body)
      if (typeof input === 'string') return badRequest(input)
      return json(200, (await verdict(ctx.state, input)) satisfies AdminBody['CafTokenVerdict'])
    },
  },
  { method: 'GET', path: '/settings', handler: (ctx) => json(200, { ...ctx.state.settings } satisfies AdminBody['CafSettings']) },
  {
    method: 'POST',
    path: '/settings',
    handler(ctx) {
      const patch = parseSettings(ctx.body ?? {})
      if (typeof patch === 'string') return badRequest(patch)
      Object.assign(ctx.state.settings, patch)
      return json(200, { ...ctx.state.settings } satisfies AdminBody['CafSettings'])
    },
  },
  {
    method: 'GET',
    path: '/faces',
    handler(ctx) {
      const environment = environmentQuery(ctx)
      if (environment === null) return badRequest(ENV_MESSAGE)
      return json(200, { faces: createApi(ctx.state).listFaces(environment) } satisfies AdminBody['CafFaceList'])
    },
  },
  {
    method: 'POST',
    path: '/faces',
    handler(ctx) {
      const b = ctx.body
      if (!isRecord(b)) return badRequest('The body must be a JSON object')
      const { environment, peopleId, imageUrl } = b
      if (!isEnvironment(environment)) return badRequest(ENV_MESSAGE)
      if (typeof peopleId !== 'string' || !isCpfShaped(peopleId)) return badRequest("'peopleId' must be a CPF: 11 digits")
      if (typeof imageUrl !== 'string' || imageUrl === '') return badRequest("'imageUrl' is required")
      if (imageUrl.length > MAX_IMAGE_URL_CHARS) return badRequest(`'imageUrl' must be at most ${MAX_IMAGE_URL_CHARS} characters long`)
      registerFace(ctx.state, environment, peopleId, imageUrl)
      return json(201, { environment, peopleId: peopleId.replace(/[./-]/g, ''), imageUrl } satisfies AdminBody['CafRegisteredFace'])
    },
  },
]
