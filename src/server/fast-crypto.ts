// What jose needs to sign fast on Node 20, in a process that is only the server: HMAC for the
// sandbox's keys computed in-line (./webcrypto-hmac.ts), `Uint8Array#toBase64` (./base64.ts, a
// partial polyfill of a built-in) and a pooled `TextEncoder#encode` (./text-encoder.ts). Built-ins
// are changed, which is why this is never installed in a user's process.
// Installed by `token-sandbox serve`, and by `startServer` when asked with `tuneProcess: true`.
import { installToBase64 } from './base64.ts'
import { installWebCryptoHmac } from './webcrypto-hmac.ts'
import { installPooledTextEncoder } from './text-encoder.ts'

export function installFastCrypto(): void {
  installToBase64()
  installWebCryptoHmac()
  installPooledTextEncoder()
}
