// Request-derived text as the sandbox shows it to a person: the request log, the journal's
// paths and reasons (the dashboard, the admin API), the CLI. A client chooses that text, so
// characters a terminal or a text renderer acts on are written out as `\uXXXX` instead: C0
// controls and DEL, C1 controls (U+0080–U+009F: U+009B is an 8-bit CSI), the bidi controls
// (U+202A–U+202E, U+2066–U+2069: U+202E reverses what follows), U+2028/U+2029 (line breaks
// to JavaScript and some terminals) and lone UTF-16 surrogates (no terminal can print one).
// Plain code: it runs in the browser too (msw).

// With the `u` flag a surrogate range matches only a lone surrogate: a pair is one code point.
const SHOWN_AS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u
const SHOWN_AS_ESCAPE_ALL = new RegExp(SHOWN_AS_ESCAPE.source, 'gu')
/** The pattern's source (flags `u`), for code that runs elsewhere: the dashboard's page script. */
export const SHOWN_AS_ESCAPE_SOURCE = SHOWN_AS_ESCAPE.source

/** Whether `s` holds a character escapeControls would write out. */
export const hasControls = (s: string): boolean => SHOWN_AS_ESCAPE.test(s)

const escapeOne = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

// JSON.stringify's output already escapes C0 and lone surrogates inside strings, and holds C0
// outside them only as indentation newlines, which must stay.
const JSON_SHOWN_AS_ESCAPE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/
const JSON_SHOWN_AS_ESCAPE_ALL = new RegExp(JSON_SHOWN_AS_ESCAPE.source, 'g')
/** The JSON pattern's source, for the dashboard's page script. */
export const JSON_SHOWN_AS_ESCAPE_SOURCE = JSON_SHOWN_AS_ESCAPE.source

/**
 * JSON text (`JSON.stringify`'s output, indented or not) with the rest of those characters, which
 * it can only hold inside strings, written as `\uXXXX`: still valid JSON, of the same value.
 */
export function escapeJsonControls(json: string): string {
  return JSON_SHOWN_AS_ESCAPE.test(json) ? json.replace(JSON_SHOWN_AS_ESCAPE_ALL, escapeOne) : json
}

/**
 * `s` with every character a terminal or renderer would act on written as `\uXXXX`; `s` itself
 * when it holds none (the common case costs one linear scan). For JSON text, escapeJsonControls.
 */
export function escapeControls(s: string): string {
  return SHOWN_AS_ESCAPE.test(s) ? s.replace(SHOWN_AS_ESCAPE_ALL, escapeOne) : s
}
