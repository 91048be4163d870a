// token-sandbox token complycube: asks any ComplyCube endpoint (the real one or a sandbox) for an
// SDK token and prints it.
import { tokenRequestCommand } from '../../cli/token-request.ts'
import { UsageError } from '../../cli/usage.ts'
import { KEY_PREFIX } from './state.ts'

export const { help, run } = tokenRequestCommand({
  vendor: 'ComplyCube',
  help: `usage: token-sandbox token complycube [--client-id ID] [--referrer PATTERN | --app-id ID]
                                  [--api-key KEY] [--sandbox URL | --base-url URL] [--json]

Requests an SDK token (POST /v1/tokens) and prints it.
  --client-id  the client the token is for; default the sandbox's oldest client of the key's
               environment (the default seed's John Doe for a test_ key)
  --referrer   Web SDK: the match pattern of the pages it may run on, e.g. https://www.example.com/*
  --app-id     Mobile SDK: the application or bundle id, e.g. com.example.app
               With neither, there is no default pattern: the request carries neither and the
               token is bound to no page or app, which the sandbox's verify accepts only when
               asked with no referrer and no app id; a Web SDK page needs --referrer.
  --api-key    ComplyCube API key (or env COMPLYCUBE_API_KEY); test_ = sandbox, live_ = live;
               default the sandbox's seeded test_ key
  --sandbox    a token-sandbox's URL (or env TOKEN_SANDBOX_URL), e.g. http://127.0.0.1:4545
               (its /__sandbox URL too): its /complycube/v1, seeded API key and client
  --base-url   default http://127.0.0.1:4545/complycube/v1 (a local 'token-sandbox serve', whose
               seed gives the key and client); https://api.complycube.com/v1 for the real API
               (then --api-key and --client-id are required)
  --json       print the whole response body instead of the bare token`,
  sandboxVendor: 'complycube',
  defaultBaseUrl: 'http://127.0.0.1:4545/complycube/v1',
  credentials: { apiKey: { flag: 'api-key', env: 'COMPLYCUBE_API_KEY' } },
  flags: ['client-id', 'referrer', 'app-id'],
  seedable: ['client-id'],
  request({ flags, credentials, sandbox, seeded }) {
    // The seeded client is the oldest of the key's own environment (the credentials route, ./admin.ts,
    // names each): a live_ key's token is for a live client.
    const live = credentials.apiKey.startsWith(KEY_PREFIX.live)
    const clientId = flags['client-id'] ?? seeded[live ? 'live-client-id' : 'client-id']
    if (!clientId) {
      // Against a sandbox the command line is fine; the server lacks a client: one line, no usage hint.
      const environment = live ? 'live' : 'sandbox'
      if (sandbox) throw new UsageError(`--client-id is required: ${sandbox} holds no client in its ${environment} environment (create one with POST ${sandbox}/complycube/v1/clients)`, false)
      throw new UsageError('--client-id is required (or --sandbox URL: a running token-sandbox, whose oldest client of the key\'s environment it takes)')
    }
    return {
      path: '/tokens',
      headers: { authorization: credentials.apiKey },
      body: {
        clientId,
        ...(flags.referrer !== undefined ? { referrer: flags.referrer } : {}),
        ...(flags['app-id'] !== undefined ? { appId: flags['app-id'] } : {}),
      },
    }
  },
})
