// Bounded copies of strings that come from a request, for what the sandbox keeps (the journal)
// or quotes back (error messages). Plain code: it runs in the browser too (msw).

/**
 * A copy of `s` that shares no memory with it. V8 makes a slice of a long string a view into
 * its parent (a "sliced string"), so a 40-character path cut from a 200 KB URL would keep the
 * whole URL alive. Concatenating makes a cons string; slicing that flattens it into a new
 * string the size of `s`, and the result points into that, not into the original parent.
 * (Measured: 200 such slices of 200 KB strings keep 40 MB as slices, 0.5 MB as copies.)
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1)
}

/**
 * `s` when it has at most `max` characters; otherwise its first `max` (never half a surrogate
 * pair) and a marker saying how much was cut: `…[truncated 199,872 characters]`. Either way a
 * detached copy.
 */
export function clip(s: string, max: number): string {
  if (s.length <= max) return detach(s)
  let end = max
  const last = s.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return detach(s.slice(0, end)) + `…[truncated ${(s.length - end).toLocaleString('en-US')} characters]`
}

/** What an error message quotes of the input (a path, an id): enough to recognise it. */
export const QUOTE_CHARS = 256

/** `s` clipped for quoting in an error message. */
export const quote = (s: string): string => clip(s, QUOTE_CHARS)
