// `token-sandbox token caf`: signs the documented token locally, from flags or CAF_CLIENT_ID /
// CAF_CLIENT_SECRET, and never prints the secret. Runs the sources (not a prebuilt bundle).
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { decodeProtectedHeader, jwtVerify } from 'jose'
import { KEYS } from './support.ts'
import { SOURCE_CLI } from '../../support/cli.ts'

const secret = new TextEncoder().encode(KEYS.prod.clientSecret)

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [...SOURCE_CLI, 'token', 'caf', ...args], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, CAF_CLIENT_ID: '', CAF_CLIENT_SECRET: '', ...env },
  })
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr }
}

describe('token-sandbox token caf', () => {
  it('prints a token that verifies with jose against the clientSecret, with the documented claims', async () => {
    const before = Math.floor(Date.now() / 1000)
    const r = run(['--client-id', KEYS.prod.clientId, '--client-secret', KEYS.prod.clientSecret, '--people-id', '123.456.789-09', '--expires-in', '5m'])
    expect(r.code).toBe(0)
    expect(decodeProtectedHeader(r.stdout)).toEqual({ alg: 'HS256', typ: 'JWT' })
    const { payload } = await jwtVerify(r.stdout, secret, { algorithms: ['HS256'] })
    expect(Object.keys(payload)).toEqual(['iss', 'exp', 'peopleId'])
    expect(payload).toMatchObject({ iss: KEYS.prod.clientId, peopleId: '123.456.789-09' })
    expect(payload.exp! - before).toBeGreaterThanOrEqual(299)
    expect(payload.exp! - before).toBeLessThanOrEqual(330)
    expect(r.stdout + r.stderr).not.toContain(KEYS.prod.clientSecret)
  })

  it('takes the credentials from CAF_CLIENT_ID and CAF_CLIENT_SECRET; without --expires-in there is no exp', async () => {
    const r = run([], { CAF_CLIENT_ID: KEYS.prod.clientId, CAF_CLIENT_SECRET: KEYS.prod.clientSecret })
    expect(r.code).toBe(0)
    const { payload } = await jwtVerify(r.stdout, secret)
    expect(payload).toEqual({ iss: KEYS.prod.clientId })
  })

  it('prints { token, header, payload } with --json', async () => {
    const r = run(['--client-id', 'abc', '--client-secret', KEYS.prod.clientSecret, '--json'])
    const out = JSON.parse(r.stdout)
    expect(out.header).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(out.payload).toEqual({ iss: 'abc' })
    expect((await jwtVerify(out.token, secret)).payload.iss).toBe('abc')
  })

  it.each([
    [['--client-id', 'abc'], /clientSecret is required/],
    [['--client-secret', 'shh-do-not-print'], /clientId is required/],
    [['--client-id', 'abc', '--client-secret', 'shh-do-not-print', '--expires-in', 'soon'], /--expires-in must be a positive duration/],
    [['--client-id', 'abc', '--client-secret', 'shh-do-not-print', '--bogus'], /Unknown option '--bogus'/],
  ])('exits 2 with a clear message for %j, never echoing the secret', (args, message) => {
    const r = run(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr + r.stdout).not.toContain('shh-do-not-print')
  })

  it('prints its usage with --help', () => {
    const r = run(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('--client-secret')
  })
})
