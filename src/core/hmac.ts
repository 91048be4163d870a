// How the sandbox computes the HMAC of the tokens it signs itself. The core takes it as a
// parameter: WebCrypto by default (the browser bundle), node:crypto from the Node entry points
// (../node/hmac.ts). Tokens presented by clients are still verified by jose.

export type HmacHash = 'SHA-256' | 'SHA-384' | 'SHA-512'

/** A MAC function for one secret: the raw HMAC of `data`. */
export type HmacSign = (data: Uint8Array<ArrayBuffer>) => Uint8Array | Promise<Uint8Array>

/** Makes the MAC function for `secret` under `hash`; called once per secret and hash. */
export type Hmac = (hash: HmacHash, secret: Uint8Array<ArrayBuffer>) => HmacSign

/** HMAC through `crypto.subtle`, in any runtime that has WebCrypto. */
export const webCryptoHmac: Hmac = (hash, secret) => {
  const key = globalThis.crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash }, false, ['sign'])
  return async (data) => new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', await key, data))
}
