// token-sandbox token caf: signs a CAF mobile token locally, as an integrator's backend does
// (HS256 with the Mobile Key's clientSecret). Nothing is sent anywhere; the secret is never printed.
import { parseArgs } from 'node:util'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { mintCafToken } from './mint.ts'
import { UsageError, credential } from '../../cli/usage.ts'
import { escapeJsonControls } from '../../core/shown.ts'
import { sandboxCredentials, sandboxUrl } from '../../cli/sandbox.ts'

export const help = `usage: token-sandbox token caf (--client-id ID --client-secret SECRET | --sandbox URL)
                           [--people-id CPF] [--expires-in 5m] [--json]

Signs a CAF mobile token (header {"alg":"HS256","typ":"JWT"}, payload {iss, exp?, peopleId?})
and prints it. It works against the sandbox and CAF alike: it is what your backend would sign.
  --client-id      the Mobile Key's clientId (or env CAF_CLIENT_ID); becomes 'iss'
  --client-secret  the Mobile Key's clientSecret (or env CAF_CLIENT_SECRET); never printed
  --sandbox        a token-sandbox's URL (or env TOKEN_SANDBOX_URL): its seeded production key
  --people-id      restrict the token to this CPF ('peopleId')
  --expires-in     lifetime: seconds or 90s, 5m, 1h, 1d; without it the token has no 'exp'
  --json           print { token, header, payload } instead of the bare token
The sandbox's seeded keys are printed by 'token-sandbox serve'.

Exit codes: 0 the token printed; 2 usage error; 3 the --sandbox server cannot be reached`

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      sandbox: { type: 'string' },
      'people-id': { type: 'string' },
      'expires-in': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(help)
    return 0
  }
  // --sandbox URL: the sandbox's seeded production Mobile Key for whatever is not given.
  const sandbox = sandboxUrl(values.sandbox)
  const seeded = sandbox ? await sandboxCredentials(sandbox, 'caf') : {}
  const clientId = credential(values['client-id'], 'CAF_CLIENT_ID') ?? seeded['client-id']
  const clientSecret = credential(values['client-secret'], 'CAF_CLIENT_SECRET') ?? seeded['client-secret']
  if (!clientId) throw new UsageError('a clientId is required: --client-id or CAF_CLIENT_ID')
  if (!clientSecret) throw new UsageError('a clientSecret is required: --client-secret or CAF_CLIENT_SECRET')
  const peopleId = values['people-id']
  if (peopleId !== undefined && peopleId.trim() === '') throw new UsageError('--people-id must not be empty')

  let token: string
  try {
    token = await mintCafToken({
      clientId,
      clientSecret,
      ...(peopleId !== undefined ? { peopleId } : {}),
      ...(values['expires-in'] !== undefined ? { expiresIn: values['expires-in'] } : {}),
    })
  } catch (err) {
    // Messages name the option, never the secret's value.
    if (err instanceof RangeError) throw new UsageError(`--expires-in must be a positive duration such as 300, 90s, 5m or 1h`)
    if (err instanceof TypeError) throw new UsageError(err.message)
    throw err
  }
  console.log(values.json ? escapeJsonControls(JSON.stringify({ token, header: decodeProtectedHeader(token), payload: decodeJwt(token) }, null, 2)) : token)
  return 0
}
