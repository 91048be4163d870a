import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installPooledTextEncoder } from '../../src/server/text-encoder.ts'

// The pooled encode must give exactly the bytes Node's own gives, as a plain Uint8Array.
const nativeEncode = TextEncoder.prototype.encode

describe('the pooled TextEncoder#encode (server process only)', () => {
  let uninstall: () => void
  beforeAll(() => {
    uninstall = installPooledTextEncoder()
  })
  afterAll(() => uninstall())

  const encoder = new TextEncoder()
  const reference = (s?: string) => nativeEncode.call(encoder, s)

  it('encodes byte for byte as Node does: ASCII, multi-byte, emoji, lone surrogates, empty', () => {
    const samples = ['', 'a', '{"alg":"HS256","typ":"JWT"}', 'ção ü €', '👩‍💻 𝄞', 'x\ud800y', '\udc00', 'a'.repeat(1024), 'é'.repeat(1000)]
    for (const s of samples) {
      const ours = encoder.encode(s)
      expect(Object.getPrototypeOf(ours)).toBe(Uint8Array.prototype)
      expect(Array.from(ours), JSON.stringify(s)).toEqual(Array.from(reference(s)))
    }
  })

  it('treats a missing input as the empty string, as the built-in does', () => {
    expect(encoder.encode()).toEqual(new Uint8Array(0))
    expect(encoder.encode(undefined)).toEqual(new Uint8Array(0))
  })

  it('hands long strings, non-strings and foreign receivers to the built-in, errors included', () => {
    const long = 'z'.repeat(5000)
    const ours = encoder.encode(long)
    expect(ours.byteOffset).toBe(0)
    expect(ours.buffer.byteLength).toBe(5000)
    expect(Array.from(encoder.encode(42 as unknown as string))).toEqual([0x34, 0x32])
    expect(() => encoder.encode(Symbol('s') as unknown as string)).toThrow(TypeError)
    expect(() => TextEncoder.prototype.encode.call({} as TextEncoder, 'a')).toThrow()
  })

  it('gives each call its own bytes: a later encode never changes an earlier result', () => {
    const first = encoder.encode('first token payload')
    const copy = Array.from(first)
    for (let i = 0; i < 2000; i++) encoder.encode(`filler ${i} `.repeat(8))
    expect(Array.from(first)).toEqual(copy)
  })

  it('installs once and uninstalls back to the built-in', () => {
    expect(installPooledTextEncoder()).toBe(uninstall)
    expect(TextEncoder.prototype.encode).not.toBe(nativeEncode)
    uninstall()
    expect(TextEncoder.prototype.encode).toBe(nativeEncode)
    uninstall = installPooledTextEncoder()
  })
})
