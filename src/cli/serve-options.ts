// `token-sandbox serve`'s options from four sources, in this order of precedence: flags, the
// environment (TOKEN_SANDBOX_*, and PORT as hosting platforms set it), the config file
// (--config or TOKEN_SANDBOX_CONFIG), defaults. Every bad value is a UsageError (exit 2) that
// names where it came from.
import { createSecureContext } from 'node:tls'
import { oneLine, readUserFile, readUserText, showPath, UserFileError } from '../node/user-file.ts'
import { assetRoot } from '../server/assets.ts'
import { checkOrigin } from '../server/cors.ts'
import type { ServeOptions } from '../server/server.ts'
import { fileError, UsageError } from './usage.ts'
import { checkFixtures, FixtureError, type StandardSchemaV1 } from '../core/fixtures.ts'
import { vendorDefinitions, type VendorName } from '../vendors/registry.ts'

export const DEFAULT_PORT = 4545
/** The most a JSON file `serve` reads (the config, a fixture file) may hold. */
export const MAX_JSON_FILE_BYTES = 16 * 1024 * 1024
/** The most a PEM file (--tls-cert, --tls-key) may hold: a certificate chain is a few KiB. */
export const MAX_PEM_FILE_BYTES = 1024 * 1024

/** The flags `serve` reads, as node:util parseArgs gives them. */
export interface ServeFlags {
  port?: string
  host?: string
  seed?: string
  config?: string
  'body-limit'?: string
  'journal-size'?: string
  state?: string
  'admin-token'?: string
  'admin-token-file'?: string
  'allowed-host'?: string[]
  cors?: string[]
  'rate-limits'?: boolean
  log?: string
  'tls-cert'?: string
  'tls-key'?: string
  assets?: string
}

/** Environment variables `serve` reads, by the flag they stand for. */
export const SERVE_ENV = {
  port: 'TOKEN_SANDBOX_PORT',
  host: 'TOKEN_SANDBOX_HOST',
  seed: 'TOKEN_SANDBOX_SEED',
  config: 'TOKEN_SANDBOX_CONFIG',
  'body-limit': 'TOKEN_SANDBOX_BODY_LIMIT',
  'journal-size': 'TOKEN_SANDBOX_JOURNAL_SIZE',
  state: 'TOKEN_SANDBOX_STATE',
  'admin-token': 'TOKEN_SANDBOX_ADMIN_TOKEN',
  'admin-token-file': 'TOKEN_SANDBOX_ADMIN_TOKEN_FILE',
  'allowed-host': 'TOKEN_SANDBOX_ALLOWED_HOSTS',
  cors: 'TOKEN_SANDBOX_CORS',
  'rate-limits': 'TOKEN_SANDBOX_RATE_LIMITS',
  log: 'TOKEN_SANDBOX_LOG',
  'tls-cert': 'TOKEN_SANDBOX_TLS_CERT',
  'tls-key': 'TOKEN_SANDBOX_TLS_KEY',
  assets: 'TOKEN_SANDBOX_ASSETS',
} as const

/** A TCP port, 0 to 65535 (0 picks a free one). */
export function portNumber(where: string, value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new UsageError(`${where} must be a port number from 0 to 65535 (0 picks a free one), got '${value.slice(0, 40)}'`)
  }
  return Number(value)
}

/** A folder of static files for the vendors' asset paths (`--assets`): it must exist. */
function assetsFolder(where: string, value: string): string {
  if (value === '') throw new UsageError(`${where} needs a folder`)
  try {
    assetRoot(value)
  } catch (err) {
    throw new UsageError(`${where}: ${(err as Error).message}`)
  }
  return value
}

function positiveInt(where: string, value: string): number {
  if (!/^\d{1,15}$/.test(value) || Number(value) === 0) throw new UsageError(`${where} must be a positive integer, got '${value.slice(0, 40)}'`)
  return Number(value)
}

/** A host name for --allowed-host: a name, `.domain`, or `*`; no port, path or spaces. */
export function allowedHost(value: string, where: string): string {
  const host = value.trim().toLowerCase()
  if (host === '*' || /^\.?[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/.test(host)) return host
  throw new UsageError(`${where}: '${value.slice(0, 100)}' is not a host name (like 'sandbox.local', or '.example.test' for a domain)`)
}

const allowedHosts = (list: string, where: string) =>
  list
    .split(',')
    .filter((v) => v.trim() !== '')
    .map((h) => allowedHost(h, where))

const corsOrigins = (list: string, where: string) =>
  list
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '')
    .map((o) => {
      try {
        return checkOrigin(o)
      } catch (err) {
        throw new UsageError(`${where}: ${(err as Error).message}`)
      }
    })

function adminToken(value: string, where: string): string {
  if (!/^[\x21-\x7e]{16,512}$/.test(value)) throw new UsageError(`${where}: the admin token must be 16 to 512 visible ASCII characters, without spaces`)
  return value
}

/**
 * The admin token from --admin-token or TOKEN_SANDBOX_ADMIN_TOKEN, else from the file
 * --admin-token-file or TOKEN_SANDBOX_ADMIN_TOKEN_FILE names (a Docker or Kubernetes secret;
 * one trailing newline dropped). Undefined when none is given.
 */
export function readAdminToken(
  flags: { 'admin-token'?: string; 'admin-token-file'?: string },
  env: Record<string, string | undefined>,
): { value: string; where: string } | undefined {
  const direct = flags['admin-token'] !== undefined ? { value: flags['admin-token'], where: '--admin-token' } : env[SERVE_ENV['admin-token']] ? { value: env[SERVE_ENV['admin-token']]!, where: SERVE_ENV['admin-token'] } : undefined
  if (direct) return { value: adminToken(direct.value, direct.where), where: direct.where }
  const file = flags['admin-token-file'] !== undefined ? { path: flags['admin-token-file'], where: '--admin-token-file' } : env[SERVE_ENV['admin-token-file']] ? { path: env[SERVE_ENV['admin-token-file']]!, where: SERVE_ENV['admin-token-file'] } : undefined
  if (!file) return undefined
  let text: string
  try {
    // A secret is a few bytes: the same safe reader as every file option, capped at 4 KiB.
    text = readUserText(file.path, file.where, 4096)
  } catch (err) {
    if (err instanceof UserFileError) throw fileError(err.message)
    throw err
  }
  const where = `${file.where} (${file.path})`
  return { value: adminToken(text.replace(/\r?\n$/, ''), where), where }
}

/** The PEM certificate and key from two files, checked to make a TLS context together. */
function readTls(cert: { value: string | undefined; where: string }, key: { value: string | undefined; where: string }): { cert: Buffer; key: Buffer } {
  if (cert.value === undefined || key.value === undefined) {
    throw new UsageError(`HTTPS needs both a certificate and its key: ${cert.value === undefined ? cert.where : key.where} is missing`)
  }
  const read = (file: string, where: string) => {
    try {
      return readUserFile(file, '', MAX_PEM_FILE_BYTES).data
    } catch (err) {
      if (err instanceof UserFileError) throw fileError(`${where}: ${err.message}`)
      throw err
    }
  }
  const pair = { cert: read(cert.value, cert.where), key: read(key.value, key.where) }
  try {
    createSecureContext(pair)
  } catch (err) {
    throw fileError(`${cert.where} ${showPath(cert.value)} and ${key.where} ${showPath(key.value)} are not a PEM certificate and its key: ${(err as Error).message}`)
  }
  return pair
}

function readJson(path: string, what: string): unknown {
  let text: string
  try {
    text = readUserText(path, what, MAX_JSON_FILE_BYTES)
  } catch (err) {
    if (err instanceof UserFileError) throw fileError(err.message)
    throw err
  }
  try {
    return JSON.parse(text)
  } catch (err) {
    throw fileError(`${what} ${showPath(path)} is not valid JSON: ${oneLine((err as Error).message)}`)
  }
}

/**
 * The config's `fixtures`, each vendor's read (a file name, or the object itself) and checked
 * whole against the vendor's fixture schema, so a bad one is one line naming the file and the
 * place in it (`apiKeys[0].key`), before anything starts.
 */
function loadFixtures(fixtures: Record<string, unknown>, where: string, config: string): Record<string, unknown> {
  const known = Object.keys(vendorDefinitions)
  const out: Record<string, unknown> = {}
  for (const [vendor, value] of Object.entries(fixtures)) {
    if (!Object.hasOwn(vendorDefinitions, vendor)) throw fileError(`${where}: unknown vendor '${oneLine(vendor.slice(0, 100))}' (known: ${known.join(', ')})`)
    const schema: StandardSchemaV1<unknown, unknown> = vendorDefinitions[vendor as VendorName].fixtureSchema
    if (typeof value === 'string') {
      if (value === '') throw new UsageError(`${where}: the ${vendor} fixture file name is empty`)
      const data = readJson(value, `${vendor} fixture file`)
      try {
        out[vendor] = checkFixtures(vendor, schema, data)
      } catch (err) {
        if (err instanceof FixtureError) throw fileError(`${vendor} fixture file ${showPath(value)}: ${err.path === '' ? '' : `${err.path}: `}${err.expected}`)
        throw err
      }
    } else {
      try {
        out[vendor] = checkFixtures(vendor, schema, value)
      } catch (err) {
        if (err instanceof FixtureError) throw fileError(`config file ${config}: fixtures.${vendor}${err.path === '' ? '' : err.path.startsWith('[') ? err.path : `.${err.path}`}: ${err.expected}`)
        throw err
      }
    }
  }
  return out
}

const CONFIG_KEYS = ['port', 'host', 'seed', 'bodyLimit', 'journalSize', 'fixtures', 'baseUrls', 'state', 'allowedHosts', 'cors', 'rateLimits', 'tlsCert', 'tlsKey', 'assets']

export function loadConfig(path: string): ServeOptions {
  const raw = readJson(path, 'config file')
  const shown = showPath(path)
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UsageError(`config file ${shown} must hold a JSON object`)
  const config = raw as Record<string, unknown>
  const where = (key: string) => `config file ${shown}: '${key}'`
  const out: ServeOptions = {}
  for (const key of Object.keys(config)) {
    if (!CONFIG_KEYS.includes(key)) throw new UsageError(`config file ${shown}: unknown key '${oneLine(key.slice(0, 100))}' (known: ${CONFIG_KEYS.join(', ')})`)
  }
  const text = (key: string): string | undefined => {
    const v = config[key]
    if (v === undefined) return undefined
    if (typeof v !== 'string' || v === '') throw new UsageError(`${where(key)} must be a non-empty string`)
    return v
  }
  const int = (key: string): string | undefined => {
    const v = config[key]
    if (v === undefined) return undefined
    if (typeof v !== 'number' && typeof v !== 'string') throw new UsageError(`${where(key)} must be a number`)
    return String(v)
  }
  const port = int('port')
  if (port !== undefined) out.port = portNumber(where('port'), port)
  const host = text('host')
  if (host !== undefined) out.host = host
  const seed = text('seed')
  if (seed !== undefined) out.seed = seed
  const bodyLimit = int('bodyLimit')
  if (bodyLimit !== undefined) out.bodyLimit = positiveInt(where('bodyLimit'), bodyLimit)
  const journalSize = int('journalSize')
  if (journalSize !== undefined) out.journalSize = positiveInt(where('journalSize'), journalSize)
  const state = text('state')
  if (state !== undefined) out.stateFile = state
  const assets = text('assets')
  if (assets !== undefined) out.assetsDir = assetsFolder(where('assets'), assets)
  const tlsCert = text('tlsCert')
  const tlsKey = text('tlsKey')
  if (tlsCert !== undefined || tlsKey !== undefined) out.tls = readTls({ value: tlsCert, where: where('tlsCert') }, { value: tlsKey, where: where('tlsKey') })
  if (config.fixtures !== undefined) {
    if (typeof config.fixtures !== 'object' || config.fixtures === null || Array.isArray(config.fixtures)) {
      throw new UsageError(`${where('fixtures')} must be an object: { "<vendor>": <file or object> }`)
    }
    out.fixtures = loadFixtures(config.fixtures as Record<string, unknown>, where('fixtures'), shown) as ServeOptions['fixtures']
  }
  if (config.baseUrls !== undefined) out.baseUrls = config.baseUrls as ServeOptions['baseUrls']
  if (config.allowedHosts !== undefined) {
    if (!Array.isArray(config.allowedHosts) || !config.allowedHosts.every((h) => typeof h === 'string')) {
      throw new UsageError(`${where('allowedHosts')} must be an array of host names`)
    }
    out.allowedHosts = config.allowedHosts.map((h) => allowedHost(h, where('allowedHosts')))
  }
  if (config.rateLimits !== undefined) {
    const r = config.rateLimits
    if (typeof r !== 'boolean' && (typeof r !== 'object' || r === null || Array.isArray(r))) {
      throw new UsageError(`${where('rateLimits')} must be true, false, or per vendor and environment limits: { "complycube": { "live": { "requests": 10, "perMs": 1000 } } }`)
    }
    out.rateLimits = r as ServeOptions['rateLimits']
  }
  if (config.cors !== undefined) {
    if (!Array.isArray(config.cors) || !config.cors.every((o) => typeof o === 'string')) throw new UsageError(`${where('cors')} must be an array of origins`)
    out.cors = config.cors.flatMap((o) => corsOrigins(o, where('cors')))
  }
  return out
}

export type LogChoice = 'pretty' | 'json' | 'off'

/** The request log's format: --log, TOKEN_SANDBOX_LOG, else off with --quiet, pretty on a terminal, json otherwise. */
export function resolveLog(flags: { log?: string; quiet?: boolean }, env: Record<string, string | undefined>, isTty: boolean): LogChoice {
  const where = flags.log !== undefined ? '--log' : SERVE_ENV.log
  const value = flags.log ?? (env[SERVE_ENV.log] || undefined)
  if (value === undefined) return flags.quiet ? 'off' : isTty ? 'pretty' : 'json'
  if (value !== 'pretty' && value !== 'json' && value !== 'off') throw new UsageError(`${where} must be pretty, json or off, got '${value.slice(0, 40)}'`)
  return value
}

/** The options `serve` starts with: flags > environment > config file > defaults. */
export function resolveServeOptions(flags: ServeFlags, env: Record<string, string | undefined> = process.env): ServeOptions {
  // One value a setting: the flag, else its variable (empty counts as unset), each with its name.
  const pick = (name: keyof typeof SERVE_ENV): { value: string; where: string } | undefined => {
    const flag = flags[name]
    if (typeof flag === 'string') return { value: flag, where: `--${name}` }
    const fromEnv = env[SERVE_ENV[name]]
    return fromEnv ? { value: fromEnv, where: SERVE_ENV[name] } : undefined
  }
  const config = pick('config')
  const options: ServeOptions = config ? loadConfig(config.value) : {}

  const port = pick('port') ?? (env.PORT ? { value: env.PORT, where: 'PORT' } : undefined)
  options.port = port ? portNumber(port.where, port.value) : (options.port ?? DEFAULT_PORT)
  const host = pick('host')
  if (host) {
    if (host.value === '') throw new UsageError(`${host.where} needs an address`)
    options.host = host.value
  }
  const seed = pick('seed')
  if (seed) options.seed = seed.value
  const bodyLimit = pick('body-limit')
  if (bodyLimit) options.bodyLimit = positiveInt(bodyLimit.where, bodyLimit.value)
  const journalSize = pick('journal-size')
  if (journalSize) options.journalSize = positiveInt(journalSize.where, journalSize.value)
  const state = pick('state')
  if (state) {
    if (state.value === '') throw new UsageError(`${state.where} needs a file path`)
    options.stateFile = state.value
  }
  // Hosts add up across sources: the config's, then the variable's or the flags'.
  if (flags['allowed-host']) options.allowedHosts = [...(options.allowedHosts ?? []), ...flags['allowed-host'].flatMap((v) => allowedHosts(v, '--allowed-host'))]
  else if (env[SERVE_ENV['allowed-host']]) {
    options.allowedHosts = [...(options.allowedHosts ?? []), ...allowedHosts(env[SERVE_ENV['allowed-host']]!, SERVE_ENV['allowed-host'])]
  }
  // Origins replace the config's: the most specific source says who may call.
  if (flags.cors) options.cors = flags.cors.flatMap((v) => corsOrigins(v, '--cors'))
  else if (env[SERVE_ENV.cors]) options.cors = corsOrigins(env[SERVE_ENV.cors]!, SERVE_ENV.cors)
  if (flags['rate-limits']) options.rateLimits = options.rateLimits || true
  else if (env[SERVE_ENV['rate-limits']]) {
    const v = env[SERVE_ENV['rate-limits']]!
    if (!/^(1|true|0|false)$/.test(v)) throw new UsageError(`${SERVE_ENV['rate-limits']} must be 1, true, 0 or false, got '${v.slice(0, 40)}'`)
    if (v === '1' || v === 'true') options.rateLimits = options.rateLimits || true
    else delete options.rateLimits
  }
  const cert = pick('tls-cert')
  const key = pick('tls-key')
  if (cert || key) {
    options.tls = readTls({ value: cert?.value, where: cert?.where ?? '--tls-cert' }, { value: key?.value, where: key?.where ?? '--tls-key' })
  }
  const assets = pick('assets')
  if (assets) options.assetsDir = assetsFolder(assets.where, assets.value)
  const token = readAdminToken(flags, env)
  if (token) options.adminToken = token.value
  return options
}
