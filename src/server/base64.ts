// `Uint8Array.prototype.toBase64` (ES2026) for the standalone server's own process, backed by
// Buffer. jose uses it when present instead of its btoa fallback, which is a fifth of the cost
// of signing a token on Node 20. Only encoding: decoding must stay strict, and jose's fallback
// is. Installed by `startServer`, never by the library entry points (they run in users'
// processes, whose built-ins are not ours to change).

interface ToBase64Options {
  alphabet?: 'base64' | 'base64url'
  omitPadding?: boolean
}

export function installToBase64(): void {
  if (typeof (Uint8Array.prototype as { toBase64?: unknown }).toBase64 === 'function') return
  Object.defineProperty(Uint8Array.prototype, 'toBase64', {
    configurable: true,
    writable: true,
    value: function toBase64(this: Uint8Array, options: ToBase64Options = {}): string {
      const buf = Buffer.from(this.buffer, this.byteOffset, this.byteLength)
      const url = options.alphabet === 'base64url'
      let out = buf.toString(url ? 'base64url' : 'base64')
      if (options.omitPadding) {
        if (!url) out = out.replace(/=+$/, '')
      } else if (url && out.length % 4 !== 0) {
        out += '='.repeat(4 - (out.length % 4))
      }
      return out
    },
  })
}
