// setupSandboxServer's onUnhandled: one option for a request no handler answers, whichever msw
// major is installed (.ci/run runs this file under msw 2 as well). The "unhandled" request goes
// to a real server on 127.0.0.1, so a request let through is seen answering.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { setupSandboxServer } from '../../mocks/node.ts'
import type { UnhandledOptions } from '../../mocks/unhandled.ts'

const KEY = 'test_tokensandbox_default_0001'
let local: Server
let localUrl: string

beforeAll(async () => {
  local = createServer((_req, res) => res.end('from the network'))
  await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve))
  localUrl = `http://127.0.0.1:${(local.address() as AddressInfo).port}/`
})
afterAll(() => new Promise<void>((resolve) => local.close(() => resolve())))
afterEach(() => vi.restoreAllMocks())

/** Listens with these options, asks the vendor and the unhandled server, and closes. */
async function attempt(options: UnhandledOptions, listenOptions?: Record<string, unknown>) {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  const { server } = setupSandboxServer({ seed: 'unhandled', ...options })
  server.listen(listenOptions)
  try {
    const vendor = await fetch('https://api.complycube.com/v1/clients', { headers: { authorization: KEY } })
    const unhandled = await fetch(localUrl).then(
      async (r) => `answered: ${await r.text()}`,
      () => 'failed',
    )
    return { vendor: vendor.status, unhandled, warned: warn.mock.calls.length > 0, printedError: error.mock.calls.length > 0 }
  } finally {
    server.close()
  }
}

describe('setupSandboxServer({ onUnhandled })', () => {
  it("'error' fails the unhandled request and prints it; the vendor is answered", async () => {
    expect(await attempt({ onUnhandled: 'error' })).toEqual({ vendor: 200, unhandled: 'failed', warned: false, printedError: true })
  })

  it("'warn' lets it through with a warning", async () => {
    expect(await attempt({ onUnhandled: 'warn' })).toEqual({ vendor: 200, unhandled: 'answered: from the network', warned: true, printedError: false })
  })

  it("'bypass' lets it through silently", async () => {
    expect(await attempt({ onUnhandled: 'bypass' })).toEqual({ vendor: 200, unhandled: 'answered: from the network', warned: false, printedError: false })
  })

  it('a function decides per request, from the request msw hands it', async () => {
    const seen: string[] = []
    const decide = (request: Request) => {
      seen.push(`${request.method} ${request.url}`)
      return new URL(request.url).hostname === '127.0.0.1' ? 'error' : 'bypass'
    }
    expect(await attempt({ onUnhandled: decide })).toMatchObject({ vendor: 200, unhandled: 'failed', printedError: true })
    expect(seen).toEqual([`GET ${localUrl}`])
    expect(await attempt({ onUnhandled: () => 'bypass' })).toMatchObject({ unhandled: 'answered: from the network', warned: false })
  })

  it("without it, msw's default: a warning", async () => {
    expect(await attempt({})).toMatchObject({ unhandled: 'answered: from the network', warned: true })
  })

  it("options given to listen() win over it", async () => {
    const both = { onUnhandledFrame: 'bypass', onUnhandledRequest: 'bypass' }
    expect(await attempt({ onUnhandled: 'error' }, both)).toMatchObject({ unhandled: 'answered: from the network', printedError: false })
  })
})
