// Where `serve` takes its options from: flags, then the environment, then the config file, then
// defaults; a bad value from any of them is a one-line usage error naming its source.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_PORT, resolveServeOptions } from '../../src/cli/serve-options.ts'
import { UsageError } from '../../src/cli/usage.ts'
import { startServe } from '../support/serve-child.ts'

const dir = mkdtempSync(join(tmpdir(), 'token-sandbox-options-'))
const config = (content: unknown) => {
  const path = join(dir, `config-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

describe('serve options: flags > environment > config file > defaults', () => {
  it('takes defaults with nothing given', () => {
    expect(resolveServeOptions({}, {})).toEqual({ port: DEFAULT_PORT })
  })

  it('reads every TOKEN_SANDBOX_* variable', () => {
    const env = {
      TOKEN_SANDBOX_PORT: '5001',
      TOKEN_SANDBOX_HOST: '127.0.0.2',
      TOKEN_SANDBOX_SEED: 'ci',
      TOKEN_SANDBOX_BODY_LIMIT: '2048',
      TOKEN_SANDBOX_JOURNAL_SIZE: '50',
      TOKEN_SANDBOX_STATE: '/tmp/s.json',
      TOKEN_SANDBOX_ADMIN_TOKEN: 'a-token-of-enough-length',
      TOKEN_SANDBOX_ALLOWED_HOSTS: 'a.test, .b.test',
    }
    expect(resolveServeOptions({}, env)).toEqual({
      port: 5001,
      host: '127.0.0.2',
      seed: 'ci',
      bodyLimit: 2048,
      journalSize: 50,
      stateFile: '/tmp/s.json',
      adminToken: 'a-token-of-enough-length',
      allowedHosts: ['a.test', '.b.test'],
    })
  })

  it('takes PORT as hosting platforms set it, below TOKEN_SANDBOX_PORT and --port', () => {
    expect(resolveServeOptions({}, { PORT: '8080' }).port).toBe(8080)
    expect(resolveServeOptions({}, { PORT: '8080', TOKEN_SANDBOX_PORT: '9090' }).port).toBe(9090)
    expect(resolveServeOptions({ port: '0' }, { PORT: '8080', TOKEN_SANDBOX_PORT: '9090' }).port).toBe(0)
  })

  it('lets the environment override the config file, and flags override both', () => {
    const file = config({ port: 1111, seed: 'file', journalSize: 7, allowedHosts: ['c.test'] })
    expect(resolveServeOptions({}, { TOKEN_SANDBOX_CONFIG: file })).toMatchObject({ port: 1111, seed: 'file', journalSize: 7 })
    expect(resolveServeOptions({}, { TOKEN_SANDBOX_CONFIG: file, TOKEN_SANDBOX_SEED: 'env' })).toMatchObject({ port: 1111, seed: 'env' })
    expect(resolveServeOptions({ seed: 'flag', config: file }, { TOKEN_SANDBOX_SEED: 'env' })).toMatchObject({ seed: 'flag', journalSize: 7 })
    // Allowed hosts add up: the file's, then the flags'.
    expect(resolveServeOptions({ config: file, 'allowed-host': ['d.test'] }, {}).allowedHosts).toEqual(['c.test', 'd.test'])
  })

  it('takes CORS origins from --cors, TOKEN_SANDBOX_CORS or the config file, the most specific replacing the rest', () => {
    const file = config({ cors: ['http://a.test'] })
    expect(resolveServeOptions({ config: file }, {}).cors).toEqual(['http://a.test'])
    expect(resolveServeOptions({ config: file }, { TOKEN_SANDBOX_CORS: 'http://b.test, *' }).cors).toEqual(['http://b.test', '*'])
    expect(resolveServeOptions({ config: file, cors: ['http://c.test:81'] }, { TOKEN_SANDBOX_CORS: 'http://b.test' }).cors).toEqual(['http://c.test:81'])
    expect(() => resolveServeOptions({}, { TOKEN_SANDBOX_CORS: 'b.test' })).toThrow(/^TOKEN_SANDBOX_CORS: 'b\.test' is not an origin/)
  })

  it('turns rate limits on from --rate-limits, TOKEN_SANDBOX_RATE_LIMITS or the config file, which may hold overrides', () => {
    expect(resolveServeOptions({ 'rate-limits': true }, {}).rateLimits).toBe(true)
    expect(resolveServeOptions({}, { TOKEN_SANDBOX_RATE_LIMITS: '1' }).rateLimits).toBe(true)
    const overrides = { complycube: { live: { requests: 2, perMs: 1000 } } }
    expect(resolveServeOptions({ 'rate-limits': true, config: config({ rateLimits: overrides }) }, {}).rateLimits).toEqual(overrides)
    expect(resolveServeOptions({ config: config({ rateLimits: overrides }) }, { TOKEN_SANDBOX_RATE_LIMITS: '0' }).rateLimits).toBeUndefined()
    expect(() => resolveServeOptions({ config: config({ rateLimits: 'fast' }) }, {})).toThrow(/'rateLimits' must be true, false, or per vendor/)
  })

  it('reads the admin token from a file (a Docker or Kubernetes secret), below a token given directly', () => {
    const secret = join(dir, 'admin-token')
    writeFileSync(secret, 'a-token-from-a-secret-file\n')
    expect(resolveServeOptions({}, { TOKEN_SANDBOX_ADMIN_TOKEN_FILE: secret }).adminToken).toBe('a-token-from-a-secret-file')
    expect(resolveServeOptions({ 'admin-token-file': secret }, {}).adminToken).toBe('a-token-from-a-secret-file')
    expect(resolveServeOptions({}, { TOKEN_SANDBOX_ADMIN_TOKEN_FILE: secret, TOKEN_SANDBOX_ADMIN_TOKEN: 'a-token-of-enough-length' }).adminToken).toBe('a-token-of-enough-length')
    expect(() => resolveServeOptions({ 'admin-token-file': join(dir, 'missing') }, {})).toThrow(/^cannot read --admin-token-file .*missing: ENOENT$/)
    writeFileSync(secret, 'two words are not a token')
    expect(() => resolveServeOptions({}, { TOKEN_SANDBOX_ADMIN_TOKEN_FILE: secret })).toThrow(/^TOKEN_SANDBOX_ADMIN_TOKEN_FILE \(.*admin-token\): the admin token must be 16 to 512/)
  })

  it('treats an empty variable as unset', () => {
    expect(resolveServeOptions({}, { TOKEN_SANDBOX_PORT: '', TOKEN_SANDBOX_SEED: '' })).toEqual({ port: DEFAULT_PORT })
  })

  it.each([
    [{}, { TOKEN_SANDBOX_PORT: '99999' }, /^TOKEN_SANDBOX_PORT must be a port number from 0 to 65535/],
    [{}, { PORT: 'http' }, /^PORT must be a port number/],
    [{ port: '70000' }, {}, /^--port must be a port number/],
    [{}, { TOKEN_SANDBOX_BODY_LIMIT: '0' }, /^TOKEN_SANDBOX_BODY_LIMIT must be a positive integer, got '0'/],
    [{}, { TOKEN_SANDBOX_JOURNAL_SIZE: '1e3' }, /^TOKEN_SANDBOX_JOURNAL_SIZE must be a positive integer/],
    [{}, { TOKEN_SANDBOX_ADMIN_TOKEN: 'short' }, /^TOKEN_SANDBOX_ADMIN_TOKEN: the admin token must be 16 to 512/],
    [{}, { TOKEN_SANDBOX_ALLOWED_HOSTS: 'ok.test,http://x/' }, /^TOKEN_SANDBOX_ALLOWED_HOSTS: 'http:\/\/x\/' is not a host name/],
    [{}, { TOKEN_SANDBOX_CONFIG: '/nonexistent/c.json' }, /^cannot read config file \/nonexistent\/c\.json: ENOENT/],
    [{ state: '' }, {}, /^--state needs a file path/],
  ])('refuses %j %j naming the source', (flags, env, message) => {
    expect(() => resolveServeOptions(flags, env)).toThrow(UsageError)
    expect(() => resolveServeOptions(flags, env)).toThrow(message)
  })

  it.each([
    [{ port: 70000 }, /'port' must be a port number from 0 to 65535/],
    [{ port: true }, /'port' must be a number/],
    [{ bodyLimit: -5 }, /'bodyLimit' must be a positive integer/],
    [{ host: 42 }, /'host' must be a non-empty string/],
    [{ fixtures: 'x.json' }, /'fixtures' must be an object/],
    [{ allowedHosts: 'a.test' }, /'allowedHosts' must be an array of host names/],
    [{ prot: 1 }, /unknown key 'prot' \(known: port, host/],
    ['[1]', /must hold a JSON object/],
    ['{', /is not valid JSON/],
  ])('refuses config file %j naming the file and key', (content, message) => {
    const file = config(content)
    expect(() => resolveServeOptions({ config: file }, {})).toThrow(message)
    expect(() => resolveServeOptions({ config: file }, {})).toThrow(file)
  })
})

describe('serve from the environment', () => {
  it('listens with TOKEN_SANDBOX_SEED and friends, and exits 2 naming a bad variable', async () => {
    const child = await startServe(['--quiet'], { TOKEN_SANDBOX_SEED: 'from-env', TOKEN_SANDBOX_JOURNAL_SIZE: '3' })
    try {
      const health = (await (await fetch(`${child.url}/__sandbox/health`)).json()) as { journal: { capacity: number } }
      expect(health.journal.capacity).toBe(3)
    } finally {
      await child.kill()
    }
    await expect(startServe([], { TOKEN_SANDBOX_BODY_LIMIT: 'lots' })).rejects.toThrow(/exited \(2\)[\s\S]*TOKEN_SANDBOX_BODY_LIMIT must be a positive integer, got 'lots'/)
  })
})
