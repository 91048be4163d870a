// `Content-Signature`, which CAF's web DocumentDetector puts on every SDK API call: HMAC-SHA256
// over the JSON body, as 64 lowercase hex characters. Its key is one fixed string per
// environment hidden in CAF's bundle, the same for every integrator; the sandbox must not ship
// it, so it checks the header's form, not its value (docs/vendors/caf.md).

const FORM = /^[0-9a-f]{64}$/

export const SIGNATURE_MESSAGE = 'The request signature is not valid'

/** Why the header is refused, for the journal; null when its form is right. */
export function contentSignatureProblem(header: string | undefined): string | null {
  if (header === undefined || header.trim() === '') return 'no Content-Signature header'
  if (!FORM.test(header.trim())) return 'Content-Signature must be 64 lowercase hex characters (an HMAC-SHA256)'
  return null
}
