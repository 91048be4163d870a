import { describe, expect, it } from 'vitest'
import { installToBase64 } from '../../src/server/base64.ts'

// Checked against Buffer's reference encodings (RFC 4648), for every padding length.
describe('Uint8Array.prototype.toBase64 as the server installs it', () => {
  installToBase64()
  const toBase64 = (bytes: Uint8Array, options?: object) =>
    (bytes as Uint8Array & { toBase64(o?: object): string }).toBase64(options)

  it.each([[[]], [[0xfb]], [[0xfb, 0xff]], [[0xfb, 0xff, 0xbf]], [[0, 1, 2, 3, 254, 255, 62, 63]]])('encodes %j in all four forms', (list) => {
    const bytes = new Uint8Array(list as number[])
    const std = Buffer.from(bytes).toString('base64')
    const url = Buffer.from(bytes).toString('base64url')
    expect(toBase64(bytes)).toBe(std)
    expect(toBase64(bytes, { omitPadding: true })).toBe(std.replace(/=+$/, ''))
    expect(toBase64(bytes, { alphabet: 'base64url', omitPadding: true })).toBe(url)
    expect(toBase64(bytes, { alphabet: 'base64url' })).toBe(url.padEnd(Math.ceil(url.length / 4) * 4, '='))
  })

  it('encodes only the view, not the whole underlying buffer', () => {
    const whole = new Uint8Array([1, 2, 3, 4, 5, 6])
    expect(toBase64(whole.subarray(2, 4))).toBe(Buffer.from([3, 4]).toString('base64'))
  })
})
