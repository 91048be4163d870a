// Password comparison without an early exit, so the time taken does not tell an attacker how
// many leading characters were right. (node:crypto's timingSafeEqual is not available in the
// browser bundle, and it throws on unequal lengths.)
const encoder = new TextEncoder()

export function constantTimeEqual(expected: string, given: string): boolean {
  const a = encoder.encode(expected)
  const b = encoder.encode(given)
  // Loop over the given value's length: its length is the caller's own knowledge anyway.
  let diff = a.length ^ b.length
  for (let i = 0; i < b.length; i++) diff |= (a[i] ?? 0) ^ b[i]!
  return diff === 0
}
