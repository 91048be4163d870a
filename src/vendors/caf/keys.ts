// Mobile Keys: CAF's "New key" (a name and the products the key may run; the clientSecret is
// shown once), revocation, and the listing the sandbox surface shows (never the secrets).
import { allKeys, findKeyAnywhere, type CafState, type Environment, type MobileKey } from './state.ts'
import type { Product } from './products.ts'

export interface NewKey {
  environment: Environment
  name: string
  products: Product[]
}

/** What "New key" shows, once. */
export interface CreatedKey {
  clientId: string
  clientSecret: string
  environment: Environment
  name: string
  products: Product[]
  createdAt: string
}

/** A key as listings show it: no secret. */
export interface KeySummary {
  clientId: string
  environment: Environment
  name: string
  products: Product[]
  revoked: boolean
  createdAt: string
}

export function createKey(state: CafState, input: NewKey): CreatedKey {
  const { core, store } = state
  const clientId = core.ids.hex(24)
  const clientSecret = core.ids.secret(48)
  const createdAt = new Date(core.clock.now()).toISOString()
  const products = [...new Set(input.products)]
  store.in(input.environment).mobileKey.insert({
    clientId,
    clientSecret,
    name: input.name,
    products: JSON.stringify(products),
    revoked: false,
    createdAt,
    originId: core.ids.hex(24),
  })
  return { clientId, clientSecret, environment: input.environment, name: input.name, products, createdAt }
}

export function revokeKey(state: CafState, clientId: string): KeySummary | null {
  const key = findKeyAnywhere(state, clientId)
  if (!key) return null
  state.store.in(key.environment).mobileKey.update(clientId, { revoked: true })
  return summary(findKeyAnywhere(state, clientId)!)
}

export function listKeys(state: CafState, environment?: Environment): KeySummary[] {
  return allKeys(state)
    .filter((k) => environment === undefined || k.environment === environment)
    .map(summary)
}

export function summary(k: MobileKey): KeySummary {
  return { clientId: k.clientId, environment: k.environment, name: k.name, products: k.products, revoked: k.revoked, createdAt: k.createdAt }
}
