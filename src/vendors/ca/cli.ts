// token-sandbox token ca: asks any CA Token API endpoint (a tenant's real base URL or a sandbox)
// for a JWT with an administrator service account, and prints it.
import { randomUUID } from 'node:crypto'
import { tokenRequestCommand } from '../../cli/token-request.ts'

export const DEFAULT_BASE_URL = 'http://127.0.0.1:4545/ca/hedmoral'
export const DEFAULT_CLIENT_APP_ID = 'TOKEN_SANDBOX_CLI'

export const help = `usage: token-sandbox token ca [--sandbox URL | --base-url URL] [--username U] [--password P]
                          [--client-app-id ID] [--client-txn-id UUID] [--json]

Requests a token (POST <base-url>/token, CA_com_apiVersion 1.0) and prints it.
  --base-url       the tenant's base URL; default ${DEFAULT_BASE_URL}
                   (the seeded tenant of a local 'token-sandbox serve')
  --sandbox        a token-sandbox's URL (or env TOKEN_SANDBOX_URL): its seeded tenant and account
  --username       the service account (or env CA_USERNAME)
  --password       its password (or env CA_PASSWORD; prefer the variable, flags show in process lists)
  --client-app-id  the calling application's id; default ${DEFAULT_CLIENT_APP_ID}
  --client-txn-id  a UUID naming this call; default a new random one
  --json           print the whole response body instead of the bare token`

export const { run } = tokenRequestCommand({
  vendor: 'CA',
  help,
  sandboxVendor: 'ca',
  defaultBaseUrl: DEFAULT_BASE_URL,
  credentials: { username: { flag: 'username', env: 'CA_USERNAME' }, password: { flag: 'password', env: 'CA_PASSWORD' } },
  flags: ['client-app-id', 'client-txn-id'],
  request: ({ flags, credentials }) => ({
    path: '/token',
    headers: { CA_com_apiVersion: '1.0' },
    body: {
      client_txn_id: flags['client-txn-id'] ?? randomUUID(),
      client_app_id: flags['client-app-id'] ?? DEFAULT_CLIENT_APP_ID,
      username: credentials.username,
      password: credentials.password,
    },
  }),
})
