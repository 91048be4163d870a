// token-sandbox demo: builds the browser bundle and serves the Web SDK demo page on 127.0.0.1.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { packageRoot, startDemoServer } from '../server/demo-server.ts'
import { UsageError } from './usage.ts'

export const DEFAULT_DEMO_PORT = 4546

export const help = `usage: token-sandbox demo [--port N] [--host ADDR] [--no-build]

Serves the Web SDK demo (examples/web-sdk-demo): a page that gets a ComplyCube SDK token and a
CAF session token with no backend, every vendor call answered by token-sandbox in an msw
service worker. Open the printed URL in a browser.
  --port      default ${DEFAULT_DEMO_PORT}; 0 picks a free one
  --host      default 127.0.0.1 (service workers need 127.0.0.1, localhost or https)
  --no-build  serve dist/browser as it is instead of rebuilding it first
  -h, --help  this help`

/**
 * Rebuilds dist/browser in a checkout (where scripts/ and esbuild are); an installed package
 * serves the dist/browser its build shipped.
 */
async function ensureBundle(root: string, rebuild: boolean): Promise<void> {
  const bundle = join(root, 'dist', 'browser', 'token-sandbox.js')
  const buildScript = join(root, 'scripts', 'build-browser.mjs')
  if (rebuild && existsSync(buildScript)) {
    console.log('token-sandbox demo: building the browser bundle (dist/browser) …')
    const started = Date.now()
    try {
      // A computed path, so bundlers of the CLI leave the build script (and esbuild) out.
      const { buildBrowser } = (await import(pathToFileURL(buildScript).href)) as { buildBrowser(): Promise<unknown> }
      await buildBrowser()
      console.log(`token-sandbox demo: browser bundle built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
      return
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (!(code === 'ERR_MODULE_NOT_FOUND' && existsSync(bundle))) throw err
      console.log('token-sandbox demo: esbuild is not installed; serving the browser bundle as built')
    }
  }
  if (!existsSync(bundle)) throw new UsageError(`${bundle} is missing: run 'npm run build:browser'`)
}

export const demoOptions = {
  port: { type: 'string' },
  host: { type: 'string' },
  'no-build': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

export async function demoCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: demoOptions,
    strict: true,
  })
  if (values.help) {
    console.log(help)
    return 0
  }
  const portText = values.port ?? String(DEFAULT_DEMO_PORT)
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) throw new UsageError(`--port must be 0-65535, got '${portText}'`)
  const root = packageRoot()
  await ensureBundle(root, !values['no-build'])
  let demo
  try {
    demo = await startDemoServer({ port: Number(portText), host: values.host ?? '127.0.0.1' })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`port ${portText} is in use; pick another with --port (0 picks a free one)`)
    throw err
  }
  console.log(`token-sandbox Web SDK demo on ${demo.url}/\n\nOpen it in a browser; the sandbox runs in the page (reload = fresh seed).`)
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.log(`\n${signal}: shutting down`)
      void demo.close().then(resolve)
    }
    process.once('SIGINT', () => stop('SIGINT'))
    process.once('SIGTERM', () => stop('SIGTERM'))
  })
  return 0
}
