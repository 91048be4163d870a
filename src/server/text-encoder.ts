// `TextEncoder#encode` for the standalone server's own process, backed by Buffer's pool. On
// Node 20 each `encode` allocates a fresh ArrayBuffer in C++ (~1 µs for a token-sized string,
// against ~0.25 µs for `Buffer.from` out of the pool), and signing one JWT through jose encodes
// four or five strings. The bytes are the same UTF-8 (lone surrogates become U+FFFD in both);
// the result is still a plain Uint8Array, a view of a shared pool block like any small Buffer's.
// Installed with the in-line HMAC by `token-sandbox serve`, never in a user's process.

const INSTALLED = Symbol.for('token-sandbox.text-encoder')
/** Longer strings gain nothing from the pool (Buffer allocates them on their own anyway). */
const POOLED_MAX = 1024

/** Installs the pooled `encode`; idempotent. Returns a function that restores the native one. */
export function installPooledTextEncoder(): () => void {
  const proto = TextEncoder.prototype as TextEncoder & { [INSTALLED]?: () => void }
  if (proto[INSTALLED]) return proto[INSTALLED]
  const native = Object.getOwnPropertyDescriptor(proto, 'encode')!
  const nativeEncode = native.value as TextEncoder['encode']
  Object.defineProperty(proto, 'encode', {
    ...native,
    value: function encode(this: TextEncoder, input: string = ''): Uint8Array {
      // Anything unusual (another receiver, a long string) takes Node's own path, errors included.
      if (!(this instanceof TextEncoder) || typeof input !== 'string' || input.length > POOLED_MAX) {
        return nativeEncode.call(this, input)
      }
      const pooled = Buffer.from(input, 'utf8')
      return new Uint8Array(pooled.buffer, pooled.byteOffset, pooled.byteLength)
    },
  })
  const uninstall = () => {
    Object.defineProperty(proto, 'encode', native)
    delete proto[INSTALLED]
  }
  Object.defineProperty(proto, INSTALLED, { configurable: true, value: uninstall })
  return uninstall
}
