// token-sandbox token complycube: asks any ComplyCube endpoint (the real one or a sandbox) for an
// SDK token and prints it.
import { tokenRequestCommand } from '../../cli/token-request.ts'
import { UsageError } from '../../cli/usage.ts'

export const { help, run } = tokenRequestCommand({
  vendor: 'ComplyCube',
  help: `usage: token-sandbox token complycube --client-id ID (--referrer PATTERN | --app-id ID)
                                  [--api-key KEY] [--sandbox URL | --base-url URL]

Requests an SDK token (POST /v1/tokens) and prints it.
  --api-key    ComplyCube API key (or env COMPLYCUBE_API_KEY); test_ = sandbox, live_ = live
  --sandbox    a token-sandbox's URL (or env TOKEN_SANDBOX_URL), e.g. http://127.0.0.1:4545:
               its /complycube/v1, and its seeded API key unless --api-key is given
  --base-url   default http://127.0.0.1:4545/complycube/v1 (a local 'token-sandbox serve');
               use https://api.complycube.com/v1 for the real API
  --json       print the whole response body instead of the bare token`,
  sandboxVendor: 'complycube',
  defaultBaseUrl: 'http://127.0.0.1:4545/complycube/v1',
  credentials: { apiKey: { flag: 'api-key', env: 'COMPLYCUBE_API_KEY' } },
  flags: ['client-id', 'referrer', 'app-id'],
  request({ flags, credentials }) {
    if (!flags['client-id']) throw new UsageError('--client-id is required')
    return {
      path: '/tokens',
      headers: { authorization: credentials.apiKey },
      body: {
        clientId: flags['client-id'],
        ...(flags.referrer !== undefined ? { referrer: flags.referrer } : {}),
        ...(flags['app-id'] !== undefined ? { appId: flags['app-id'] } : {}),
      },
    }
  },
})
