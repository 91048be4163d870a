// One Prism for a contract whose APIs live on different base paths of a token-sandbox (CAF's
// Mobile API, BFF, SDK and Core APIs): `prism proxy` has one upstream, so it forwards to a router
// that sends each path to the base path of the API serving it, as the contract's servers say.
// A Prism start costs about 2 CPU-s (loading its modules), a route lookup nothing.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ApiRoute {
  /** The contract's path, e.g. `/uploads/{uploadId}`. */
  template: string
  /** The sandbox base path of the API serving it, e.g. `/caf/prod/sdk`. */
  basePath: string
  pattern: RegExp
}

/** `/a/{id}` → /^\/a\/[^/]+$/ */
const templatePattern = (template: string) =>
  new RegExp(`^${template.split(/\{[^}]+\}/).map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+')}$`)

/**
 * Each path of `contract` with the one of `basePaths` its servers (the path's own, else the
 * document's) put it under on a token-sandbox; null when a path is under none or several of them
 * (CA's tenants share every path), or a request path could match paths of two APIs.
 */
export function apiRoutes(contract: string, basePaths: string[]): ApiRoute[] | null {
  // The YAML parser Prism itself reads contracts with (a dev dependency of Prism's).
  const fromPrism = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json'))
  const { parse } = fromPrism('@stoplight/yaml') as { parse(text: string): unknown }
  type Servers = { url: string }[] | undefined
  const doc = parse(readFileSync(contract, 'utf8')) as { servers?: Servers; paths: Record<string, { servers?: Servers }> }
  const routes: ApiRoute[] = []
  for (const [template, item] of Object.entries(doc.paths)) {
    const servers = item.servers ?? doc.servers ?? []
    const under = basePaths.filter((base) =>
      servers.some((s) => {
        const at = /^https?:\/\/[^/]+(\/.*)?$/.exec(s.url)
        return at !== null && templatePattern((at[1] ?? '').replace(/\/+$/, '')).test(base)
      }),
    )
    if (under.length !== 1) return null
    routes.push({ template, basePath: under[0]!, pattern: templatePattern(template) })
  }
  // `/a/{id}` of one API and `/a/b` of another would make a request's API a guess.
  const sample = (t: string) => t.replace(/\{[^}]+\}/g, 'x')
  const clash = routes.some((a) => routes.some((b) => a.basePath !== b.basePath && (a.pattern.test(sample(b.template)) || b.pattern.test(sample(a.template)))))
  return clash ? null : routes
}

export interface ApiRouter {
  url: string
  close(): Promise<void>
}

/** An HTTP server on 127.0.0.1 forwarding each request to `upstream` + its route's base path + its path. */
export async function startApiRouter(upstream: string, routes: ApiRoute[]): Promise<ApiRouter> {
  const target = new URL(upstream)
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    const route = routes.find((r) => r.pattern.test(path))
    if (!route) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`no API of the contract serves ${path}`)
      return
    }
    const out = request(
      { host: target.hostname, port: target.port, method: req.method, path: target.pathname.replace(/\/+$/, '') + route.basePath + req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders)
        answer.pipe(res)
      },
    )
    out.on('error', (err) => res.destroy(err))
    req.pipe(out)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
