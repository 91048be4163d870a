// JSON bodies are parsed once, here, with the size limit applied first.

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; problem: 'too_large' | 'content_type' | 'malformed'; detail: string }

const decoder = new TextDecoder('utf-8', { fatal: true })

export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase()
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))
}

export function parseJsonBody(
  body: Uint8Array | null,
  contentType: string | undefined,
  limit: number,
): BodyResult {
  if (body === null || body.length === 0) return { ok: true, value: undefined }
  if (body.length > limit) return { ok: false, problem: 'too_large', detail: `body is ${body.length} bytes` }
  if (!isJsonContentType(contentType)) {
    return { ok: false, problem: 'content_type', detail: `content-type ${contentType ?? '(none)'}` }
  }
  let text: string
  try {
    text = decoder.decode(body)
  } catch {
    return { ok: false, problem: 'malformed', detail: 'body is not valid UTF-8' }
  }
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (err) {
    return { ok: false, problem: 'malformed', detail: err instanceof Error ? err.message : 'invalid JSON' }
  }
}
