// What the CAF contract suite needs to know about where it runs: which environment a base URL
// belongs to, where the BFF (and the SDK API, and the Core API) are when only the Mobile API's
// URL is given, and fresh CPFs (valid check digits) that no real person or earlier run is likely
// to have used.
import { APIS, HOSTS, type Api } from './hosts.ts'
import { trimTrailingSlashes } from '../../core/paths.ts'

export type CafEnvironment = 'prod' | 'beta' | 'dev'
export const CAF_ENVIRONMENTS: readonly CafEnvironment[] = ['prod', 'beta', 'dev']

const trim = trimTrailingSlashes
/** `…/caf/<env>/<api>` on a standalone token-sandbox. */
const SANDBOX_PATH = /\/caf\/(prod|beta|dev)\/(mobile|bff|sdk|core)$/

/** The environment a base URL of any CAF API belongs to: CAF's own host, or a sandbox prefix. */
export function cafEnvironmentOf(baseUrl: string): CafEnvironment | undefined {
  const url = trim(baseUrl)
  const sandbox = SANDBOX_PATH.exec(url)
  if (sandbox) return sandbox[1] as CafEnvironment
  return CAF_ENVIRONMENTS.find((env) => APIS.some((api) => url === HOSTS[env][api]))
}

/** Another CAF API's base URL beside a Mobile API base URL (same sandbox, or CAF's host of that environment). */
export function besideMobile(mobileBaseUrl: string, api: Api): string | undefined {
  const url = trim(mobileBaseUrl)
  if (/\/caf\/(prod|beta|dev)\/mobile$/.test(url)) return url.replace(/\/mobile$/, `/${api}`)
  const env = CAF_ENVIRONMENTS.find((e) => url === HOSTS[e].mobile)
  return env ? HOSTS[env][api] : undefined
}

export const bffBesideMobile = (mobileBaseUrl: string) => besideMobile(mobileBaseUrl, 'bff')

/** Mod-11 check digit over `digits` (weights length+1 … 2). */
function checkDigit(digits: number[]): number {
  let sum = 0
  for (let i = 0; i < digits.length; i++) sum += digits[i]! * (digits.length + 1 - i)
  const rest = sum % 11
  return rest < 2 ? 0 : 11 - rest
}

/** A random CPF with valid check digits, never all one digit. */
export function freshCpf(): string {
  for (;;) {
    const digits = [...globalThis.crypto.getRandomValues(new Uint8Array(9))].map((b) => b % 10)
    if (digits.every((d) => d === digits[0])) continue
    digits.push(checkDigit(digits))
    digits.push(checkDigit(digits))
    return digits.join('')
  }
}

/** `12345678909` → `123.456.789-09`. */
export const maskCpf = (cpf: string) => `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`
