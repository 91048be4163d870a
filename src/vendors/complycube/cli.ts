// token-sandbox token complycube: asks any ComplyCube endpoint (the real one or a sandbox) for an
// SDK token and prints it.
import { parseArgs } from 'node:util'
import { UsageError, credential } from '../../cli/usage.ts'
import { trimTrailingSlashes } from '../../core/paths.ts'
import { escapeControls, escapeJsonControls } from '../../core/shown.ts'

export const help = `usage: token-sandbox token complycube --client-id ID (--referrer PATTERN | --app-id ID)
                                  [--api-key KEY] [--base-url URL]

Requests an SDK token (POST /v1/tokens) and prints it.
  --api-key    ComplyCube API key (or env COMPLYCUBE_API_KEY); test_ = sandbox, live_ = live
  --base-url   default http://127.0.0.1:4545/complycube/v1 (a local 'token-sandbox serve');
               use https://api.complycube.com/v1 for the real API
  --json       print the whole response body instead of the bare token`

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'api-key': { type: 'string' },
      'client-id': { type: 'string' },
      referrer: { type: 'string' },
      'app-id': { type: 'string' },
      'base-url': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(help)
    return 0
  }
  const apiKey = credential(values['api-key'], 'COMPLYCUBE_API_KEY')
  if (!apiKey) throw new UsageError('an API key is required: --api-key or COMPLYCUBE_API_KEY')
  if (!values['client-id']) throw new UsageError('--client-id is required')
  const base = trimTrailingSlashes(values['base-url'] ?? 'http://127.0.0.1:4545/complycube/v1')
  const body = {
    clientId: values['client-id'],
    ...(values.referrer !== undefined ? { referrer: values.referrer } : {}),
    ...(values['app-id'] !== undefined ? { appId: values['app-id'] } : {}),
  }
  let res: Response
  try {
    res = await fetch(`${base}/tokens`, {
      method: 'POST',
      headers: { authorization: apiKey, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  } catch (err) {
    throw new UsageError(`cannot reach ${base}: ${(err as Error).cause ?? (err as Error).message}`)
  }
  const text = await res.text()
  if (!res.ok) {
    console.error(`ComplyCube answered ${res.status}: ${escapeControls(text.slice(0, 2000))}`)
    return 1
  }
  const parsed = JSON.parse(text) as { token: string }
  console.log(values.json ? escapeJsonControls(JSON.stringify(parsed, null, 2)) : escapeControls(String(parsed.token)))
  return 0
}
