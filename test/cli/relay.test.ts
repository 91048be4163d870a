// src/cli/relay.ts: what `contract` relays from vitest, escaped for a terminal. Through the real
// CLI in test/cli/contract-output.test.ts; here the rules, one by one.
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { escapeOutput, escapingStream, relayStreams } from '../../src/cli/relay.ts'

const SGR = '\u001b[31m'
const RESET = '\u001b[39m'

describe('escapeOutput', () => {
  it('keeps line breaks and tabs; writes every other control out as \\uXXXX', () => {
    expect(escapeOutput('a\tb\nc\r\u0007\u009b\u202e', false)).toBe('a\tb\nc\\u000d\\u0007\\u009b\\u202e')
  })

  it('without colour, no escape sequence survives, not even a colour', () => {
    expect(escapeOutput(`${SGR}red${RESET}`, false)).toBe('\\u001b[31mred\\u001b[39m')
  })

  it('with colour, keeps colour codes only: never a title, a cursor move, an erase or a device query', () => {
    expect(escapeOutput(`${SGR}red${RESET} \u001b[1;2;3m`, true)).toBe(`${SGR}red${RESET} \u001b[1;2;3m`)
    expect(escapeOutput('\u001b]0;owned\u0007', true)).toBe('\\u001b]0;owned\\u0007')
    expect(escapeOutput('\u001b[2J\u001b[1A\u001b[6n\u001b[?25l', true)).toBe('\\u001b[2J\\u001b[1A\\u001b[6n\\u001b[?25l')
  })

  it('is linear in its input', () => {
    const long = '\u001b['.repeat(50_000) + '1'.repeat(50_000)
    const started = performance.now()
    expect(escapeOutput(long, true)).toHaveLength(long.length + 5 * 50_000)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('escapingStream', () => {
  async function through(chunks: (string | Buffer)[], colours: boolean): Promise<string> {
    const target = new PassThrough()
    let out = ''
    target.on('data', (c: Buffer) => (out += c))
    const stream = escapingStream(target, colours)
    for (const chunk of chunks) await new Promise<void>((r) => stream.write(chunk, () => r()))
    await new Promise<void>((r) => stream.end(() => r()))
    return out
  }

  it('a colour code cut between two writes is still a colour code', async () => {
    expect(await through(['a\u001b[3', '1mred'], true)).toBe(`a${SGR}red`)
    expect(await through(['a\u001b', '[31mred'], true)).toBe(`a${SGR}red`)
  })

  it('a character cut between two byte chunks is one character', async () => {
    const bytes = Buffer.from('é\u202e')
    expect(await through([bytes.subarray(0, 1), bytes.subarray(1)], false)).toBe('é\\u202e')
  })

  it('what is held at the end is written, escaped', async () => {
    expect(await through(['x\u001b['], true)).toBe('x\\u001b[')
  })
})

describe('relayStreams', () => {
  it('writes to the streams it is given, colours as NO_COLOR says', async () => {
    const [out, err] = [new PassThrough(), new PassThrough()]
    const texts = { out: '', err: '' }
    out.on('data', (c: Buffer) => (texts.out += c))
    err.on('data', (c: Buffer) => (texts.err += c))
    const coloured = relayStreams({ stdout: out, stderr: err }, {})
    await new Promise<void>((r) => coloured.stdout.write(`${SGR}a\u0007\n`, () => r()))
    const plain = relayStreams({ stdout: out, stderr: err }, { NO_COLOR: '1' })
    await new Promise<void>((r) => plain.stderr.write(`${SGR}b\n`, () => r()))
    expect(texts).toEqual({ out: `${SGR}a\\u0007\n`, err: '\\u001b[31mb\n' })
  })
})
