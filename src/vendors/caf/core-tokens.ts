// Core API tokens: CAF's server-to-server credential, a static token created in Trust (scheme C
// in the fact sheet), not the self-signed mobile token. CAF's own are JWTs it issues; the
// sandbox's are opaque strings from the seed (`fixtures.apiTokens`), one store per environment.
import { findAnywhere, isEnvironment, type ApiTokenFixture, type CafState, type Environment } from './state.ts'

export interface ApiToken {
  token: string
  environment: Environment
  name: string
  revoked: boolean
}

export function seedApiTokens(state: CafState, tokens: readonly ApiTokenFixture[], now: string): void {
  for (const t of tokens) {
    const where = `CAF fixture Core API token ${typeof t.name === 'string' ? t.name : ''}`.trim()
    if (!isEnvironment(t.environment)) throw new Error(`${where}: environment must be prod, beta or dev`)
    if (typeof t.token !== 'string' || t.token.length < 16) throw new Error(`${where}: token must be a string of at least 16 characters`)
    if (findApiToken(state, t.token)) throw new Error(`${where}: the token is seeded twice`)
    state.store.in(t.environment).apiToken.insert({ token: t.token, name: t.name ?? '', revoked: t.revoked === true, createdAt: now })
  }
}

/** The token, in whichever environment holds it. */
export function findApiToken(state: CafState, token: string): ApiToken | null {
  const found = findAnywhere(state, 'apiToken', token)
  return found ? { token: found.row.token, environment: found.environment, name: found.row.name, revoked: found.row.revoked } : null
}

/** `serve`'s banner lines for the Core API tokens that are not revoked. */
export function describeApiTokens(state: CafState, environment: Environment): string[] {
  return state.store
    .in(environment)
    .apiToken.filter((t) => !t.revoked)
    .map((t) => `${environment.padEnd(8)} Core API token  ${t.token}`)
}
