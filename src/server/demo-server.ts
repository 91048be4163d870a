// Serves the Web SDK demo (examples/web-sdk-demo) with the browser bundle and msw's worker
// script from dist/browser, on 127.0.0.1 by default. Static files only: the sandbox itself runs
// in the page. Service workers need a secure context; 127.0.0.1 and localhost are one.
import { existsSync, promises as fsp, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The package root: the nearest folder above this file whose package.json is token-sandbox's. */
export function packageRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'token-sandbox') return dir
      } catch {
        // not ours; keep looking
      }
    }
    if (dirname(dir) === dir) throw new Error('cannot find the token-sandbox package root')
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/** The files built into dist/browser, served from the demo's root. */
const BUILT = new Set(['token-sandbox.js', 'token-sandbox.js.map', 'mockServiceWorker.js'])

export interface DemoServerOptions {
  port?: number
  host?: string
  /** Folder with index.html (default examples/web-sdk-demo). */
  demoDir?: string
  /** Folder with the built bundle and worker (default dist/browser). */
  distDir?: string
}

export interface RunningDemo {
  url: string
  port: number
  server: Server
  close(): Promise<void>
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<RunningDemo> {
  const root = packageRoot()
  const demoDir = options.demoDir ?? join(root, 'examples', 'web-sdk-demo')
  const distDir = options.distDir ?? join(root, 'dist', 'browser')
  const host = options.host ?? '127.0.0.1'
  for (const name of BUILT) {
    if (name.endsWith('.js') && !existsSync(join(distDir, name))) {
      throw new Error(`${join(distDir, name)} is missing: run 'npm run build:browser' first`)
    }
  }

  const resolveFile = (pathname: string): string | null => {
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      return null
    }
    if (decoded.includes('\0')) return null
    const name = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
    if (BUILT.has(name)) return join(distDir, name)
    const file = normalize(join(demoDir, name))
    // Nothing outside the demo folder, whatever the path says.
    return file.startsWith(demoDir + sep) ? file : null
  }

  const server = createServer(async (req, res) => {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
      res.end(req.method === 'HEAD' ? undefined : body)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed\n')
    const pathname = new URL(req.url ?? '/', 'http://demo.invalid').pathname
    const file = resolveFile(pathname)
    if (!file) return send(404, 'Not found\n')
    try {
      const ext = file.slice(file.lastIndexOf('.'))
      send(200, await fsp.readFile(file), TYPES[ext] ?? 'application/octet-stream')
    } catch {
      send(404, 'Not found\n')
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  return {
    url,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
