// A route may take a larger body than the sandbox's bodyLimit (CAF's upload PUT: 16 MiB). The
// standalone server reads such bodies only within a shared budget: a flood of large PUTs, which
// a page on any site may send to the CORS-open SDK API, gets the vendor's 413 once the budget is
// held, and the budget comes back as each body is read.
import { createServer, request, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRequestListener } from '../../src/server/node-adapter.ts'
import { createSandbox } from '../../src/sandbox.ts'

const MiB = 1024 * 1024
// No such upload: a body read in full is refused with 403 by the handler; one over the limit, 413.
const PUT_PATH = '/caf/prod/sdk/uploads/000000000000000000000000?expires=1&signature=x'

describe('bodies over the sandbox limit share a budget on the standalone server', () => {
  let server: Server
  let port = 0
  beforeAll(async () => {
    server = createServer()
    server.on('request', createRequestListener({ sandbox: createSandbox(), origin: 'http://127.0.0.1', largeBodyBudget: 20 * MiB }))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  /** A PUT declaring `size` bytes; resolves with the status once answered. `hold` sends only the first byte until released. */
  function put(size: number, hold = false): { status: Promise<number>; release(): void } {
    const req = request({ host: '127.0.0.1', port, method: 'PUT', path: PUT_PATH, headers: { 'content-type': 'image/png', 'content-length': size } })
    const status = new Promise<number>((resolve, reject) => {
      req.on('response', (res: IncomingMessage) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
    })
    const rest = () => req.end(Buffer.alloc(size - 1))
    req.write(Buffer.alloc(1))
    if (!hold) rest()
    return { status, release: rest }
  }

  it('reads a 12 MiB upload PUT (the route takes 16 MiB; the sandbox 1 MiB)', async () => {
    expect(await put(12 * MiB).status).toBe(403)
  })

  it('answers 413 to a second large body while the first holds the budget, and reads the next once it is back', async () => {
    const first = put(12 * MiB, true)
    await new Promise((r) => setTimeout(r, 100))
    expect(await put(12 * MiB).status).toBe(413)
    // A body within the sandbox's own limit is not affected.
    expect(await put(512 * 1024).status).toBe(403)
    first.release()
    expect(await first.status).toBe(403)
    expect(await put(12 * MiB).status).toBe(403)
  })
})
