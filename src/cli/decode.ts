// token-sandbox decode <jwt>: a JWT's header and claims, with its dates, nothing verified.
import { parseArgs } from 'node:util'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { UsageError } from './usage.ts'
import { describeSeconds, isInstantSeconds } from '../core/instants.ts'
import { escapeJsonControls } from '../core/shown.ts'

export const decodeHelp = `usage: token-sandbox decode <jwt>

Prints the header and claims of a JWT, with iat/nbf/exp as dates. Nothing is verified.

  -h, --help   this help`

export const decodeOptions = { help: { type: 'boolean', short: 'h' } } as const

export function decodeCommand(argv: string[]): number {
  const { positionals, values } = parseArgs({ args: argv, options: decodeOptions, allowPositionals: true })
  if (values.help) {
    console.log(decodeHelp)
    return 0
  }
  if (positionals.length !== 1) {
    console.error('usage: token-sandbox decode <jwt>')
    return 2
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
    if (typeof v !== 'number') continue
    dates[claim] = describeSeconds(v)
    if (!isInstantSeconds(v)) console.error(`token-sandbox: ${claim} ${v} is beyond the range of a date`)
  }
  // Claims are whoever made the token's: printed with no control character left raw (same JSON value).
  console.log(escapeJsonControls(JSON.stringify({ header, payload, dates }, null, 2)))
  return 0
}
