// In-process, a vendor's static-asset paths (CAF's /tfmodel on the Mobile API host) are not the
// sandbox's: msw lets them through to the network, while the API paths on the same host stay
// the sandbox's. Here the "network" is a file server on 127.0.0.1 mounted as an extra CAF base
// URL with the same asset paths (no outside network exists in tests).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupSandboxServer } from '../../mocks/node.ts'
import { failOnUnhandled } from '../support/msw-listen.ts'

const MODEL = '{"format":"graph-model","weightsManifest":[]}'
let origin: Server
let base: string
const seen: string[] = []

beforeAll(async () => {
  origin = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    res.writeHead(200, { 'content-type': 'application/json' }).end(MODEL)
  })
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}/mobile`
})
afterAll(() => new Promise<void>((resolve) => origin.close(() => resolve())))

describe('msw and a vendor’s static-asset paths', () => {
  it('CAF declares /tfmodel on every Mobile API host, and nowhere else', () => {
    const { sandbox } = setupSandboxServer()
    for (const host of ['https://api.mobile.combateafraude.com', 'https://api.beta.mobile.combateafraude.com', 'https://api.dev.mobile.combateafraude.com']) {
      expect(sandbox.assetPath(new URL(`${host}/tfmodel/face-detector/v2/model.json`))).toBe('/tfmodel/face-detector/v2/model.json')
      expect(sandbox.assetPath(new URL(`${host}/tfmodelx`))).toBeNull()
      expect(sandbox.assetPath(new URL(`${host}/faces/liveness`))).toBeNull()
    }
    expect(sandbox.assetPath(new URL('https://web.us.prd.caf.io/bff/tfmodel/x'))).toBeNull()
    expect(sandbox.assetPath(new URL('https://api.combateafraude.com/tfmodel/x'))).toBeNull()
  })

  it('lets an asset request through to the network, and answers the API beside it itself', async () => {
    const { server: msw, sandbox: sb } = setupSandboxServer({ baseUrls: { caf: [{ base, environment: 'prod', api: 'mobile', assets: ['/tfmodel'] }] } })
    msw.listen(failOnUnhandled)
    try {
      const res = await fetch(`${base}/tfmodel/face-detector/v2/model.json`)
      expect(res.status).toBe(200)
      expect(await res.text()).toBe(MODEL)
      expect(seen).toEqual(['GET /mobile/tfmodel/face-detector/v2/model.json'])
      expect(sb.journal.list({ vendor: 'caf' })).toEqual([])

      const api = await fetch(`${base}/tokens/verify`)
      expect(api.status).toBe(400)
      expect(seen).toHaveLength(1)
      expect(sb.journal.list({ vendor: 'caf', limit: 1 })[0]).toMatchObject({ path: '/mobile/tokens/verify', status: 400 })
    } finally {
      msw.close()
    }
  })
})
