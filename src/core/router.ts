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

  return {
    match(method, path) {
      const actual = splitPath(path)
      const allowed: string[] = []
      for (const c of compiled) {
        const params = matchSegments(c.segments, actual)
        if (!params) continue
        if (c.route.method === method) return { kind: 'found', route: c.route, params }
        allowed.push(c.route.method)
      }
      return allowed.length ? { kind: 'method_not_allowed', allowed } : { kind: 'not_found' }
    },
  }
}
