// The small HTTP client the contract suites speak through: plain fetch (msw intercepts it
// in-process; a validation proxy's checking fetch can stand in), the answer read once and parsed
// as JSON when it is JSON.
import { trimTrailingSlashes } from '../core/paths.ts'
import { escapeControls } from '../core/shown.ts'

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export interface Answer {
  status: number
  headers: Headers
  /** Parsed JSON, or the raw text when the body is not JSON; undefined when empty. */
  body: any
  text: string
}

export interface CallOptions {
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown
  /** Sent as-is (for malformed bodies); give the content type in `headers`. */
  raw?: string
  headers?: Record<string, string>
  query?: Record<string, string | number>
}

export type Caller = (method: string, path: string, options?: CallOptions) => Promise<Answer>

/**
 * A caller for one base URL. `fetchImpl` is looked up at call time, not now, so msw (which
 * patches `globalThis.fetch` when its server starts listening) is honoured.
 */
export function createCaller(baseUrl: string, fetchImpl?: FetchLike): Caller {
  const base = trimTrailingSlashes(baseUrl)
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
    let body: string | undefined
    if (options.json !== undefined) {
      body = JSON.stringify(options.json)
      headers['content-type'] ??= 'application/json'
    } else if (options.raw !== undefined) body = options.raw
    const query = options.query ? '?' + new URLSearchParams(Object.entries(options.query).map(([k, v]) => [k, String(v)])) : ''
    const doFetch = fetchImpl ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init))
    const res = await doFetch(base + path + query, { method, headers, ...(body !== undefined ? { body } : {}) })
    const text = await res.text()
    let parsed: unknown = undefined
    if (text !== '') {
      try {
        parsed = JSON.parse(text)
      } catch {
        parsed = text
      }
    }
    return { status: res.status, headers: res.headers, body: parsed, text }
  }
}

/** One line describing an answer, for assertion messages. */
export function show(answer: Answer): string {
  const text = answer.text.length > 400 ? answer.text.slice(0, 400) + '…' : answer.text
  // The endpoint's text, shown in a failure message: what a terminal would act on is escaped.
  return `HTTP ${answer.status} ${escapeControls(text)}`
}
