// The request/response types the core speaks. Transports translate to and from these.

/** A request as the core sees it: header names are lower-case; the body is raw bytes. */
export interface SandboxRequest {
  method: string
  url: URL
  headers: Record<string, string>
  body: Uint8Array | null
  /** Set by a transport that stopped reading because the body passed the size limit. */
  bodyTooLarge?: boolean
  /** Set by the dispatcher: what it wrote to the journal about this request (the request log reads it). */
  recorded?: Readonly<{ vendor: string; environment: string | null; path: string; status: number; reason?: string }>
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
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }
