// The parameters `token-sandbox contract` hands to the vitest entry file, as environment
// variables (credentials travel in the suite's own variables, e.g. COMPLYCUBE_API_KEY).
import { checkingFetch } from '../prism.ts'
import type { SuiteTarget } from '../suite.ts'

export const ENV = {
  suite: 'TOKEN_SANDBOX_CONTRACT_SUITE',
  baseUrl: 'TOKEN_SANDBOX_CONTRACT_BASE_URL',
  adminUrl: 'TOKEN_SANDBOX_CONTRACT_ADMIN_URL',
  allowWrites: 'TOKEN_SANDBOX_CONTRACT_ALLOW_WRITES',
  throughPrism: 'TOKEN_SANDBOX_CONTRACT_THROUGH_PRISM',
} as const

const truthy = (v: string | undefined) => v !== undefined && /^(1|true|yes)$/i.test(v)

export function targetFromEnv(env: Record<string, string | undefined>): { suite: string; target: SuiteTarget } {
  const suite = env[ENV.suite]
  const baseUrl = env[ENV.baseUrl]
  if (!suite || !baseUrl) throw new Error(`${ENV.suite} and ${ENV.baseUrl} must be set`)
  const adminUrl = env[ENV.adminUrl]
  return {
    suite,
    target: {
      baseUrl,
      ...(adminUrl ? { admin: adminUrl } : {}),
      ...(truthy(env[ENV.allowWrites]) ? { allowWrites: true } : {}),
      // Through Prism, every violation it reports fails the call that caused it.
      ...(truthy(env[ENV.throughPrism]) ? { throughPrism: true, fetch: checkingFetch() } : {}),
    },
  }
}
