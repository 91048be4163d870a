// token-sandbox token ca: asks any CA Token API endpoint (a tenant's real base URL or a sandbox)
// for a JWT with an administrator service account, and prints it.
import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { UsageError, credential } from '../../cli/usage.ts'
import { trimTrailingSlashes } from '../../core/paths.ts'
import { escapeControls, escapeJsonControls } from '../../core/shown.ts'

export const DEFAULT_BASE_URL = 'http://127.0.0.1:4545/ca/hedmoral'
export const DEFAULT_CLIENT_APP_ID = 'TOKEN_SANDBOX_CLI'

export const help = `usage: token-sandbox token ca [--base-url URL] [--username U] [--password P]
                          [--client-app-id ID] [--client-txn-id UUID] [--json]

Requests a token (POST <base-url>/token, CA_com_apiVersion 1.0) and prints it.
  --base-url       the tenant's base URL; default ${DEFAULT_BASE_URL}
                   (the seeded tenant of a local 'token-sandbox serve')
  --username       the service account (or env CA_USERNAME)
  --password       its password (or env CA_PASSWORD; prefer the variable, flags show in process lists)
  --client-app-id  the calling application's id; default ${DEFAULT_CLIENT_APP_ID}
  --client-txn-id  a UUID naming this call; default a new random one
  --json           print the whole response body instead of the bare token`

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'base-url': { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      'client-app-id': { type: 'string' },
      'client-txn-id': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(help)
    return 0
  }
  const username = credential(values.username, 'CA_USERNAME')
  const password = credential(values.password, 'CA_PASSWORD')
  if (!username) throw new UsageError('a username is required: --username or CA_USERNAME')
  if (!password) throw new UsageError('a password is required: --password or CA_PASSWORD')
  const base = trimTrailingSlashes(values['base-url'] ?? DEFAULT_BASE_URL)
  let url: URL
  try {
    url = new URL(`${base}/token`)
  } catch {
    throw new UsageError(`--base-url ${base} is not an absolute URL`)
  }
  const body = {
    client_txn_id: values['client-txn-id'] ?? randomUUID(),
    client_app_id: values['client-app-id'] ?? DEFAULT_CLIENT_APP_ID,
    username,
    password,
  }
  let res: Response
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', CA_com_apiVersion: '1.0' },
      body: JSON.stringify(body),
    })
  } catch (err) {
    throw new UsageError(`cannot reach ${base}: ${(err as Error).cause ?? (err as Error).message}`)
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
    console.error(`CA answered ${res.status}: ${escapeControls(text.slice(0, 2000))}`)
    return 1
  }
  console.log(values.json ? escapeJsonControls(JSON.stringify(parsed, null, 2)) : escapeControls(token))
  return 0
}
