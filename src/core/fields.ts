// Vendors refuse fields they do not know, so a typo (`peopleID`) fails loudly instead of being
// ignored: the check every vendor's validation starts with, written once.

/** The own keys of `body` that `allowed` does not name, in the body's order. */
export function unknownFields(body: Record<string, unknown>, allowed: ReadonlySet<string> | readonly string[]): string[] {
  const known = (key: string) => ('has' in allowed ? allowed.has(key) : allowed.includes(key))
  return Object.keys(body).filter((key) => !known(key))
}
