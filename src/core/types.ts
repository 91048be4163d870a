// The request/response types the core speaks. Transports translate to and from these.

/** A request as the core sees it: header names are lower-case; the body is raw bytes. */
export interface SandboxRequest {
  method: string
  url: URL
  headers: Record<string, string>
  /**
   * Every header with all its values, joined as Fetch's `Headers` joins them (`, `; cookie `; `):
   * set by a transport whose `headers` keep only the first of some repeated ones (node:http does
   * for authorization, user-agent, referer, host, content-type…), when a header was repeated.
   * What fault rules compare, so they match alike on both transports; everything else (a
   * vendor's credential check) reads `headers`. Default: `headers`.
   */
  joinedHeaders?: Record<string, string>
  body: Uint8Array | null
  /** Set by a transport that stopped reading because the body passed the size limit. */
  bodyTooLarge?: boolean
  /**
   * Set with `bodyTooLarge` when what stopped the read was the transport's shared budget for large
   * bodies (this many bytes, all in use), not the route's limit.
   */
  bodyBudget?: number
  /**
   * Set by a transport that reads this body only when the core asks (the standalone server, for a
   * route that takes more than the sandbox's `bodyLimit`): the core calls it once, with the
   * route's limit, after every check that needs no body (route, authentication), so a request
   * refused by those has none of its body read. `body` is null until then. It rejects only when
   * the connection is gone.
   */
  readBody?: (limit: number) => Promise<BodyRead>
  /** Set by the dispatcher: what it wrote to the journal about this request (the request log reads it). */
  recorded?: Readonly<{ vendor: string; environment: string | null; path: string; status: number; reason?: string }>
}

/** What a transport read when the core asked (`SandboxRequest.readBody`). */
export interface BodyRead {
  body: Uint8Array | null
  /** The body passed the limit and was not read further. */
  tooLarge: boolean
  /** With `tooLarge`: the shared budget (bytes) that stopped the read, when not the limit. */
  budget?: number
}

/** A JSON value or raw bytes/text; the transport serialises it. */
export type ResponseBody = unknown

export interface SandboxResponse {
  status: number
  headers: Record<string, string>
  /** `undefined` means no body (e.g. 204). Strings are sent as-is; other values as JSON. */
  body?: ResponseBody
  /** No answer at all: the transport closes the connection (an injected fault). */
  drop?: boolean
  /**
   * The request changed only run-time state that no state file keeps (faults, the rate-limit
   * setting): a server with `--state` answers it without writing the file. Set by the core from
   * the route's `unsaved`; transports send nothing of it.
   */
  unsaved?: boolean
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }
