// Ids and secrets. Random by default; with a seed, the same sequence every run, so snapshots
// and fixtures stay stable.

export interface Ids {
  /** `n` lowercase hex characters (ComplyCube ids are 24). */
  hex(n: number): string
  /** An RFC 4122 version-4 UUID. */
  uuid(): string
  /** A URL-safe secret of `n` characters. */
  secret(n: number): string
  /** Raw random bytes. */
  bytes(n: number): Uint8Array
  /**
   * The seeded generator's position (null when ids are random), so a sandbox restored from a
   * state file goes on where it stopped instead of handing out the same ids again.
   */
  position(): number[] | null
  /** Moves a seeded generator to a `position()`; ignored when ids are random. */
  seek(position: number[]): void
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
/** Two hex digits per byte value, looked up rather than formatted: ids are made on every token. */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'))
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0))

/** cyrb128: turns a string seed into four 32-bit words for the PRNG. */
function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0]
}

interface Generator {
  fill(out: Uint8Array): void
  position(): number[] | null
  seek(position: number[]): void
}

/** sfc32: a small, fast PRNG; good enough for ids, never used for real secrets. */
function sfc32(seed: string): Generator {
  let [a, b, c, d] = hashSeed(seed)
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return t >>> 0
  }
  return {
    fill(out) {
      for (let i = 0; i < out.length; i++) out[i] = next() & 0xff
    },
    position: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0],
    seek(position) {
      if (position.length !== 4 || !position.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffffffff)) {
        throw new RangeError('an id generator position is four unsigned 32-bit integers')
      }
      ;[a, b, c, d] = position as [number, number, number, number]
    },
  }
}

/**
 * Random bytes drawn from a pool refilled 4 KiB at a time: one getRandomValues call per
 * request costs more than the rest of id generation.
 */
function pooledRandom(): (out: Uint8Array<ArrayBuffer>) => void {
  const pool = new Uint8Array(4096)
  let offset = pool.length
  return (out) => {
    if (out.length > pool.length) {
      globalThis.crypto.getRandomValues(out)
      return
    }
    if (offset + out.length > pool.length) {
      globalThis.crypto.getRandomValues(pool)
      offset = 0
    }
    out.set(pool.subarray(offset, offset + out.length))
    offset += out.length
  }
}

export function createIds(seed?: string): Ids {
  const generator: Generator =
    seed === undefined ? { fill: pooledRandom(), position: () => null, seek: () => {} } : sfc32(seed)
  const fill = generator.fill
  const uuidChars: number[] = new Array(36).fill(0)
  const uuidBytes = new Uint8Array(16)

  const bytes = (n: number) => {
    const out = new Uint8Array(n)
    fill(out)
    return out
  }
  const hex = (n: number) => {
    const raw = bytes(Math.ceil(n / 2))
    let s = ''
    for (const b of raw) s += HEX[b]
    return s.slice(0, n)
  }
  return {
    bytes,
    hex,
    position: generator.position,
    seek: generator.seek,
    uuid() {
      const b = uuidBytes
      fill(b)
      b[6] = (b[6]! & 0x0f) | 0x40
      b[8] = (b[8]! & 0x3f) | 0x80
      // Character codes into a reused array, one string at the end: building it by concatenation
      // allocated a string per byte, and a token request makes one of these.
      let at = 0
      for (let i = 0; i < 16; i++) {
        if (i === 4 || i === 6 || i === 8 || i === 10) uuidChars[at++] = 45 // '-'
        uuidChars[at++] = HEX_CODES[b[i]! >> 4]!
        uuidChars[at++] = HEX_CODES[b[i]! & 15]!
      }
      return String.fromCharCode.apply(null, uuidChars)
    },
    secret(n) {
      const raw = bytes(n)
      let s = ''
      for (const b of raw) s += ALPHABET[b % ALPHABET.length]
      return s
    },
  }
}
