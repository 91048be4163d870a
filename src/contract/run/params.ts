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
  /** --record/--compare: where the run writes its fidelity record, and what it says it ran against. */
  record: 'TOKEN_SANDBOX_CONTRACT_RECORD',
  recordEnvironment: 'TOKEN_SANDBOX_CONTRACT_RECORD_ENVIRONMENT',
  /** Followed by an other API's name in capitals: `TOKEN_SANDBOX_CONTRACT_BASE_URL_BFF`. */
  otherBaseUrlPrefix: 'TOKEN_SANDBOX_CONTRACT_BASE_URL_',
} as const

/** The base URL variable of one of a suite's other APIs (`bff` → `TOKEN_SANDBOX_CONTRACT_BASE_URL_BFF`). */
export const otherBaseUrlVariable = (api: string) => ENV.otherBaseUrlPrefix + api.toUpperCase().replace(/[^A-Z0-9]/g, '_')

const truthy = (v: string | undefined) => v !== undefined && /^(1|true|yes)$/i.test(v)

export function targetFromEnv(env: Record<string, string | undefined>): { suite: string; target: SuiteTarget } {
  const suite = env[ENV.suite]
  const baseUrl = env[ENV.baseUrl]
  if (!suite || !baseUrl) throw new Error(`${ENV.suite} and ${ENV.baseUrl} must be set`)
  const adminUrl = env[ENV.adminUrl]
  const baseUrls = Object.fromEntries(
    Object.entries(env)
      .filter(([name, value]) => name.startsWith(ENV.otherBaseUrlPrefix) && value)
      .map(([name, value]) => [name.slice(ENV.otherBaseUrlPrefix.length).toLowerCase(), value!]),
  )
  return {
    suite,
    target: {
      baseUrl,
      ...(Object.keys(baseUrls).length ? { baseUrls } : {}),
      ...(adminUrl ? { admin: adminUrl } : {}),
      // The same variable `serve` and the sandbox suite read.
      ...(adminUrl && env.TOKEN_SANDBOX_ADMIN_TOKEN ? { adminToken: env.TOKEN_SANDBOX_ADMIN_TOKEN } : {}),
      ...(truthy(env[ENV.allowWrites]) ? { allowWrites: true } : {}),
      // Through Prism, every violation it reports fails the call that caused it.
      ...(truthy(env[ENV.throughPrism]) ? { throughPrism: true, fetch: checkingFetch() } : {}),
    },
  }
}
