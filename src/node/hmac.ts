// HMAC through node:crypto, for the sandbox's own tokens in Node. WebCrypto's `subtle.sign`
// runs each HMAC as a libuv thread-pool job, whose hand-off costs more than the HMAC: in a
// sequential msw test loop it about doubled the time of a token request (`npm run bench`).
import { createHmac, createSecretKey } from 'node:crypto'
import type { Hmac, HmacHash } from '../core/hmac.ts'

const NODE_HASH: Record<HmacHash, string> = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' }

export const nodeHmac: Hmac = (hash, secret) => {
  // Refused as WebCrypto refuses it, so a secret signs under both or neither.
  if (secret.byteLength === 0) throw new TypeError('an HMAC secret cannot be empty')
  const key = createSecretKey(secret)
  const name = NODE_HASH[hash]
  return (data) => createHmac(name, key).update(data).digest()
}
