// What every contract suite shares: how it is described to the CLI and the test harness, how it
// reports the cases it cannot run, and how it tells a vendor's refusal from a validation
// proxy's (when the request is one the contract itself refuses, `prism proxy --errors` answers
// it without asking the vendor).
import { expect, it } from 'vitest'
import type { AdminTarget } from './admin.ts'
import { show, type Answer, type Caller, type FetchLike } from './http.ts'

/** Where a suite runs, whatever the vendor. */
export interface SuiteTarget {
  /** The vendor's base URL: the real one, a sandbox's, or a validation proxy in front of either. */
  baseUrl: string
  /**
   * The base URLs of the vendor's other APIs, by name (see `ContractSuite.otherApis`): CAF's
   * BFF lives on other hosts than its Mobile API, so `{ bff: '…' }` beside the Mobile API's
   * `baseUrl`. Through Prism, one Prism per API (a proxy has one upstream).
   */
  baseUrls?: Record<string, string>
  /** The sandbox surface, for the cases that need the sandbox clock or its verify endpoint. */
  admin?: AdminTarget
  /** The admin token `admin` requires when it is a URL of a guarded server (env `TOKEN_SANDBOX_ADMIN_TOKEN`). */
  adminToken?: string
  /** Cases that create data run only with this (never on by default against a real account). */
  allowWrites?: boolean
  /** Use this instead of the global fetch (e.g. a validation proxy's checking fetch). */
  fetch?: FetchLike
  /**
   * `baseUrl` is `prism proxy <contract> <upstream> --errors`: requests the contract refuses are
   * answered by Prism (401/422, or 400 for a body that is not JSON) instead of the vendor, and
   * the cases that send them check exactly that.
   */
  throughPrism?: boolean
}

/** An API the vendor serves from base URLs of its own, beside the suite's main one. */
export interface OtherApi {
  /** Its key in `SuiteTarget.baseUrls`; the CLI flag is `--<name>-url`. */
  name: string
  title: string
  /** Where it lives on a standalone token-sandbox, e.g. `/caf/prod/bff`. */
  sandboxPath: string
  /** Its real base URL, which msw intercepts in-process. */
  realBaseUrl?: string
  /** Its base URL when the main one tells it (the same sandbox, or the vendor's own host); else undefined. */
  besideMain?(mainBaseUrl: string): string | undefined
  /** Without a URL for it (given or beside the main one), its cases are skipped instead of the run refused. */
  optional?: boolean
}

/** A credential a suite reads from a flag or an environment variable. */
export interface CredentialSpec {
  /** CLI flag without dashes, e.g. `api-key`. */
  flag: string
  /** Environment variable, e.g. `COMPLYCUBE_API_KEY`. */
  env: string
  description: string
  required: boolean
}

export interface ContractSuite<O = any> {
  /** The CLI's `<vendor>` argument, e.g. `complycube`. */
  name: string
  title: string
  /** Its contract, a file in contracts/. */
  contract: string
  /** Where the vendor lives on a standalone token-sandbox, e.g. `/complycube/v1` (or `/__sandbox`). */
  sandboxPath: string
  /** The vendor's real base URL, which msw intercepts in-process (none for the sandbox's own API). */
  realBaseUrl?: string
  /** The vendor's other APIs, each with base URLs of its own (`SuiteTarget.baseUrls`). */
  otherApis?: OtherApi[]
  credentials: CredentialSpec[]
  /** Options for a token-sandbox with its default seed (`fixtures/<vendor>.json`). */
  seeded(target: SuiteTarget): O
  /** Options from a target and the credentials in `env` (the CLI puts flags there too). */
  fromEnv(target: SuiteTarget, env: Record<string, string | undefined>): O
  /**
   * `--sandbox URL`: the seeded credentials (by flag) fitted to the ones given (`given(flag)`), e.g.
   * ComplyCube's client and other key for a live_ key; without it the seeded ones are used as read.
   */
  fitSeeded?(seeded: Record<string, string>, given: (flag: string) => string | undefined): Record<string, string>
  /** A problem with the options `define` would throw on, as one line (the CLI's usage error before vitest starts); undefined when none. */
  check?(options: O): string | undefined
  /** Registers the suite's describe/it blocks; call it in a vitest file. */
  define(options: O): void
  /** Its cases in the sandbox contract (`sandboxContract`): its sandbox-only routes under `/__sandbox/<name>`. */
  admin?: (cases: AdminCases) => void
}

/** What a vendor's cases in the sandbox contract are given (src/contract/sandbox.ts). */
export interface AdminCases {
  /** Calls the admin API (`…/__sandbox` + path), with the admin token when there is one. */
  api: Caller
  /** The body of an answer of `status` (200 by default); fails the case otherwise. */
  ok(res: Answer, status?: number): any
  /** A documented admin error `{ error: { code, message } }`, or (through Prism) the proxy's refusal. */
  expectError(res: Answer, expected: { status: number; code: string }, refusal?: ContractRefusal): void
  /** Whether cases that change the sandbox's data may run. */
  allowWrites: boolean
}

/** `SuiteTarget.baseUrls` for a suite's other APIs, each at `url(api)` (those without one are left out). */
export function otherBaseUrls(suite: ContractSuite, url: (api: OtherApi) => string | undefined): Record<string, string> {
  const entries = (suite.otherApis ?? []).map((api) => [api.name, url(api)] as const)
  return Object.fromEntries(entries.filter((e): e is readonly [string, string] => e[1] !== undefined))
}

/**
 * The CLI's name for a suite option a skip reason asks for, by one rule for every suite:
 * `accountId` → `--account-id`, `baseUrls.bff` → `--bff-url`, `admin` → `--admin-url`; the admin
 * token is an environment variable. A vendor option the rule does not fit is passed as
 * `{ option, cli }` by its suite.
 */
export function flagOf(option: string): string {
  if (option === 'adminToken') return 'TOKEN_SANDBOX_ADMIN_TOKEN'
  if (option === 'admin') return '--admin-url'
  if (option.startsWith('baseUrls.')) return `--${option.slice('baseUrls.'.length)}-url`
  return `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
}

/** A suite option, or one whose CLI flags the rule (flagOf) cannot tell. */
export type OptionName = string | { option: string; cli: string }

/**
 * "pass allowWrites" in code, "pass --allow-writes" under `token-sandbox contract` (which sets
 * TOKEN_SANDBOX_CONTRACT_SUITE for the run): a skip reason names what the reader can give.
 */
export function pass(options: OptionName | OptionName[], joiner: 'and' | 'or' = 'and'): string {
  const cli = globalThis.process?.env?.TOKEN_SANDBOX_CONTRACT_SUITE !== undefined
  const names = (Array.isArray(options) ? options : [options]).map((o) =>
    typeof o === 'string' ? (cli ? flagOf(o) : o) : cli ? o.cli : o.option,
  )
  return `pass ${names.join(` ${joiner} `)}`
}

/**
 * A case that cannot run, with the reason in its name, which every reporter shows. In a project's
 * own vitest the reason is printed too (a reporter may list only failures); under
 * `token-sandbox contract` (which sets TOKEN_SANDBOX_CONTRACT_SUITE), whose reporters list every
 * case, that would print it twice.
 */
export function skipped(title: string, reason: string): void {
  it.skip(`${title} — skipped: ${reason}`, () => {})
  if (globalThis.process?.env?.TOKEN_SANDBOX_CONTRACT_SUITE === undefined) console.info(`[contract] skipped "${title}": ${reason}`)
}

/** How the contract itself refuses a request (so a validation proxy answers before the vendor). */
export type ContractRefusal =
  /** No credentials where the contract requires them. */
  | { kind: 'security' }
  /** A request field fails the contract's schema: `location` as Prism reports it, e.g. `['body', 'clientId']`. */
  | { kind: 'schema'; location: string[] }
  /** A body that is not JSON at all. */
  | { kind: 'unparseable' }

const PRISM_ERRORS = 'https://stoplight.io/prism/errors#'

/** Checks that Prism, not the vendor, refused the request, for the contract's reason. */
export function expectProxyRefusal(res: Answer, refusal: ContractRefusal): void {
  const why = show(res)
  if (refusal.kind === 'security') {
    expect(res.status, why).toBe(401)
    expect(res.body?.type, why).toBe(`${PRISM_ERRORS}UNAUTHORIZED`)
  } else if (refusal.kind === 'unparseable') {
    // Prism parses JSON bodies before anything else and answers a parse failure itself.
    expect(res.status, why).toBe(400)
    expect(res.body?.error?.code, why).toBe('invalid_json')
  } else {
    expect(res.status, why).toBe(422)
    expect(res.body?.type, why).toBe(`${PRISM_ERRORS}UNPROCESSABLE_ENTITY`)
    const field = refusal.location.at(-1)!
    const parent = refusal.location.slice(0, -1).join('.')
    const hits = (res.body?.validation ?? []).filter(
      (v: { location?: string[]; code?: string; message?: string }) =>
        v.location?.join('.') === refusal.location.join('.') ||
        // A missing required field is reported on its parent, naming the field.
        (v.code === 'required' && v.location?.join('.') === parent && v.message?.includes(`'${field}'`)),
    )
    expect(hits.length, `expected a violation at ${refusal.location.join('.')}: ${why}`).toBeGreaterThan(0)
  }
}

const HTTP_URL = /^https?:\/\/[^/\s]/

/** What `checkSuiteOptions` accepts beside `SuiteTarget`'s own options. */
export interface OptionRules {
  /** String options the suite cannot run without, e.g. `apiKey`. */
  required?: readonly string[]
  /** The keys `baseUrls` may have (none: the suite takes no `baseUrls`). */
  baseUrls?: readonly string[]
  /** `baseUrl` may be left out when `baseUrls.<this>` gives it (CAF's older `baseUrls: { mobile, bff }`). */
  baseUrlAlias?: string
}

/**
 * A suite's options checked before any case is registered: one line naming the option
 * ("CAF contract: option 'baseUrls.bff' must be an http(s) URL, got 42"), not a TypeError
 * thrown from inside the suite while vitest collects its cases.
 */
export function checkSuiteOptions(title: string, options: unknown, rules: OptionRules = {}): void {
  const fail = (option: string, what: string): never => {
    throw new TypeError(`${title} contract: option '${option}' ${what}`)
  }
  const shown = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.slice(0, 80)) : String(v))
  if (typeof options !== 'object' || options === null) throw new TypeError(`${title} contract: the options must be an object, got ${shown(options)}`)
  const o = options as Record<string, unknown>
  const baseUrls = o.baseUrls
  if (baseUrls !== undefined) {
    if (typeof baseUrls !== 'object' || baseUrls === null || Array.isArray(baseUrls)) fail('baseUrls', `must be an object of base URLs, got ${shown(baseUrls)}`)
    for (const [key, url] of Object.entries(baseUrls as Record<string, unknown>)) {
      if (!(rules.baseUrls ?? []).includes(key)) {
        fail(`baseUrls.${key}`, rules.baseUrls?.length ? `is not one of ${rules.baseUrls.map((k) => `baseUrls.${k}`).join(', ')}` : 'is not an option of this suite')
      }
      if (url !== undefined && (typeof url !== 'string' || !HTTP_URL.test(url))) fail(`baseUrls.${key}`, `must be an http(s) URL, got ${shown(url)}`)
    }
  }
  const aliased = rules.baseUrlAlias !== undefined && (baseUrls as Record<string, unknown> | undefined)?.[rules.baseUrlAlias] !== undefined
  if (o.baseUrl === undefined && !aliased) fail('baseUrl', 'is required (the base URL of the API under test)')
  if (o.baseUrl !== undefined && (typeof o.baseUrl !== 'string' || !HTTP_URL.test(o.baseUrl))) fail('baseUrl', `must be an http(s) URL, got ${shown(o.baseUrl)}`)
  for (const name of rules.required ?? []) {
    if (typeof o[name] !== 'string' || o[name] === '') fail(name, `is required (a non-empty string), got ${shown(o[name])}`)
  }
}
