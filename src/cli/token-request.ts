// The skeleton every `token-sandbox token <vendor>` shares: parse the flags, read credentials
// from a flag or the environment, POST one request to a base URL, print the token (or the whole
// body with --json), and say plainly when the endpoint cannot be reached or refuses. A vendor's
// cli.ts gives only what is its own: its flags, its credentials, the request it sends.
import { parseArgs } from 'node:util'
import { UsageError, credential } from './usage.ts'
import { sandboxCredentials, sandboxUrl, UnreachableError } from './sandbox.ts'
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
  /** Those of `flags` that `--sandbox URL` fills from the seed when not given (the credentials route names them). */
  seededFlags?: readonly F[]
  /**
   * The request, below the base URL, from the flags and credentials; throw a UsageError for a
   * missing flag (`sandbox`, the --sandbox URL when given, lets it say what that server lacks).
   */
  request(input: { flags: Partial<Record<F, string>>; credentials: Record<C, string>; sandbox?: string }): { path: string; headers?: Record<string, string>; body: unknown }
}

/** A `token <vendor>` subcommand (src/vendors/kit.ts's TokenCommand) from a vendor's spec. */
export function tokenRequestCommand<C extends string, F extends string = never>(spec: TokenRequestSpec<C, F>): TokenCommand {
  return {
    help: spec.help,
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
        console.log(spec.help)
        return 0
      }
      // --sandbox URL: the vendor's path on that server, and its seeded credentials for any not given.
      const sandbox = sandboxUrl(values.sandbox as string | undefined)
      const seeded: Record<string, string> = sandbox && spec.sandboxVendor ? await sandboxCredentials(sandbox, spec.sandboxVendor) : {}
      const credentials = {} as Record<C, string>
      for (const [name, c] of Object.entries<CredentialFlag>(spec.credentials)) {
        const value = credential(values[c.flag] as string | undefined, c.env) ?? seeded[c.flag]
        if (!value) throw new UsageError(`--${c.flag} (or ${c.env}, or --sandbox URL) is required`)
        credentials[name as C] = value
      }
      // A flag given wins over the seeded value of the same name.
      const flagValue = (f: F) => (values[f] as string | undefined) ?? (spec.seededFlags?.includes(f) ? seeded[f] : undefined)
      const flags = Object.fromEntries((spec.flags ?? []).filter((f) => flagValue(f) !== undefined).map((f) => [f, flagValue(f)!])) as Partial<Record<F, string>>
      const request = spec.request({ flags, credentials, ...(sandbox ? { sandbox } : {}) })
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
        res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...request.headers }, body: JSON.stringify(request.body) })
      } catch (err) {
        throw new UnreachableError(`cannot reach ${base}: ${(err as Error).cause ?? (err as Error).message}`)
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
