import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CompactSign, compactVerify, errors } from 'jose'
import { installWebCryptoHmac, isInline } from '../../src/server/webcrypto-hmac.ts'
import { sandboxHmacKeys } from '../../src/core/hmac-keys.ts'
import { createJwtService } from '../../src/core/jwt.ts'
import { createClock } from '../../src/core/clock.ts'

// HMAC for the sandbox's own keys computed in-line. Every answer must be exactly what Node's own
// WebCrypto gives for the same bytes: an unregistered import of the same secret is the reference.
const subtle = globalThis.crypto.subtle
const HASHES = ['SHA-256', 'SHA-384', 'SHA-512'] as const
const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 7) & 0xff)
const importHmac = (secret: Uint8Array, hash: string, usages: KeyUsage[] = ['sign', 'verify']): Promise<CryptoKey> =>
  subtle.importKey('raw', secret as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash }, false, usages)
/** A key as the JWT service imports it: registered with its bytes. */
const sandboxKey = async (secret: Uint8Array, hash: string, usages?: KeyUsage[]) => {
  const key = await importHmac(secret, hash, usages)
  sandboxHmacKeys.set(key, { secret: secret.slice(), hash })
  return key
}

describe('in-line HMAC for the sandbox’s own keys', () => {
  let uninstall: () => void
  beforeAll(() => {
    uninstall = installWebCryptoHmac()
  })
  afterAll(() => uninstall())

  it('signs byte for byte as Node does, for each hash, key length and message length', async () => {
    for (const hash of HASHES) {
      for (const n of [1, 32, 64, 65, 200]) {
        const ours = await sandboxKey(bytes(n, n), hash)
        const nodes = await importHmac(bytes(n, n), hash)
        expect([isInline(ours), isInline(nodes)]).toEqual([true, false])
        for (const len of [0, 1, 55, 64, 1000]) {
          const data = bytes(len, len + 1)
          const expected = new Uint8Array(await subtle.sign('HMAC', nodes, data))
          expect(new Uint8Array(await subtle.sign('HMAC', ours, data)), `${hash} key ${n} data ${len}`).toEqual(expected)
          expect(await subtle.sign({ name: 'hmac' }, ours, data.buffer)).toBeInstanceOf(ArrayBuffer)
        }
      }
    }
  })

  it('verifies the right MAC only: a flipped bit, a short or an empty MAC is false', async () => {
    const key = await sandboxKey(bytes(32, 1), 'SHA-256')
    const data = new DataView(bytes(100, 2).buffer, 10, 50)
    const mac = new Uint8Array(await subtle.sign('HMAC', key, data))
    expect(await subtle.verify('HMAC', key, mac, data)).toBe(true)
    const flipped = mac.slice()
    flipped[31] = flipped[31]! ^ 1
    expect(await subtle.verify('HMAC', key, flipped, data)).toBe(false)
    expect(await subtle.verify('HMAC', key, mac.subarray(0, 16), data)).toBe(false)
    expect(await subtle.verify('HMAC', key, new Uint8Array(0), data)).toBe(false)
    expect(await subtle.verify('HMAC', await sandboxKey(bytes(32, 2), 'SHA-256'), mac, data)).toBe(false)
  })

  it('leaves wrong usages to Node, which refuses them as WebCrypto does', async () => {
    const verifyOnly = await sandboxKey(bytes(32, 4), 'SHA-256', ['verify'])
    await expect(subtle.sign('HMAC', verifyOnly, bytes(4, 4))).rejects.toMatchObject({ name: 'InvalidAccessError' })
    const signOnly = await sandboxKey(bytes(32, 4), 'SHA-256', ['sign'])
    await expect(subtle.verify('HMAC', signOnly, new Uint8Array(32), bytes(4, 4))).rejects.toMatchObject({ name: 'InvalidAccessError' })
  })

  it('leaves everyone else’s keys and other algorithms to Node', async () => {
    const jwk = await subtle.importKey('jwk', { kty: 'oct', k: Buffer.from(bytes(32, 5)).toString('base64url'), alg: 'HS256' }, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
    expect(isInline(jwk)).toBe(false)
    expect(new Uint8Array(await subtle.sign('HMAC', jwk, bytes(8, 8)))).toEqual(new Uint8Array(await subtle.sign('HMAC', await sandboxKey(bytes(32, 5), 'SHA-256'), bytes(8, 8))))
    const pair = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair
    const signature = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, bytes(8, 8))
    expect(await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pair.publicKey, signature, bytes(8, 8))).toBe(true)
  })

  it('is what jose signs and verifies through: a tampered token is still refused', async () => {
    const key = await sandboxKey(bytes(32, 7), 'SHA-256')
    const jws = await new CompactSign(new TextEncoder().encode('{"sub":"a"}')).setProtectedHeader({ alg: 'HS256' }).sign(key)
    expect(new TextDecoder().decode((await compactVerify(jws, key)).payload)).toBe('{"sub":"a"}')
    expect((await compactVerify(jws, await importHmac(bytes(32, 7), 'SHA-256'))).payload).toBeDefined()
    const [h, , s] = jws.split('.')
    const forged = `${h}.${Buffer.from('{"sub":"b"}').toString('base64url')}.${s}`
    await expect(compactVerify(forged, key)).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed)
  })

  it('takes the keys the JWT service imports, and what it signs verifies with Node’s own key', async () => {
    const jwt = createJwtService(createClock())
    const token = await jwt.signHmac({ sub: 'x', iat: 1 }, 'the-sandbox-secret-0123456789abcdef')
    const reference = await importHmac(new TextEncoder().encode('the-sandbox-secret-0123456789abcdef'), 'SHA-256')
    expect(isInline(reference)).toBe(false)
    await expect(compactVerify(token, reference)).resolves.toBeDefined()
    expect(await jwt.verifyHmac(token, 'the-sandbox-secret-0123456789abcdef')).toMatchObject({ ok: true })
    expect(await jwt.verifyHmac(token, 'another-secret-0123456789abcdef-xx')).toMatchObject({ ok: false, reason: 'bad_signature' })
  })

  it('installs once, and uninstalls back to Node’s own methods', () => {
    expect(installWebCryptoHmac()).toBe(uninstall)
    expect(Object.getOwnPropertyNames(subtle)).toEqual(expect.arrayContaining(['sign', 'verify']))
    uninstall()
    expect(Object.getOwnPropertyNames(subtle)).not.toContain('sign')
    uninstall = installWebCryptoHmac()
  })
})
