// oauth2-mock-server (its own CLI, defaults: a fresh RS256 key) issuing a signed access token
// on every POST /token, client_credentials grant, as an integrator's test setup would ask.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { LoadRequest } from '../load.ts'
import { startChild } from '../processes.ts'
import { answers200, type Peer } from './peer.ts'

const request: LoadRequest = {
  method: 'POST',
  path: '/token',
  headers: {
    'content-type': 'application/x-www-form-urlencoded',
    authorization: `Basic ${Buffer.from('bench-client:bench-secret').toString('base64')}`,
  },
  body: 'grant_type=client_credentials&scope=tokens',
}

function cliPath(): string {
  return join(dirname(fileURLToPath(import.meta.resolve('oauth2-mock-server'))), 'oauth2-mock-server.mjs')
}

export const oauth2: Peer = {
  name: 'oauth2-mock-server (client_credentials)',
  does: 'POST /token: a freshly signed RS256 access token',
  request,
  unavailable() {
    try {
      cliPath()
      return null
    } catch (e) {
      return `the oauth2-mock-server package is not installed (npm install): ${(e as Error).message}`
    }
  },
  start() {
    return startChild(process.execPath, [cliPath(), '-a', '127.0.0.1', '-p', '0'], {
      urlPattern: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
      probe: (url) => answers200(url, request),
    })
  },
}
