// Terminal control through the request log: a cross-site page can send CAF's BFF (it answers
// CORS for any origin) a token whose `iss` holds U+009B (8-bit CSI), U+0085 (NEL), U+202E
// (right-to-left override) and U+2028; the refusal reason quotes it. Wherever request text is
// shown — `--log pretty`, the JSON log, the journal (admin API, dashboard), the CLI — such
// characters are written as `\uXXXX` (src/core/shown.ts), and the JSON log stays one valid
// object a line. Driven through `serve` and `decode` as processes.
import { spawnSync } from 'node:child_process'
import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { SOURCE_CLI } from '../support/cli.ts'
import { startServe, type ServeChild } from '../support/serve-child.ts'

const ISS = 'evil\u009b31m\u0085next\u202eexe.txt\u2028line\u2029\u2066x\u2069\u0007'
const RAW = ['\u009b', '\u0085', '\u202e', '\u2028', '\u2029', '\u2066', '\u2069', '\u0007']
const ESCAPED = ['\\u009b', '\\u0085', '\\u202e', '\\u2028', '\\u2029', '\\u2066', '\\u2069', '\\u0007']

const token = () =>
  new SignJWT({ iss: ISS, peopleId: '12345678909' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt().sign(new TextEncoder().encode('attacker-secret'))

/** Sends the attack as a cross-site page would, and waits for the log line. */
async function attack(child: ServeChild): Promise<void> {
  const res = await fetch(`${child.url}/caf/prod/bff/session-tokens`, { headers: { authorization: `Bearer ${await token()}`, origin: 'https://evil.example' } })
  expect(res.status).toBe(401)
  await res.text()
  for (let i = 0; i < 50 && !child.stdout().includes('session-tokens'); i++) await new Promise((r) => setTimeout(r, 50))
}

const expectNoRaw = (text: string) => {
  for (const c of RAW) expect(text.includes(c), `raw U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`).toBe(false)
}

describe('a CAF BFF token whose iss holds C1, bidi and line-separator characters', () => {
  it('is shown escaped in the pretty log and in the journal', async () => {
    const child = await startServe(['--log', 'pretty'])
    try {
      await attack(child)
      const line = child.stdout().split('\n').find((l) => l.includes('/caf/prod/bff/session-tokens'))!
      expect(line).toBeDefined()
      const bytes = Buffer.from(child.stdout(), 'utf8')
      // No C1 byte pair (C2 80–C2 9F) and no bidi/separator sequence (E2 80 A8–AE, E2 81 A6–A9) reaches the terminal.
      for (let i = 0; i + 1 < bytes.length; i++) expect(bytes[i] === 0xc2 && bytes[i + 1]! >= 0x80 && bytes[i + 1]! <= 0x9f, `C1 at byte ${i}`).toBe(false)
      expect(bytes.includes(Buffer.from('\u202e'))).toBe(false)
      expect(bytes.includes(Buffer.from('\u2028'))).toBe(false)
      expect(bytes.includes(0x07)).toBe(false)
      expect(line).toContain(`unknown iss: no Mobile Key has clientId evil\\u009b31m\\u0085next\\u202eexe.txt\\u2028line\\u2029\\u2066x\\u2069\\u0007`)

      const journal = await (await fetch(`${child.url}/__sandbox/requests?vendor=caf`)).text()
      expectNoRaw(journal)
      const entry = (JSON.parse(journal) as { requests: { reason?: string }[] }).requests.at(-1)!
      for (const e of ESCAPED) expect(entry.reason).toContain(e)
    } finally {
      await child.kill()
    }
  }, 60_000)

  it('keeps the JSON log one valid object a line, with no such character left raw', async () => {
    const child = await startServe(['--log', 'json'])
    try {
      await attack(child)
      const lines = child.stdout().split('\n').filter((l) => l.startsWith('{'))
      for (const l of lines) expect(() => JSON.parse(l)).not.toThrow()
      const line = lines.find((l) => l.includes('session-tokens'))!
      expectNoRaw(line)
      expect(JSON.parse(line), line).toMatchObject({ vendor: 'caf', status: 401, reason: expect.stringContaining('evil\\u009b31m') })
    } finally {
      await child.kill()
    }
  }, 60_000)
})

describe('token-sandbox decode of such a token', () => {
  it('prints JSON with the same value and no such character raw', async () => {
    const out = spawnSync(process.execPath, [...SOURCE_CLI, 'decode', await token()], { encoding: 'utf8', timeout: 30_000 })
    expect(out.status, out.stderr).toBe(0)
    expectNoRaw(out.stdout)
    expect((JSON.parse(out.stdout) as { payload: { iss: string } }).payload.iss).toBe(ISS)
  }, 60_000)
})
