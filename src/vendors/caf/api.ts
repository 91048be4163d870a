// The sandbox-side CAF API (`sandbox.caf`, and under /__sandbox/caf): Mobile Keys, minting with
// a stored key, a verdict on any token, settings, registered faces. The parse* functions check
// untrusted input for both callers; in-process calls throw on what HTTP would answer 400.
import { quote } from '../../core/clip.ts'
import { MAX_TOKEN_LIFETIME_MS } from '../../core/clock.ts'
import { isRecord, own } from '../../core/http.ts'
import { createKey, listKeys, revokeKey, type CreatedKey, type KeySummary, type NewKey } from './keys.ts'
import { mobileTokenClaims, signMobileToken } from './mint.ts'
import { isProduct, PRODUCTS, type Product } from './products.ts'
import {
  ENVIRONMENTS,
  findKeyAnywhere,
  isEnvironment,
  registerFace,
  type CafSettings,
  type CafState,
  type Environment,
} from './state.ts'
import { describeRefusal, refused, verifyMobileToken, type Refusal } from './verify.ts'
import { isCpfShaped } from './cpf.ts'
import { MESSAGES } from './errors.ts'
import type { JWTPayload } from '../../core/jwt.ts'

export interface NewKeyInput {
  environment: Environment
  name?: string
  products: Product[]
}

export interface MintInput {
  clientId: string
  peopleId?: string
  expiresIn?: number | string
}

export interface VerifyInput {
  token: string
  environment: Environment
  /** The product the token would be used for (any linked product when omitted). */
  product?: Product
  /** The CPF the request would be about. */
  peopleId?: string
}

export interface TokenVerdict {
  accepted: boolean
  /** Why it was refused (absent when accepted). */
  refusal?: Refusal
  /** The journal's wording: `expired: exp … is past (…)`. */
  reason?: string
  /** What CAF's Mobile API would answer. */
  message: string
  clientId?: string
  environment?: Environment
  products?: Product[]
  claims?: JWTPayload
}

export interface FaceSummary {
  environment: Environment
  peopleId: string
  imageUrl: string
  createdAt: string
}

export interface CafApi {
  listKeys(environment?: Environment): KeySummary[]
  /** CAF's "New key": the clientSecret is in this answer only. */
  createKey(input: NewKeyInput): CreatedKey
  revokeKey(clientId: string): KeySummary | null
  /** Signs a mobile token for a stored key, `exp` by the sandbox clock. */
  mintToken(input: MintInput): Promise<string>
  verifyToken(input: VerifyInput): Promise<TokenVerdict>
  settings(): CafSettings
  configure(patch: Partial<CafSettings>): CafSettings
  registerFace(environment: Environment, peopleId: string, imageUrl: string): void
  listFaces(environment?: Environment): FaceSummary[]
}

const ENV_MESSAGE = `'environment' must be one of ${ENVIRONMENTS.join(', ')}`

export function parseNewKey(body: unknown): NewKey | string {
  if (!isRecord(body)) return 'The body must be a JSON object'
  for (const k of Object.keys(body)) if (!['environment', 'name', 'products'].includes(k)) return `'${quote(k)}' is not an allowed field`
  const environment = own(body, 'environment')
  const name = own(body, 'name') ?? ''
  const products = own(body, 'products')
  if (!isEnvironment(environment)) return ENV_MESSAGE
  if (typeof name !== 'string' || name.length > 200) return "'name' must be a string of at most 200 characters"
  if (!Array.isArray(products) || products.length === 0) return `'products' must be a non-empty array of: ${PRODUCTS.join(', ')}`
  const unknown = products.find((p) => !isProduct(p))
  if (unknown !== undefined) return `'products' has an unknown product ${JSON.stringify(unknown)}; products are ${PRODUCTS.join(', ')}`
  return { environment, name, products: products as Product[] }
}

export function parseMint(body: unknown): MintInput | string {
  if (!isRecord(body)) return 'The body must be a JSON object'
  for (const k of Object.keys(body)) if (!['clientId', 'peopleId', 'expiresIn'].includes(k)) return `'${quote(k)}' is not an allowed field`
  const { clientId, peopleId, expiresIn } = body
  if (typeof clientId !== 'string' || clientId === '') return "'clientId' is required"
  if (peopleId !== undefined && (typeof peopleId !== 'string' || peopleId === '')) return "'peopleId' must be a non-empty string"
  if (expiresIn !== undefined && typeof expiresIn !== 'string' && typeof expiresIn !== 'number') {
    return "'expiresIn' must be seconds or a duration such as \"5m\""
  }
  return {
    clientId,
    ...(peopleId !== undefined ? { peopleId: peopleId as string } : {}),
    ...(expiresIn !== undefined ? { expiresIn: expiresIn as string | number } : {}),
  }
}

export function parseVerify(body: unknown): VerifyInput | string {
  if (!isRecord(body)) return 'The body must be a JSON object'
  for (const k of Object.keys(body)) if (!['token', 'environment', 'product', 'peopleId'].includes(k)) return `'${quote(k)}' is not an allowed field`
  const { token, environment, product, peopleId } = body
  if (typeof token !== 'string') return "'token' is required"
  if (!isEnvironment(environment)) return ENV_MESSAGE
  if (product !== undefined && !isProduct(product)) return `'product' must be one of ${PRODUCTS.join(', ')}`
  if (peopleId !== undefined && typeof peopleId !== 'string') return "'peopleId' must be a string"
  return { token, environment, ...(product !== undefined ? { product } : {}), ...(peopleId !== undefined ? { peopleId } : {}) }
}

export function parseSettings(body: unknown): Partial<CafSettings> | string {
  if (!isRecord(body)) return 'The body must be a JSON object'
  const out: Partial<CafSettings> = {}
  for (const k of Object.keys(body)) {
    const v = body[k]
    if (k === 'strictCpf') {
      if (typeof v !== 'boolean') return "'strictCpf' must be a boolean"
      out.strictCpf = v
    } else if (k === 'clockSkewSeconds' || k === 'sessionTokenLifetimeSeconds') {
      const min = k === 'clockSkewSeconds' ? 0 : 1
      // A week at most: the clock keeps that much room inside a Date's range (MAX_TOKEN_LIFETIME_MS).
      const max = MAX_TOKEN_LIFETIME_MS / 1000
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) return `'${k}' must be an integer from ${min} to ${max}`
      out[k] = v
    } else return `'${quote(k)}' is not a setting (strictCpf, clockSkewSeconds, sessionTokenLifetimeSeconds)`
  }
  return out
}

const orThrow = <T>(value: T | string): T => {
  if (typeof value === 'string') throw new TypeError(value)
  return value
}

export function createApi(state: CafState): CafApi {
  return {
    listKeys: (environment) => listKeys(state, environment),
    createKey: (input) => createKey(state, orThrow(parseNewKey(input))),
    revokeKey: (clientId) => revokeKey(state, clientId),
    mintToken: (input) => mintWithStoredKey(state, orThrow(parseMint(input))),
    verifyToken: (input) => verdict(state, orThrow(parseVerify(input))),
    settings: () => ({ ...state.settings }),
    configure(patch) {
      Object.assign(state.settings, orThrow(parseSettings(patch)))
      return { ...state.settings }
    },
    registerFace(environment, peopleId, imageUrl) {
      if (!isEnvironment(environment)) throw new TypeError(ENV_MESSAGE)
      if (!isCpfShaped(peopleId)) throw new TypeError('peopleId must be a CPF: 11 digits')
      registerFace(state, environment, peopleId, imageUrl)
    },
    listFaces: (environment) =>
      ENVIRONMENTS.filter((e) => environment === undefined || e === environment).flatMap((e) =>
        state.store.in(e).face.all().map((f) => ({ environment: e, peopleId: f.peopleId, imageUrl: f.imageUrl, createdAt: f.createdAt })),
      ),
  }
}

/** Signs with the stored secret of `clientId`; a RangeError when there is no such key. */
export async function mintWithStoredKey(state: CafState, input: MintInput): Promise<string> {
  const key = findKeyAnywhere(state, input.clientId)
  if (!key) throw new RangeError(`no Mobile Key has clientId ${input.clientId}`)
  return signMobileToken(state.core.jwt, mobileTokenClaims(input, state.core.clock.now()), key.clientSecret)
}

export async function verdict(state: CafState, input: VerifyInput): Promise<TokenVerdict> {
  const check = input.token.trim() === ''
    ? refused('missing', 'no token given')
    : await verifyMobileToken(state, input.token, {
        environment: input.environment,
        ...(input.product ? { products: [input.product] } : {}),
        ...(input.peopleId !== undefined ? { peopleId: input.peopleId } : {}),
      })
  if (check.ok) {
    const { key, claims } = check.token
    return { accepted: true, message: 'The token would be accepted', clientId: key.clientId, environment: key.environment, products: key.products, claims }
  }
  const decoded = state.core.jwt.decode(input.token.trim())
  const iss = typeof decoded?.payload.iss === 'string' ? decoded.payload.iss : undefined
  return {
    accepted: false,
    refusal: check.refusal,
    reason: describeRefusal(check),
    message: check.refusal === 'missing' ? MESSAGES.missingToken : MESSAGES.invalidToken,
    ...(iss !== undefined ? { clientId: iss } : {}),
    ...(decoded ? { claims: decoded.payload } : {}),
  }
}

