// HMAC for the sandbox's own keys, computed on the calling thread with node:crypto. jose 6 signs
// and verifies through `crypto.subtle`; on Node 20 each `subtle.sign`/`verify` is a thread-pool
// job whose hand-off costs more than the HMAC itself (profiled: half the CPU of issuing a token
// on the server, and in a sequential msw test loop a wait of ~0.15 ms per token for the pool
// thread to wake). The same OpenSSL HMAC run in-line gives byte-identical signatures.
//
// Only keys the sandbox imported for its own tokens (../core/hmac-keys.ts) take this path, and
// only for the usage they were imported with. Every other call — a key of the user's, another
// algorithm, a wrong usage — goes to Node's own method with the same arguments, errors
// included. jose still does all of the JWT work.
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto'
import { sandboxHmacKeys } from '../core/hmac-keys.ts'

const NODE_HASH: Record<string, string> = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' }
const INSTALLED = Symbol.for('token-sandbox.webcrypto-hmac')

/** node:crypto secret keys for the registered CryptoKeys, made on first use. */
const secrets = new WeakMap<CryptoKey, { secret: KeyObject; hash: string } | null>()

function inlineKey(key: CryptoKey): { secret: KeyObject; hash: string } | null {
  let known = secrets.get(key)
  if (known === undefined) {
    const registered = sandboxHmacKeys.get(key)
    const hash = registered ? NODE_HASH[registered.hash] : undefined
    known = registered && hash ? { secret: createSecretKey(registered.secret), hash } : null
    secrets.set(key, known)
  }
  return known
}

/** Whether `key` is signed and verified in-line once installed (a key the sandbox imported). */
export function isInline(key: CryptoKey): boolean {
  return inlineKey(key) !== null
}

function bytesOf(data: BufferSource): Uint8Array {
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data)
}

function isHmac(algorithm: AlgorithmIdentifier): boolean {
  const name = typeof algorithm === 'string' ? algorithm : algorithm?.name
  return typeof name === 'string' && name.toUpperCase() === 'HMAC'
}

/**
 * Installs the in-line path on the global `crypto.subtle`; idempotent. Returns a function that
 * removes it again.
 */
export function installWebCryptoHmac(): () => void {
  const subtle = globalThis.crypto.subtle as SubtleCrypto & { [INSTALLED]?: () => void }
  if (subtle[INSTALLED]) return subtle[INSTALLED]
  const sign = subtle.sign.bind(subtle)
  const verify = subtle.verify.bind(subtle)

  const mac = (key: CryptoKey, usage: KeyUsage, algorithm: AlgorithmIdentifier, data: BufferSource): Buffer | null => {
    const known = inlineKey(key)
    if (!known || !isHmac(algorithm) || !key.usages.includes(usage)) return null
    return createHmac(known.hash, known.secret).update(bytesOf(data)).digest()
  }

  Object.defineProperties(subtle, {
    sign: {
      configurable: true,
      writable: true,
      value: async (algorithm: AlgorithmIdentifier, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer> => {
        const digest = mac(key, 'sign', algorithm, data)
        if (!digest) return sign(algorithm, key, data)
        // digest() returns a Buffer over its own ArrayBuffer; copy only if that ever changes.
        const whole = digest.byteOffset === 0 && digest.byteLength === digest.buffer.byteLength
        return (whole ? digest.buffer : digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength)) as ArrayBuffer
      },
    },
    verify: {
      configurable: true,
      writable: true,
      value: async (algorithm: AlgorithmIdentifier, key: CryptoKey, signature: BufferSource, data: BufferSource): Promise<boolean> => {
        const digest = mac(key, 'verify', algorithm, data)
        if (!digest) return verify(algorithm, key, signature, data)
        const given = bytesOf(signature)
        // Constant time over the MAC; its length is not secret (it follows from the hash).
        return given.byteLength === digest.byteLength && timingSafeEqual(digest, given)
      },
    },
  })
  const uninstall = () => {
    for (const name of ['sign', 'verify', INSTALLED] as const) delete (subtle as unknown as Record<PropertyKey, unknown>)[name]
  }
  Object.defineProperty(subtle, INSTALLED, { configurable: true, value: uninstall })
  return uninstall
}
