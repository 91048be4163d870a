// Path matching for one service. Trailing slashes are ignored (ComplyCube's own Node client
// calls `clients/` and `tokens/`).
import type { Route } from './service.ts'

interface Compiled<S> {
  route: Route<S>
  segments: string[]
}

export type RouteMatch<S> =
  | { kind: 'found'; route: Route<S>; params: Record<string, string> }
  | { kind: 'not_found' }
  | { kind: 'method_not_allowed'; allowed: string[] }

export interface Router<S> {
  match(method: string, path: string): RouteMatch<S>
}

export function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s !== '')
}

export function createRouter<S>(routes: Route<S>[]): Router<S> {
  const compiled: Compiled<S>[] = routes.map((route) => ({ route, segments: splitPath(route.path) }))

  const matchSegments = (pattern: string[], actual: string[]): Record<string, string> | null => {
    if (pattern.length !== actual.length) return null
    const params: Record<string, string> = {}
    for (let i = 0; i < pattern.length; i++) {
      const p = pattern[i]!
      const a = actual[i]!
      if (p.startsWith(':')) {
        let value: string
        try {
          value = decodeURIComponent(a)
        } catch {
          return null
        }
        params[p.slice(1)] = value
      } else if (p !== a) return null
    }
    return params
  }

  const slowMatch = (method: string, path: string): RouteMatch<S> => {
    const actual = splitPath(path)
    const allowed: string[] = []
    for (const c of compiled) {
      const params = matchSegments(c.segments, actual)
      if (!params) continue
      if (c.route.method === method) return { kind: 'found', route: c.route, params }
      if (!allowed.includes(c.route.method)) allowed.push(c.route.method)
    }
    return allowed.length ? { kind: 'method_not_allowed', allowed } : { kind: 'not_found' }
  }

  // Paths without parameters, looked up directly: what the full match gives for each route's
  // own path and method, worked out once here (an earlier route that matches the same path
  // still wins, as it does in the full match).
  const exact = new Map<string, Map<string, Route<S>>>()
  for (const c of compiled) {
    if (c.segments.some((p) => p.startsWith(':'))) continue
    const path = '/' + c.segments.join('/')
    const found = slowMatch(c.route.method, path)
    if (found.kind !== 'found' || found.route !== c.route) continue
    let byMethod = exact.get(path)
    if (!byMethod) exact.set(path, (byMethod = new Map()))
    if (!byMethod.has(c.route.method)) byMethod.set(c.route.method, c.route)
  }

  return {
    match(method, path) {
      const route = exact.get(path)?.get(method)
      if (route) return { kind: 'found', route, params: {} }
      return slowMatch(method, path)
    },
  }
}
