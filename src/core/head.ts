// HEAD is answered as GET without the body: same status and headers, and the content-length
// the body would have had (RFC 9110 §9.3.2).
import type { SandboxResponse } from './types.ts'

const encoder = new TextEncoder()

export function headAnswer(res: SandboxResponse): SandboxResponse {
  if (res.body === undefined) return res
  const body = res.body
  const length = body instanceof Uint8Array ? body.byteLength : encoder.encode(typeof body === 'string' ? body : JSON.stringify(body)).byteLength
  return { ...res, headers: { ...res.headers, 'content-length': String(length) }, body: undefined }
}
