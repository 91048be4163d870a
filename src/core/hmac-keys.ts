// The HMAC keys the sandbox imports for its own tokens, with their bytes. The JWT service
// records each key it imports here; on Node, ../server/webcrypto-hmac.ts computes HMAC for these
// keys (and only these) in-line instead of on libuv's thread pool. Plain code: it runs in the
// browser too, where nothing reads it.

export interface SandboxHmacKey {
  secret: Uint8Array
  /** WebCrypto hash name: SHA-256, SHA-384 or SHA-512. */
  hash: string
}

export const sandboxHmacKeys = new WeakMap<CryptoKey, SandboxHmacKey>()
