// Where CAF lives. The environment is the host: a key of one environment is unknown on the
// other's hosts. Two APIs accept the mobile token: the (legacy) Mobile API, and the BFF that
// exchanges it for a session token. On the standalone server each gets `/caf/<env>/<api>`.
import type { MountSpec } from '../../core/vendor.ts'
import { ENVIRONMENTS, type Environment } from './state.ts'
import { trimTrailingSlashes } from '../../core/paths.ts'

export type Api = 'mobile' | 'bff'

export const HOSTS: Record<Environment, Record<Api, string>> = {
  prod: { mobile: 'https://api.mobile.combateafraude.com', bff: 'https://web.us.prd.caf.io/bff' },
  beta: { mobile: 'https://api.beta.mobile.combateafraude.com', bff: 'https://web.us.stg.caf.io/bff' },
  dev: { mobile: 'https://api.dev.mobile.combateafraude.com', bff: 'https://web.us.dev.caf.io/bff' },
}

export const prefixFor = (environment: Environment, api: Api) => `/caf/${environment}/${api}`

interface OwnMount {
  environment: Environment
  api: Api
  origin: string | null
  prefix: string
}

const OWN: OwnMount[] = ENVIRONMENTS.flatMap((environment) =>
  (['mobile', 'bff'] as const).flatMap((api): OwnMount[] => {
    const u = new URL(HOSTS[environment][api])
    return [
      { environment, api, origin: u.origin, prefix: trimTrailingSlashes(u.pathname) },
      { environment, api, origin: null, prefix: prefixFor(environment, api) },
    ]
  }),
).sort((a, b) => b.prefix.length - a.prefix.length) // longest first, as the dispatcher does

export function realMounts(): MountSpec[] {
  return ENVIRONMENTS.flatMap((environment) => [
    { base: HOSTS[environment].mobile, environment },
    { base: HOSTS[environment].bff, environment },
  ])
}

export function prefixMounts(): MountSpec[] {
  return ENVIRONMENTS.flatMap((environment) => [
    { base: prefixFor(environment, 'mobile'), environment },
    // The web SDK calls the BFF from the integrator's page: see docs/vendors/caf.md (CORS).
    { base: prefixFor(environment, 'bff'), environment, browserFacing: true },
  ])
}

/** Which of CAF's own mounts a URL falls under (null for extra base URLs given to the sandbox). */
export function locate(url: URL): { environment: Environment; api: Api; subpath: string } | null {
  const path = url.pathname
  for (const m of OWN) {
    if (m.origin !== null && m.origin !== url.origin) continue
    if (m.prefix === '' || path === m.prefix || path.startsWith(m.prefix + '/')) {
      return { environment: m.environment, api: m.api, subpath: path.slice(m.prefix.length) || '/' }
    }
  }
  return null
}
