// CPF handling. CAF strips `.`, `-` and `/` from an identifier made only of digits and those
// symbols (it reads it as a document mask), so `123.456.789-09` and `12345678909` are the same
// person. Check digits are not validated by CAF at the token layer; here that is opt-in.

const MASKED_DOCUMENT = /^[\d./-]+$/

/** Strips a document mask; any other identifier is returned unchanged. */
export function normalisePersonId(value: string): string {
  const trimmed = value.trim()
  return MASKED_DOCUMENT.test(trimmed) ? trimmed.replace(/[./-]/g, '') : trimmed
}

/** Eleven digits once the mask is gone. */
export function isCpfShaped(value: string): boolean {
  return /^\d{11}$/.test(normalisePersonId(value))
}

/** Mod-11 check digits; repeated-digit numbers (111.111.111-11) pass the arithmetic but are not issued. */
export function hasValidCpfCheckDigits(value: string): boolean {
  const digits = normalisePersonId(value)
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false
  const d = [...digits].map(Number)
  const check = (length: number) => {
    let sum = 0
    for (let i = 0; i < length; i++) sum += d[i]! * (length + 1 - i)
    const rest = sum % 11
    return rest < 2 ? 0 : 11 - rest
  }
  return check(9) === d[9] && check(10) === d[10]
}
