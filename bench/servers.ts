// The sandbox under test and its limit, each a fresh process: `token-sandbox serve` (the built
// CLI) and a bare node:http server answering a canned token (bench/bare-server.mjs).
import { fileURLToPath } from 'node:url'
import { startChild, type Child } from './processes.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const httpOk = async (url: string) => (await fetch(url)).status < 500

export function startSandbox(): Promise<Child> {
  return startChild(process.execPath, [`${ROOT}bin/token-sandbox.js`, 'serve', '--port', '0', '--quiet', '--seed', 'bench'], {
    urlPattern: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    probe: (url) => httpOk(`${url}/__sandbox/health`),
  })
}

export function startBare(): Promise<Child> {
  return startChild(process.execPath, [`${ROOT}bench/bare-server.mjs`], { urlPattern: /listening on (\S+)/, probe: httpOk })
}
