// Where CAF lives. The environment is the host: a key of one environment is unknown on the
// other's hosts. Three APIs accept the mobile token: the (legacy) Mobile API, the BFF that
// exchanges it for a session token, and the SDK API the web DocumentDetector exchanges it at for
// an attestation. The Core API takes an API token instead. On the standalone server each gets
// `/caf/<env>/<api>`.
import type { MountSpec } from '../../core/vendor.ts'
import { ENVIRONMENTS, type Environment } from './state.ts'
import { trimTrailingSlashes } from '../../core/paths.ts'

export type Api = 'mobile' | 'bff' | 'sdk' | 'core'
export const APIS: readonly Api[] = ['mobile', 'bff', 'sdk', 'core']

// The SDK API's hosts are the web DocumentDetector's (it has no base-URL option); the Core API's
// dev host is ours: CAF documents production and beta only.
export const HOSTS: Record<Environment, Record<Api, string>> = {
  prod: {
    mobile: 'https://api.mobile.combateafraude.com',
    bff: 'https://web.us.prd.caf.io/bff',
    sdk: 'https://api.public.caf.io/v1/sdks',
    core: 'https://api.combateafraude.com',
  },
  beta: {
    mobile: 'https://api.beta.mobile.combateafraude.com',
    bff: 'https://web.us.stg.caf.io/bff',
    sdk: 'https://api.public.beta.caf.io/v1/sdks',
    core: 'https://api.beta.combateafraude.com',
  },
  dev: {
    mobile: 'https://api.dev.mobile.combateafraude.com',
    bff: 'https://web.us.dev.caf.io/bff',
    sdk: 'https://api.public.dev.caf.io/v1/sdks',
    core: 'https://api.dev.combateafraude.com',
  },
}

/** The APIs CAF's web SDKs call from the integrators' own pages: they answer CORS for any origin. */
const BROWSER_FACING: readonly Api[] = ['bff', 'sdk']

export const prefixFor = (environment: Environment, api: Api) => `/caf/${environment}/${api}`

interface OwnMount {
  environment: Environment
  api: Api
  origin: string | null
  prefix: string
}

const OWN: OwnMount[] = ENVIRONMENTS.flatMap((environment) =>
  APIS.flatMap((api): OwnMount[] => {
    const u = new URL(HOSTS[environment][api])
    return [
      { environment, api, origin: u.origin, prefix: trimTrailingSlashes(u.pathname) },
      { environment, api, origin: null, prefix: prefixFor(environment, api) },
    ]
  }),
).sort((a, b) => b.prefix.length - a.prefix.length) // longest first, as the dispatcher does

export function realMounts(): MountSpec[] {
  return ENVIRONMENTS.flatMap((environment) => APIS.map((api) => ({ base: HOSTS[environment][api], environment })))
}

export function prefixMounts(): MountSpec[] {
  // The web SDKs call the BFF and the SDK API from the integrator's page: see docs/vendors/caf.md (CORS).
  return ENVIRONMENTS.flatMap((environment) =>
    APIS.map((api) => ({ base: prefixFor(environment, api), environment, ...(BROWSER_FACING.includes(api) ? { browserFacing: true } : {}) })),
  )
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
