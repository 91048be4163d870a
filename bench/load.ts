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
  /** 2xx answers per second: an error answer is not throughput. */
  requestsPerSec: number
  /** All answers per second, whatever their status. */
  answersPerSec: number
  latencyP50: number
  latencyP99: number
  requests: number
  errors: number
  non2xx: number
  peakRssBytes?: number
}

/** A request in the form autocannon's `requests` takes, `fresh` applied before each send. */
function step(r: LoadRequest): autocannon.Request {
  const fresh = r.fresh
  return {
    method: r.method,
    path: r.path,
    headers: r.headers ?? {},
    ...(r.body !== undefined ? { body: r.body } : {}),
    ...(fresh
      ? {
          setupRequest: (req: autocannon.Request) => {
            const f = fresh()
            return { ...req, ...(f.body !== undefined ? { body: f.body } : {}), headers: { ...req.headers, ...f.headers } }
          },
        }
      : {}),
  } as autocannon.Request
}

export async function load(
  url: string,
  /** One request, or a mix: each connection sends them in turn. */
  request: LoadRequest | LoadRequest[],
  opts: {
    connections: number
    durationSec?: number
    amount?: number
    sampleRss?: () => number
    /** Requests per second across all connections (default: as many as the server answers). */
    overallRate?: number
    /** Wall-clock bound in seconds (default: the duration + 30 s, or 600 s for an `amount` run). */
    maxSec?: number
  },
): Promise<LoadResult> {
  // One request is a mix of one: autocannon's `requests` repeats the list on every connection.
  const requests = Array.isArray(request) ? request : [request]
  const target = new URL(url)
  if (target.hostname !== '127.0.0.1') throw new Error(`refusing to load ${target.hostname}: 127.0.0.1 only`)
  let peak = 0
  const timer = opts.sampleRss ? setInterval(() => (peak = Math.max(peak, opts.sampleRss!())), 200) : null
  const maxSec = opts.maxSec ?? (opts.amount !== undefined ? 600 : (opts.durationSec ?? 10) + 30)
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    let cap: NodeJS.Timeout | undefined
    const instance = autocannon(
      {
        url,
        requests: requests.map(step),
        connections: opts.connections,
        pipelining: 1,
        ...(opts.overallRate !== undefined ? { overallRate: opts.overallRate } : {}),
        ...(opts.amount !== undefined ? { amount: opts.amount } : { duration: opts.durationSec ?? 10 }),
        timeout: 10, // seconds before one request counts as timed out
      },
      (err, r) => {
        clearTimeout(cap)
        if (timer) clearInterval(timer)
        if (err) reject(err instanceof Error ? err : new Error(String(err)))
        else resolve(r)
      },
    )
    // A hard stop, for `amount` runs above all: the run ends with what it counted so far.
    cap = setTimeout(() => {
      console.error(`  load: stopped at the ${maxSec} s bound`)
      instance.stop()
    }, maxSec * 1000)
  })
  return summarise(result, opts.sampleRss ? peak : undefined)
}

function summarise(result: autocannon.Result, peak: number | undefined): LoadResult {
  const seconds = Math.max(result.duration, 0.01)
  return {
    requestsPerSec: Math.round(result['2xx'] / seconds),
    answersPerSec: Math.round(result.requests.total / seconds),
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors, // timeouts included
    non2xx: result.non2xx,
    ...(peak !== undefined ? { peakRssBytes: peak } : {}),
  }
}
