// The skeleton every `token-sandbox token <vendor>` shares: parse the flags, read credentials
// from a flag or the environment, POST one request to a base URL, print the token (or the whole
// body with --json), and say plainly when the endpoint cannot be reached or refuses. A vendor's
// cli.ts gives only what is its own: its flags, its credentials, the request it sends.
import { parseArgs } from 'node:util'
import { UsageError, credential } from './usage.ts'
import { sandboxCredentials, sandboxUrl, UnreachableError, unreachableReason } from './sandbox.ts'
import { trimTrailingSlashes } from '../core/paths.ts'
import type { TokenCommand } from '../vendors/kit.ts'
import { escapeControls, escapeJsonControls } from '../core/shown.ts'

/** A credential read from `--<flag>` or, failing that, the environment variable `env`. */
export interface CredentialFlag {
  flag: string
  env: string
}

export interface TokenRequestSpec<C extends string, F extends string> {
  /** How the vendor is named in messages ("ComplyCube answered 401"). */
  vendor: string
  /** The help text, printed for --help. */
  help: string
  /** Where the request goes without --base-url: the vendor on a local `token-sandbox serve`. */
  defaultBaseUrl: string
  /** The vendor's name under /__sandbox, whose `credentials` route fills in what `--sandbox URL` spares typing (without it, --sandbox gives only the base URL). */
  sandboxVendor?: string
  /** Credentials by name; each is required. */
  credentials: Record<C, CredentialFlag>
  /** The vendor's other string flags (without dashes). */
  flags?: readonly F[]
  /** Those of `flags` the credentials route can fill in (a missing one is worth asking the default local sandbox for). */
  seedable?: readonly F[]
  /**
   * The request, below the base URL, from the flags and credentials; throw a UsageError for a
   * missing flag. With --sandbox URL: `sandbox` is that URL (to say what that server lacks) and
   * `seeded` what its credentials route answered, for the flags not given.
   */
  request(input: { flags: Partial<Record<F, string>>; credentials: Record<C, string>; sandbox?: string; seeded: Record<string, string> }): {
    path: string
    headers?: Record<string, string>
    body: unknown
  }
}

export const TOKEN_EXIT_CODES = `Exit codes: 0 the token printed; 1 the endpoint refused (its answer on stderr);
  2 usage error; 3 the server cannot be reached`

/** A `token <vendor>` subcommand (src/vendors/kit.ts's TokenCommand) from a vendor's spec. */
export function tokenRequestCommand<C extends string, F extends string = never>(spec: TokenRequestSpec<C, F>): TokenCommand {
  const help = `${spec.help}\n\n${TOKEN_EXIT_CODES}`
  return {
    help,
    async run(argv) {
      const credentialFlags = Object.values<CredentialFlag>(spec.credentials).map((c) => c.flag)
      const strings = [...credentialFlags, ...(spec.flags ?? []), 'base-url', 'sandbox']
      const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
        ...Object.fromEntries(strings.map((f) => [f, { type: 'string' as const }])),
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      }
      const values = parseArgs({ args: argv, options }).values as Record<string, string | boolean | undefined>
      if (values.help) {
        console.log(help)
        return 0
      }
      // --sandbox URL: the vendor's path on that server, and its seeded credentials for any not given.
      const sandbox = sandboxUrl(values.sandbox as string | undefined)
      // Without either URL the request goes to a local 'serve' (defaultBaseUrl): what is not given
      // comes from its seed too, as with --sandbox http://127.0.0.1:4545.
      const missing =
        Object.values<CredentialFlag>(spec.credentials).some((c) => !credential(values[c.flag] as string | undefined, c.env)) ||
        (spec.seedable ?? []).some((f) => values[f] === undefined)
      const local = sandbox === undefined && values['base-url'] === undefined && missing ? new URL(spec.defaultBaseUrl).origin : undefined
      // The server whose seed fills in (a vendor without a credentials route has none).
      const seededFrom = spec.sandboxVendor ? (sandbox ?? local) : undefined
      const seeded: Record<string, string> = seededFrom && spec.sandboxVendor ? await sandboxCredentials(seededFrom, spec.sandboxVendor) : {}
      const credentials = {} as Record<C, string>
      for (const [name, c] of Object.entries<CredentialFlag>(spec.credentials)) {
        const value = credential(values[c.flag] as string | undefined, c.env) ?? seeded[c.flag]
        if (!value) throw new UsageError(`--${c.flag} (or ${c.env}, or --sandbox URL) is required${seededFrom ? `: ${seededFrom} holds none` : ''}`, !seededFrom)
        credentials[name as C] = value
      }
      const flags = Object.fromEntries((spec.flags ?? []).filter((f) => values[f] !== undefined).map((f) => [f, values[f] as string])) as Partial<Record<F, string>>
      const request = spec.request({ flags, credentials, seeded, ...((seededFrom ?? sandbox) ? { sandbox: seededFrom ?? sandbox } : {}) })
      const base = trimTrailingSlashes(
        (values['base-url'] as string | undefined) ?? (sandbox ? sandbox + new URL(spec.defaultBaseUrl).pathname : spec.defaultBaseUrl),
      )
      let url: URL
      try {
        url = new URL(`${base}${request.path}`)
      } catch {
        throw new UsageError(`--base-url ${base} is not an absolute URL`)
      }
      let res: Response
      try {
        res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...request.headers }, body: JSON.stringify(request.body), signal: AbortSignal.timeout(30_000) })
      } catch (err) {
        throw new UnreachableError(`cannot reach ${base}: ${unreachableReason(err, 30_000)}`)
      }
      const text = await res.text()
      let parsed: unknown
      try {
        parsed = JSON.parse(text)
      } catch {
        parsed = undefined
      }
      const token = (parsed as { token?: unknown } | undefined)?.token
      if (!res.ok || typeof token !== 'string') {
        console.error(`${spec.vendor} answered ${res.status}: ${escapeControls(text.slice(0, 2000))}`)
        return 1
      }
      console.log(values.json ? escapeJsonControls(JSON.stringify(parsed, null, 2)) : escapeControls(token))
      return 0
    },
  }
}
