// What `token-sandbox contract` prints: colour only on a terminal (NO_COLOR when stdout is not
// one, FORCE_COLOR honoured), and the endpoint's answers, which reach the output through
// assertion messages and diffs, with every character a terminal would act on escaped. The
// endpoint here answers every request with terminal controls in its fields.
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import { afterAll, describe, expect, it } from 'vitest'
import { SOURCE_CLI } from '../support/cli.ts'
import { background } from '../support/cli-run.ts'

// OSC 0 sets the window title (BEL ends it), CSI 2J clears the screen, U+009B is an 8-bit CSI,
// U+202E reverses the text after it.
const HOSTILE = { token: '\u001b]0;owned\u0007', type: '\u001b[2Jcleared', message: '\u009b31mred\u202e', items: [] }

const hostile = createServer((req, res) => {
  req.resume()
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(HOSTILE))
  })
})
await new Promise<void>((r) => hostile.listen(0, '127.0.0.1', r))
const baseUrl = `http://127.0.0.1:${(hostile.address() as { port: number }).port}/v1`
afterAll(async () => {
  await Promise.allSettled(Object.values(runs))
  await new Promise((r) => hostile.close(r))
})

/** The CLI with stdout and stderr piped (not a terminal), colour variables only as given. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  const base: NodeJS.ProcessEnv = { ...process.env, COMPLYCUBE_API_KEY: '', TOKEN_SANDBOX_URL: '' }
  delete base.NO_COLOR
  delete base.FORCE_COLOR
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SOURCE_CLI, ...args], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c))
    child.stderr.on('data', (c: Buffer) => (out += c))
    child.on('close', (code) => resolve({ code, out }))
  })
}

const args = ['contract', 'complycube', '--base-url', baseUrl, '--api-key', 'test_contract_output_key']

// The three runs (vitest, seconds each) against the one stateless endpoint, started now; each
// test awaits its own.
const runs = {
  piped: background(cli(args)),
  forced: background(cli(args, { FORCE_COLOR: '1' })),
  noColor: background(cli(args, { FORCE_COLOR: '1', NO_COLOR: '1' })),
}

/** Raw terminal controls in `out` other than the colour codes (SGR) a coloured run may hold. */
const rawControls = (out: string) => [...out.replace(/\u001b\[[0-9;]*m/g, '').matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/g)].map((m) => m[0])

describe('contract output', () => {
  it('piped: no colour, and the endpoint’s controls written out as \\u escapes', async () => {
    const { code, out } = await runs.piped
    expect(code, out).toBe(1)
    expect(out).not.toContain('\u001b')
    expect(rawControls(out), out).toEqual([])
    // Printed, escaped: in assertion messages (the answer's text) and in diffs (its parsed fields).
    expect(out).toContain('\\u001b]0;owned\\u0007')
    expect(out).toContain('\\u001b[2Jcleared')
    expect(out).toContain('\\u009b31mred\\u202e')
  }, 120_000)

  it('FORCE_COLOR: colours, still no control from the endpoint', async () => {
    const { code, out } = await runs.forced
    expect(code, out).toBe(1)
    expect(out).toMatch(/\u001b\[\d+m/)
    expect(rawControls(out), out).toEqual([])
    expect(out).toContain('\\u001b]0;owned\\u0007')
  }, 120_000)

  it('NO_COLOR wins over FORCE_COLOR', async () => {
    const { out } = await runs.noColor
    expect(out).toMatch(/Tests .*failed/)
    expect(out).not.toContain('\u001b')
  }, 120_000)
})
