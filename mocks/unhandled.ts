// What msw does with a request no handler answers, in one option of ours: msw 3 reads
// `onUnhandledFrame`, msw 2 `onUnhandledRequest`, and each ignores the other's key, so the
// helpers pass both and user code never depends on the spelling of the msw it has.

/** msw's three strategies: fail the request (and print it), print a warning, or let it through silently. */
export type UnhandledStrategy = 'error' | 'warn' | 'bypass'

export interface UnhandledOptions {
  /**
   * What a request that no handler answers (a vendor not intercepted, any other host) does once
   * `server.listen()` / `worker.start()` runs: `'error'`, `'warn'` or `'bypass'`, or a function
   * of the request returning one. Without it, msw's default (`'warn'`). Options given to
   * `listen()`/`start()` themselves still win.
   */
  onUnhandled?: UnhandledStrategy | ((request: Request) => UnhandledStrategy)
}

type Decide = (request: Request) => UnhandledStrategy
interface Msw3Frame {
  frame: { data?: { request?: unknown } }
  defaults: { warn(): void | Promise<void>; error(): void | Promise<void> }
}
interface Msw2Print {
  warning(): void
  error(): void
}

/** The listen/start options for both msw majors. */
export function unhandledOptions(onUnhandled: UnhandledStrategy | Decide): Record<string, unknown> {
  if (typeof onUnhandled === 'string') return { onUnhandledFrame: onUnhandled, onUnhandledRequest: onUnhandled }
  return {
    // msw 3 hands a network frame; one that is not an HTTP request (a WebSocket) keeps msw's default.
    async onUnhandledFrame({ frame, defaults }: Msw3Frame) {
      const request = frame.data?.request
      const strategy = request instanceof Request ? onUnhandled(request) : 'warn'
      if (strategy === 'warn') await defaults.warn()
      if (strategy === 'error') {
        // msw 3's defaults.error() only prints. A Response thrown here is msw's answer, and a
        // network error fails the request as msw's own 'error' does (any other throw is a 500).
        await defaults.error()
        throw Response.error()
      }
    },
    // msw 2: print.error() prints, and throws up to 2.12; from 2.13 (msw 3's machinery inside)
    // it only prints, and a thrown network error fails the request, as above.
    onUnhandledRequest(request: Request, print: Msw2Print) {
      const strategy = onUnhandled(request)
      if (strategy === 'warn') print.warning()
      if (strategy === 'error') {
        print.error()
        throw Response.error()
      }
    },
  }
}

/**
 * Makes `start` (msw's `listen` or `start`) apply `onUnhandled` unless its own options say
 * otherwise. `target` is the msw object the helper just created, never one of the user's.
 */
export function defaultUnhandled<K extends string, T extends Record<K, (options?: any) => any>>(target: T, key: K, onUnhandled: UnhandledOptions['onUnhandled']): T {
  if (onUnhandled === undefined) return target
  const defaults = unhandledOptions(onUnhandled)
  const original = target[key].bind(target)
  target[key] = ((options?: object) => original({ ...defaults, ...options })) as T[K]
  return target
}
