// token-sandbox serve: the standalone server, its options and its help.
import { parseArgs } from 'node:util'
import { startServer } from '../server/server.ts'
import { startedByPackageManager, watchParent } from './parent-watch.ts'
import { fileError, UsageError } from './usage.ts'
import { DEFAULT_PORT, resolveLog, resolveServeOptions } from './serve-options.ts'
import { formatLogEntry } from '../server/request-log.ts'
import { StateFileError } from '../server/state-file.ts'
import { FixtureError } from '../core/fixtures.ts'
import { RateLimitError } from '../core/rate-limits.ts'

export const serveHelp = `usage: token-sandbox serve [options]

Starts the standalone server.

  --port <n>          port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <addr>       address to bind (default 127.0.0.1)
  --seed <string>     make ids, secrets and signing keys the same on every run
  --config <file>     JSON file: { port, host, seed, bodyLimit, journalSize, state, allowedHosts: [..], cors: [..], rateLimits, tlsCert, tlsKey, assets,
                      fixtures: { <vendor>: <file or object> }, baseUrls: { <vendor>: [<url>] } }; each fixture
                      is checked before start (format: fixtures/schema/<vendor>.schema.json)
  --body-limit <n>    largest request body in bytes (default 1048576)
  --journal-size <n>  how many requests the journal keeps (default 1000)
  --state <file>      keep state (keys, clients, accounts, secrets, issued tokens, clock) in this
                      SQLite file across restarts; each change is on disk before it is acknowledged
                      (a JSON state file of earlier versions is migrated, the JSON kept as a backup)
  --admin-token <t>   token the admin API (/__sandbox) requires (or TOKEN_SANDBOX_ADMIN_TOKEN);
                      required off loopback: with --host other than 127.0.0.1/::1/localhost and
                      no token given, one is generated and printed once
  --admin-token-file <f>
                      read the admin token from this file: a Docker or Kubernetes secret
                      (or TOKEN_SANDBOX_ADMIN_TOKEN_FILE)
  --allowed-host <h>  a host name the admin API answers besides IP addresses and localhost
                      (repeat or comma-separate; '.example.test' for a domain and its
                      subdomains); the admin API always refuses other origins' pages
  --cors <origins>    let pages on these origins call every vendor route (comma-separate, or
                      '*' for any), e.g. --cors http://localhost:5173; CAF's BFF answers any
                      origin anyway, as CAF's must; never the admin API
  --rate-limits       enforce the vendors' documented rate limits (ComplyCube: 5 requests a
                      second in sandbox, 10 in live) on the sandbox clock, answering their 429;
                      per-environment limits go in the config file's rateLimits; the
                      dashboard or POST /__sandbox/rate-limits changes them while it runs
  --tls-cert <file>   serve HTTPS with this PEM certificate (e.g. from mkcert for localhost),
  --tls-key <file>    and its key; for clients that refuse plain HTTP
  --assets <dir>      serve the vendors' static files (CAF's face-detector model under
                      /caf/<env>/mobile/tfmodel/...) from this folder, which mirrors those paths
  --log <format>      the request log on stdout, a line per request: pretty (default on a
                      terminal), json (default otherwise: one object a line) or off
  --quiet             print only the base URLs (and a generated admin token); no request log
                      unless --log asks for one
  -h, --help          this help

  Each option can also come from the environment: TOKEN_SANDBOX_PORT (or PORT), _HOST, _SEED,
  _CONFIG, _BODY_LIMIT, _JOURNAL_SIZE, _STATE, _ADMIN_TOKEN, _ADMIN_TOKEN_FILE, _ALLOWED_HOSTS and _CORS (comma-separated), _RATE_LIMITS (1 or 0), _LOG, _TLS_CERT, _TLS_KEY, _ASSETS.
  Flags win over the environment, the environment over the config file.
  serve stops on SIGINT and SIGTERM and, when npx or another package manager started it, when
  that parent exits ('npx token-sandbox serve & … kill $!' stops the server too).`

export const serveOptions = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  config: { type: 'string' },
  'body-limit': { type: 'string' },
  'journal-size': { type: 'string' },
  state: { type: 'string' },
  'admin-token': { type: 'string' },
  'admin-token-file': { type: 'string' },
  'allowed-host': { type: 'string', multiple: true },
  cors: { type: 'string', multiple: true },
  'rate-limits': { type: 'boolean' },
  log: { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  assets: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: serveOptions, strict: true })
  if (values.help) {
    console.log(serveHelp)
    return 0
  }
  const options = resolveServeOptions(values)
  const log = resolveLog(values, process.env, process.stdout.isTTY === true)
  if (log !== 'off') options.onRequest = (entry) => process.stdout.write(formatLogEntry(entry, log) + '\n')

  let running
  try {
    running = await startServer({ ...options, onError: (err) => console.error('token-sandbox: internal error:', err) })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new UsageError(`port ${options.port} is in use; pick another with --port (0 picks a free one)`)
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot bind to host ${options.host}`)
    if (err instanceof StateFileError || err instanceof FixtureError) throw fileError(err.message)
    if (err instanceof RateLimitError) throw new UsageError(err.message)
    throw err
  }
  const lines = [`token-sandbox listening on ${running.url}`, '']
  for (const b of running.baseUrls()) lines.push(`  ${b.vendor.padEnd(11)} ${(b.environment ?? 'all envs').padEnd(9)} ${b.url}`)
  lines.push(`  ${'sandbox'.padEnd(11)} ${'admin'.padEnd(9)} ${running.url}/__sandbox`)
  if (running.stateFile) {
    const { path, target, opened, backup } = running.stateFile
    const how = { loaded: 'loaded', created: 'created from the seed', migrated: `migrated from a JSON state file to a database; the JSON is kept as ${backup}` }[opened]
    lines.push('', `State file: ${path}${target === path ? '' : ` (→ ${target})`} (${how})`)
  }
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
    if (startedByPackageManager(process.env)) watchParent(() => stop('parent process exited'))
  })
  return 0
}
