// token-sandbox: serve | decode | --help
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { startServer, type ServeOptions } from './server/server.ts'
import { tokenCommand } from './cli/token.ts'
import { demoCommand } from './cli/demo.ts'
import { credential, UsageError } from './cli/usage.ts'
import { StateFileError } from './server/state-file.ts'

export const DEFAULT_PORT = 4545

const HELP = `token-sandbox — a faithful sandbox of ComplyCube, CAF and CA token APIs

Usage:
  token-sandbox serve [options]     start the standalone server
  token-sandbox token <vendor> ...  get or mint a token (complycube, caf; see 'token --help')
  token-sandbox decode <jwt>        print a JWT's header and claims (no verification)
  token-sandbox contract <vendor>   run a contract suite against any endpoint (see 'contract --help')
  token-sandbox demo [--port <n>]   serve the Web SDK demo page on 127.0.0.1 (default port 4546)
  token-sandbox --help | --version

serve options:
  --port <n>          port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <addr>       address to bind (default 127.0.0.1)
  --seed <string>     make ids, secrets and signing keys the same on every run
  --config <file>     JSON file: { port, host, seed, bodyLimit, journalSize, state, fixtures: { complycube: <file or object> } }
  --body-limit <n>    largest request body in bytes (default 1048576)
  --journal-size <n>  how many requests the journal keeps (default 1000)
  --state <file>      keep state (keys, clients, accounts, secrets, issued tokens, clock) in this
                      JSON file across restarts; each change is on disk before it is acknowledged
  --admin-token <t>   token the admin API (/__sandbox) requires (or TOKEN_SANDBOX_ADMIN_TOKEN);
                      required off loopback: with --host other than 127.0.0.1/::1/localhost and
                      no token given, one is generated and printed once
  --quiet             print only the base URLs (and a generated admin token)

Run 'token-sandbox <command> --help' for a command's options.`

function positiveInt(name: string, value: string | undefined, allowZero = false): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value) || (!allowZero && Number(value) === 0)) throw new UsageError(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got '${value}'`)
  return Number(value)
}

function readJson(path: string, what: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    throw new UsageError(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`)
  }
  try {
    return JSON.parse(text)
  } catch (err) {
    throw new UsageError(`${what} ${path} is not valid JSON: ${(err as Error).message}`)
  }
}

function loadConfig(path: string): ServeOptions {
  const raw = readJson(path, 'config file')
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UsageError(`config file ${path} must hold a JSON object`)
  const config = raw as Record<string, unknown>
  const out: ServeOptions = {}
  for (const key of Object.keys(config)) {
    if (!['port', 'host', 'seed', 'bodyLimit', 'journalSize', 'fixtures', 'baseUrls', 'state'].includes(key)) {
      throw new UsageError(`config file ${path}: unknown key '${key}'`)
    }
  }
  if (config.port !== undefined) out.port = positiveInt('port', String(config.port), true)!
  if (typeof config.host === 'string') out.host = config.host
  if (typeof config.seed === 'string') out.seed = config.seed
  if (config.bodyLimit !== undefined) out.bodyLimit = positiveInt('bodyLimit', String(config.bodyLimit))!
  if (config.journalSize !== undefined) out.journalSize = positiveInt('journalSize', String(config.journalSize))!
  if (config.fixtures !== undefined) {
    const fixtures = config.fixtures as Record<string, unknown>
    const resolved: Record<string, unknown> = {}
    for (const [vendor, value] of Object.entries(fixtures)) {
      resolved[vendor] = typeof value === 'string' ? readJson(value, `${vendor} fixtures`) : value
    }
    out.fixtures = resolved as ServeOptions['fixtures']
  }
  if (config.baseUrls !== undefined) out.baseUrls = config.baseUrls as ServeOptions['baseUrls']
  if (config.state !== undefined) {
    if (typeof config.state !== 'string' || config.state === '') throw new UsageError(`config file ${path}: 'state' must be a file path`)
    out.stateFile = config.state
  }
  return out
}

async function serve(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      config: { type: 'string' },
      'body-limit': { type: 'string' },
      'journal-size': { type: 'string' },
      state: { type: 'string' },
      'admin-token': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  })
  if (values.help) {
    console.log(HELP)
    return 0
  }
  const options: ServeOptions = values.config ? loadConfig(values.config) : {}
  options.port = positiveInt('port', values.port, true) ?? options.port ?? DEFAULT_PORT
  if (values.host) options.host = values.host
  if (values.seed) options.seed = values.seed
  const bodyLimit = positiveInt('body-limit', values['body-limit'])
  if (bodyLimit !== undefined) options.bodyLimit = bodyLimit
  const journalSize = positiveInt('journal-size', values['journal-size'])
  if (journalSize !== undefined) options.journalSize = journalSize
  if (values.state !== undefined) {
    if (values.state === '') throw new UsageError('--state needs a file path')
    options.stateFile = values.state
  }
  const adminToken = credential(values['admin-token'], 'TOKEN_SANDBOX_ADMIN_TOKEN')
  if (adminToken !== undefined) {
    if (!/^[\x21-\x7e]{16,512}$/.test(adminToken)) throw new UsageError('the admin token must be 16 to 512 visible ASCII characters, without spaces')
    options.adminToken = adminToken
  }

  let running
  try {
    running = await startServer({ ...options, onError: (err) => console.error('token-sandbox: internal error:', err) })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new UsageError(`port ${options.port} is in use; pick another with --port (0 picks a free one)`)
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot bind to host ${options.host}`)
    if (err instanceof StateFileError) throw new UsageError(err.message)
    throw err
  }
  const lines = [`token-sandbox listening on ${running.url}`, '']
  for (const b of running.baseUrls()) lines.push(`  ${b.vendor.padEnd(11)} ${(b.environment ?? 'all envs').padEnd(9)} ${b.url}`)
  lines.push(`  ${'sandbox'.padEnd(11)} ${'admin'.padEnd(9)} ${running.url}/__sandbox`)
  if (running.stateFile) lines.push('', `State file: ${running.stateFile.path} (${running.stateFile.opened === 'loaded' ? 'loaded' : 'created from the seed'})`)
  if (running.adminToken !== null) {
    // Printed once, and only when generated: a token the user chose is theirs to keep.
    lines.push('', options.adminToken === undefined
      ? `Admin API token (generated; /__sandbox needs it as 'Authorization: Bearer <token>'): ${running.adminToken}`
      : `The admin API (/__sandbox) needs the admin token you gave ('Authorization: Bearer <token>').`)
  }
  if (!values.quiet) {
    lines.push('', 'Seeded credentials:')
    for (const [vendor, info] of Object.entries(running.sandbox.describe())) for (const l of info) lines.push(`  ${vendor.padEnd(11)} ${l}`)
  }
  console.log(lines.join('\n'))

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.log(`\n${signal}: shutting down`)
      void running.close().then(resolve)
    }
    process.once('SIGINT', () => stop('SIGINT'))
    process.once('SIGTERM', () => stop('SIGTERM'))
  })
  return 0
}

function decode(argv: string[]): number {
  const { positionals, values } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true })
  if (values.help || positionals.length !== 1) {
    if (!values.help) console.error('usage: token-sandbox decode <jwt>')
    else console.log('usage: token-sandbox decode <jwt>\n\nPrints the header and claims of a JWT, with exp/iat as dates. Nothing is verified.')
    return values.help ? 0 : 2
  }
  const token = positionals[0]!.trim()
  let header, payload
  try {
    header = decodeProtectedHeader(token)
    payload = decodeJwt(token)
  } catch (err) {
    throw new UsageError(`not a JWT: ${(err as Error).message}`)
  }
  const dates: Record<string, string> = {}
  for (const claim of ['iat', 'nbf', 'exp'] as const) {
    const v = payload[claim]
    if (typeof v === 'number') dates[claim] = new Date(v * 1000).toISOString()
  }
  console.log(JSON.stringify({ header, payload, dates }, null, 2))
  return 0
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        console.log(HELP)
        return command === undefined ? 2 : 0
      case '--version':
      case '-v': {
        const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
        console.log(pkg.version)
        return 0
      }
      case 'serve':
        return await serve(rest)
      case 'decode':
        return decode(rest)
      case 'token':
        return await tokenCommand(rest)
      case 'contract':
        // Loaded on demand: it drives vitest, which only this command needs.
        return await (await import('./cli/contract.ts')).contractCommand(rest)
      case 'demo':
        return await demoCommand(rest)
      default:
        throw new UsageError(`unknown command '${command}'`)
    }
  } catch (err) {
    if (err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`token-sandbox: ${(err as Error).message}\nRun 'token-sandbox --help' for usage.`)
      return 2
    }
    throw err
  }
}
