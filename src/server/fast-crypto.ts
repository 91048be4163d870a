// What jose needs to sign fast on Node 20, in a process that is only the server: HMAC for the
// sandbox's keys computed in-line (./webcrypto-hmac.ts) and `Uint8Array#toBase64` (./base64.ts,
// a partial polyfill of a built-in, which is why it is never installed in a user's process).
// Installed by `token-sandbox serve`, and by `startServer` when asked with `tuneProcess: true`.
import { installToBase64 } from './base64.ts'
import { installWebCryptoHmac } from './webcrypto-hmac.ts'

export function installFastCrypto(): void {
  installToBase64()
  installWebCryptoHmac()
}
