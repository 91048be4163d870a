// A peer: a server an integrator would pick instead of the sandbox, started by the bench,
// kept running across the rounds (a JIT-compiled server is measured warm) and stopped at the end.
import type { Child } from '../processes.ts'
import type { LoadRequest } from '../load.ts'

export interface Peer {
  /** The row's name in the results. */
  name: string
  /** What the peer is asked on every request, and what it answers, in a few words. */
  does: string
  request: LoadRequest
  /**
   * A JIT that takes many seconds to reach its speed (a JVM): warmed until its throughput
   * settles before the rounds. The others get the 2 s warm-up every measurement has.
   */
  slowWarmUp?: boolean
  /** Why the peer cannot run on this machine (a missing runtime), or null. */
  unavailable(): string | null
  start(): Promise<Child>
}

/** True when `request` sent to `url` answers 200: the peer's start-to-first-response probe. */
export async function answers200(url: string, request: LoadRequest): Promise<boolean> {
  const fresh = request.fresh?.()
  const res = await fetch(`${url}${request.path}`, {
    method: request.method,
    headers: { ...request.headers, ...fresh?.headers },
    body: fresh?.body ?? request.body ?? null,
    signal: AbortSignal.timeout(5_000),
  })
  await res.arrayBuffer()
  return res.status === 200
}
