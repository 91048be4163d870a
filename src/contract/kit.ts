// What contract suites repeat, written once: a suite's options from its credentials (seeded or
// from the environment), and what every token-issuing API's tokens must look like.
import { expect } from 'vitest'
import type { ContractSuite, CredentialSpec, SuiteTarget } from './suite.ts'

/** A credential that is also a suite option (`apiKey` ← `--api-key` ← `COMPLYCUBE_API_KEY`). */
export interface OptionCredential extends CredentialSpec {
  option: string
}

type SuiteParts<O extends SuiteTarget> = Omit<ContractSuite<O>, 'credentials' | 'seeded' | 'fromEnv'> & {
  credentials: OptionCredential[]
  /** The credentials of a token-sandbox with its default seed. */
  seeded: Partial<Omit<O, keyof SuiteTarget>>
}

/** A ContractSuite whose `seeded` and `fromEnv` come from its credentials: each read from its variable. */
export function defineSuite<O extends SuiteTarget>(parts: SuiteParts<O>): ContractSuite<O> {
  return {
    ...parts,
    seeded: (target) => ({ ...target, ...parts.seeded }) as O,
    fromEnv(target, env) {
      const options: Record<string, unknown> = { ...target }
      for (const c of parts.credentials) {
        const value = env[c.env]
        if (value) options[c.option] = value
        else if (c.required) throw new Error(`${c.env} is required`)
      }
      return options as O
    },
  }
}

/**
 * A JWT: three base64url parts, the first a JSON header naming its algorithm; with
 * `lifetimeSeconds`, its `exp` is that long after its `iat`. Returns the claims.
 */
export function expectJwt(token: unknown, lifetimeSeconds?: number): Record<string, unknown> {
  expect(token, 'token').toEqual(expect.any(String))
  const parts = (token as string).split('.')
  expect(parts, 'a JWT has three dot-separated parts').toHaveLength(3)
  for (const p of parts) expect(p).toMatch(/^[A-Za-z0-9_-]+$/)
  const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>
  expect(decode(parts[0]!).alg, 'JWT header alg').toEqual(expect.any(String))
  const claims = decode(parts[1]!)
  if (lifetimeSeconds !== undefined) {
    expect(claims.iat, 'iat').toEqual(expect.any(Number))
    expect((claims.exp as number) - (claims.iat as number), 'exp − iat').toBe(lifetimeSeconds)
  }
  return claims
}
