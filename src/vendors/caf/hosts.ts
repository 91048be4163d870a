// Where CAF lives. The environment is the host: a key of one environment is unknown on the
// other's hosts. Three APIs accept the mobile token: the (legacy) Mobile API, the BFF that
// exchanges it for a session token, and the SDK API the web DocumentDetector exchanges it at for
// an attestation. The Core API takes an API token instead. On the standalone server each gets
// `/caf/<env>/<api>`. Each mount names its API, so one API's path is not found on another's host
// (the dispatcher routes a mount to its API's routes only).
import type { VendorMount } from '../../core/vendor.ts'
import { ENVIRONMENTS, type Environment } from './state.ts'

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

/**
 * Static files on an API's host, not API paths: the web liveness SDK loads its face-detector
 * model from `<Mobile API host>/tfmodel/face-detector/v2/model.json` (and its weight shards).
 * In-process they pass through to the network; `serve --assets DIR` serves them from a folder.
 */
const ASSETS: Partial<Record<Api, readonly string[]>> = { mobile: ['/tfmodel'] }

export const prefixFor = (environment: Environment, api: Api) => `/caf/${environment}/${api}`

const assetsOf = (api: Api) => (ASSETS[api] ? { assets: ASSETS[api] } : {})

export function realMounts(): Omit<VendorMount, 'vendor'>[] {
  return ENVIRONMENTS.flatMap((environment) => APIS.map((api) => ({ base: HOSTS[environment][api], environment, api, ...assetsOf(api) })))
}

export function prefixMounts(): Omit<VendorMount, 'vendor'>[] {
  // The web SDKs call the BFF and the SDK API from the integrator's page: see docs/vendors/caf.md (CORS).
  return ENVIRONMENTS.flatMap((environment) =>
    APIS.map((api) => ({
      base: prefixFor(environment, api),
      environment,
      api,
      ...assetsOf(api),
      ...(BROWSER_FACING.includes(api) ? { browserFacing: true } : {}),
    })),
  )
}
