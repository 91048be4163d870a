// Where CAF lives. The environment is the host: a key of one environment is unknown on the
// other's hosts. Two APIs accept the mobile token: the (legacy) Mobile API, and the BFF that
// exchanges it for a session token. On the standalone server each gets `/caf/<env>/<api>`. Each
// mount names its API, so a Mobile API path is not found on the BFF host (the dispatcher routes
// a mount to its API's routes only).
import type { MountSpec } from '../../core/vendor.ts'
import { ENVIRONMENTS, type Environment } from './state.ts'

export type Api = 'mobile' | 'bff'

export const HOSTS: Record<Environment, Record<Api, string>> = {
  prod: { mobile: 'https://api.mobile.combateafraude.com', bff: 'https://web.us.prd.caf.io/bff' },
  beta: { mobile: 'https://api.beta.mobile.combateafraude.com', bff: 'https://web.us.stg.caf.io/bff' },
  dev: { mobile: 'https://api.dev.mobile.combateafraude.com', bff: 'https://web.us.dev.caf.io/bff' },
}

export const prefixFor = (environment: Environment, api: Api) => `/caf/${environment}/${api}`

export function realMounts(): MountSpec[] {
  return ENVIRONMENTS.flatMap((environment) => [
    { base: HOSTS[environment].mobile, environment, api: 'mobile' },
    { base: HOSTS[environment].bff, environment, api: 'bff' },
  ])
}

export function prefixMounts(): MountSpec[] {
  return ENVIRONMENTS.flatMap((environment) => [
    { base: prefixFor(environment, 'mobile'), environment, api: 'mobile' },
    // The web SDK calls the BFF from the integrator's page: see docs/vendors/caf.md (CORS).
    { base: prefixFor(environment, 'bff'), environment, api: 'bff', browserFacing: true },
  ])
}
