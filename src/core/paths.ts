// Base URLs and path prefixes, compared without their trailing slashes. A loop, not
// `replace(/\/+$/, '')`: that regex retries the run of slashes from each of its positions, so a
// long run followed by anything else is quadratic.

export function trimTrailingSlashes(s: string): string {
  let end = s.length
  while (end > 0 && s.charCodeAt(end - 1) === 47) end--
  return end === s.length ? s : s.slice(0, end)
}
