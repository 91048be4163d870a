// `serve --assets DIR`: a vendor's static files (CAF's face-detector model under /tfmodel on the
// Mobile API host) served from a folder that mirrors the paths below the mount, so an offline
// demo can load a model the user has. Regular files inside the folder only; everything else (and
// every path without --assets) is the vendor's 404 saying what the path is.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { resolveServeOptions } from '../../src/cli/serve-options.ts'
import { rawExchange } from '../support/raw-http.ts'

const MODEL = { format: 'graph-model', weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: [] }] }
const SHARD = new Uint8Array([0, 1, 2, 3, 250, 251, 252, 253])

let dir: string
let root: string
let s: RunningServer
let bare: RunningServer

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'token-sandbox-assets-'))
  root = join(dir, 'models')
  mkdirSync(join(root, 'tfmodel', 'face-detector', 'v2'), { recursive: true })
  writeFileSync(join(root, 'tfmodel', 'face-detector', 'v2', 'model.json'), JSON.stringify(MODEL))
  writeFileSync(join(root, 'tfmodel', 'face-detector', 'v2', 'group1-shard1of1.bin'), SHARD)
  writeFileSync(join(dir, 'secret.txt'), 'outside the folder')
  symlinkSync(join(dir, 'secret.txt'), join(root, 'tfmodel', 'escape.txt'))
  symlinkSync(join(root, 'tfmodel', 'face-detector', 'v2', 'model.json'), join(root, 'tfmodel', 'inside.json'))
  s = await startServer({ port: 0, assetsDir: root })
  bare = await startServer({ port: 0 })
})

afterAll(async () => {
  await s?.close()
  await bare?.close()
  rmSync(dir, { recursive: true, force: true })
})

const model = (server: RunningServer, env = 'prod') => `${server.url}/caf/${env}/mobile/tfmodel/face-detector/v2`

describe('serve --assets', () => {
  it('serves model.json as application/json and a shard as application/octet-stream, open to any origin, on every environment', async () => {
    for (const env of ['prod', 'beta', 'dev']) {
      const json = await fetch(`${model(s, env)}/model.json`, { headers: { origin: 'http://127.0.0.1:5173' } })
      expect(json.status).toBe(200)
      expect(json.headers.get('content-type')).toBe('application/json')
      expect(json.headers.get('access-control-allow-origin')).toBeTruthy()
      expect(await json.json()).toEqual(MODEL)
    }
    const bin = await fetch(`${model(s)}/group1-shard1of1.bin`)
    expect(bin.headers.get('content-type')).toBe('application/octet-stream')
    expect(new Uint8Array(await bin.arrayBuffer())).toEqual(SHARD)
    const head = await fetch(`${model(s)}/group1-shard1of1.bin`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(SHARD.length))
  })

  it('follows a symbolic link that stays inside the folder, never one that leaves it', async () => {
    expect((await fetch(`${s.url}/caf/prod/mobile/tfmodel/inside.json`)).status).toBe(200)
    const out = await fetch(`${s.url}/caf/prod/mobile/tfmodel/escape.txt`)
    expect(out.status).toBe(404)
    expect(await out.text()).not.toContain('outside the folder')
  })

  it.each([
    ['a ../ in the path', '/caf/prod/mobile/tfmodel/../../secret.txt'],
    ['an encoded ..', '/caf/prod/mobile/tfmodel/%2e%2e/%2e%2e/secret.txt'],
    ['an encoded slash', '/caf/prod/mobile/tfmodel/..%2f..%2fsecret.txt'],
    ['an encoded backslash', '/caf/prod/mobile/tfmodel/..%5c..%5csecret.txt'],
    ['a NUL', '/caf/prod/mobile/tfmodel/face-detector/v2/model.json%00.bin'],
    ['an undecodable escape', '/caf/prod/mobile/tfmodel/%E0%A4%A'],
    ['a folder', '/caf/prod/mobile/tfmodel/face-detector'],
    ['a missing file', '/caf/prod/mobile/tfmodel/face-detector/v2/nope.bin'],
  ])('%s is the vendor’s 404, never a file outside the folder', async (_what, path) => {
    // Raw HTTP: fetch would resolve the dot segments itself before sending.
    const { text } = await rawExchange(s.port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
    expect(text.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found')
    const body = text.slice(text.indexOf('\r\n\r\n') + 4)
    expect(body).not.toContain('outside the folder')
    // Dot segments (encoded or not) are resolved by the URL parser first: such a path leaves the
    // mount and gets the sandbox's own 404; the rest stay under it and get CAF's.
    const leaves = /\.\.\/|%2e%2e\//i.test(path)
    expect(JSON.parse(body)).toEqual(leaves ? { error: expect.objectContaining({ code: 'not_found' }) } : { requestId: expect.any(String), message: expect.stringMatching(/^Cannot GET \//) })
  })

  it('only GET and HEAD; the API beside it is untouched', async () => {
    expect((await fetch(`${model(s)}/model.json`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(404)
    expect((await fetch(`${s.url}/caf/prod/mobile/tokens/verify`)).status).toBe(400)
  })

  it('without --assets, the path is CAF’s 404 saying it is a static file and how to serve it', async () => {
    const res = await fetch(`${model(bare)}/model.json`)
    expect(res.status).toBe(404)
    expect((await res.json()).message).toMatch(/^Cannot GET \/tfmodel\/face-detector\/v2\/model\.json: a static file on the vendor's host.*serve --assets DIR/)
  })

  it('--assets, TOKEN_SANDBOX_ASSETS and the config file name the folder; a missing one is a usage error', () => {
    expect(resolveServeOptions({ assets: root }, {}).assetsDir).toBe(root)
    expect(resolveServeOptions({}, { TOKEN_SANDBOX_ASSETS: root }).assetsDir).toBe(root)
    const config = join(dir, 'config.json')
    writeFileSync(config, JSON.stringify({ assets: root }))
    expect(resolveServeOptions({ config }, {}).assetsDir).toBe(root)
    expect(() => resolveServeOptions({ assets: join(dir, 'nope') }, {})).toThrow(/--assets: assets folder .* does not exist/)
    expect(() => resolveServeOptions({ assets: join(dir, 'secret.txt') }, {})).toThrow(/is not a folder/)
  })
})
