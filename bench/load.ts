// One autocannon run, bounded in time (or in request count), against 127.0.0.1 only.
import autocannon from 'autocannon'

export interface LoadRequest {
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: string
  /** Called before every request: what changes per request (a fresh token, a fresh id). */
  fresh?: () => { headers?: Record<string, string>; body?: string }
}

export interface LoadResult {
  requestsPerSec: number
  latencyP50: number
  latencyP99: number
  requests: number
  errors: number
  non2xx: number
  peakRssBytes?: number
}

export async function load(
  url: string,
  request: LoadRequest,
  opts: { connections: number; durationSec?: number; amount?: number; sampleRss?: () => number },
): Promise<LoadResult> {
  const target = new URL(url)
  if (target.hostname !== '127.0.0.1') throw new Error(`refusing to load ${target.hostname}: 127.0.0.1 only`)
  let peak = 0
  const timer = opts.sampleRss ? setInterval(() => (peak = Math.max(peak, opts.sampleRss!())), 200) : null
  const fresh = request.fresh
  const result = await autocannon({
    url: url + request.path,
    method: request.method,
    headers: request.headers ?? {},
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(fresh
      ? {
          requests: [
            {
              setupRequest: (req: autocannon.Request) => {
                const f = fresh()
                return { ...req, ...(f.body !== undefined ? { body: f.body } : {}), headers: { ...req.headers, ...f.headers } }
              },
            },
          ],
        }
      : {}),
    connections: opts.connections,
    pipelining: 1,
    ...(opts.amount !== undefined ? { amount: opts.amount } : { duration: opts.durationSec ?? 10 }),
    // A hard stop even for `amount` runs: never more than 10 minutes.
    timeout: 10,
  })
  if (timer) clearInterval(timer)
  return {
    requestsPerSec: Math.round(result.requests.average),
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    ...(opts.sampleRss ? { peakRssBytes: peak } : {}),
  }
}
