// GET /__sandbox/contracts/<name>.yaml: the sandbox serves the contracts it is built from, read
// through a replaceable loader so the browser bundle can supply its own.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { setContractLoader, type ContractLoader } from '../../src/admin/contracts.ts'
import { createSandbox } from '../../src/node/sandbox.ts'
import { ROOT } from '../support/paths.ts'

const sandbox = createSandbox()
const get = (path: string) => sandbox.handle({ method: 'GET', url: new URL(`http://127.0.0.1/__sandbox${path}`), headers: {}, body: null })

let restore: ContractLoader | null = null
afterEach(() => {
  if (restore) setContractLoader(restore)
  restore = null
})

describe('GET /__sandbox/contracts/<name>.yaml', () => {
  it.each(['complycube', 'sandbox'])('serves contracts/%s.yaml byte for byte, as application/yaml', async (name) => {
    const res = await get(`/contracts/${name}.yaml`)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/yaml; charset=utf-8')
    expect(res.body).toBe(readFileSync(join(ROOT, 'contracts', `${name}.yaml`), 'utf8'))
  })

  it.each([
    ['an unknown contract', '/contracts/acme.yaml'],
    ['another extension', '/contracts/complycube.json'],
    ['no extension', '/contracts/complycube'],
    ['a path that climbs out of contracts/', '/contracts/..%2Fpackage.yaml'],
    ['an upper-case name', '/contracts/ComplyCube.yaml'],
  ])('answers 404 not_found in the sandbox error shape for %s', async (_what, path) => {
    const res = await get(path)
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ error: { code: 'not_found', message: expect.stringMatching(/^No contract/) } })
  })

  it('reads through the loader a browser bundle can install', async () => {
    const asked: string[] = []
    restore = setContractLoader(async (name) => {
      asked.push(name)
      return name === 'complycube' ? 'openapi: 3.1.0\n# inlined by the bundle\n' : null
    })
    expect((await get('/contracts/complycube.yaml')).body).toBe('openapi: 3.1.0\n# inlined by the bundle\n')
    expect((await get('/contracts/sandbox.yaml')).status).toBe(404)
    expect(asked).toEqual(['complycube', 'sandbox'])
  })

  it('keeps Node built-ins out of the admin modules’ top level (the browser bundle loads them)', () => {
    for (const file of ['src/admin/contracts.ts', 'src/admin/routes.ts']) {
      const source = readFileSync(join(ROOT, file), 'utf8')
      expect(source, file).not.toMatch(/^import [^\n]*from ['"](node:|fs|path)/m)
    }
  })
})
