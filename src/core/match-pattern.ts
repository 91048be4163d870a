// Chrome match patterns (`<scheme>://<host><path>`), which ComplyCube uses for the `referrer`
// a Web SDK token is bound to. Scheme: http, https or `*` (either); host: `*`, `*.example.com`
// or exact, with an optional port; path: starts with `/`, `*` matches any run of characters.

import { compileGlob } from './glob.ts'

export interface MatchPattern {
  source: string
  matches(url: string): boolean
}

// Linear: each part ends at a character it cannot contain (`:` or `/`), so nothing is retried.
const PATTERN = /^(\*|https?):\/\/(\*|\*\.[^/*:]+|[^/*:]+)(:(\*|\d{1,5}))?(\/.*)$/
const HOST_CHARS = /^[a-z0-9.-]+$/i

/** Longest page URL matched: twice what a browser sends as a Referer (Chrome cuts longer ones to the origin). */
export const MAX_URL_LENGTH = 8192

// Patterns repeat (one per integrator page): compile each once. Bounded, oldest dropped first.
const cache = new Map<string, MatchPattern | null>()
const CACHE_SIZE = 500

/** Parses a pattern; returns null when it is not a valid match pattern. */
export function parseMatchPattern(source: string): MatchPattern | null {
  let compiled = cache.get(source)
  if (compiled === undefined) {
    compiled = compile(source)
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!)
    cache.set(source, compiled)
  }
  return compiled
}

function compile(source: string): MatchPattern | null {
  // URLs longer than 2,048 characters, hosts over 253 and DNS labels over 63 are not real pages.
  if (source.length > 2048) return null
  if (source === '<all_urls>') return { source, matches: (url) => /^https?:\/\//i.test(url) }
  const m = PATTERN.exec(source)
  if (!m) return null
  const [, scheme, host, , port, path] = m as unknown as [string, string, string, string | undefined, string | undefined, string]
  const bareHost = host.startsWith('*.') ? host.slice(2) : host
  if (host !== '*' && (!HOST_CHARS.test(bareHost) || bareHost.startsWith('.') || bareHost.endsWith('.') || bareHost.includes('..'))) {
    return null
  }
  if (bareHost.length > 253 || bareHost.split('.').some((label) => label.length > 63)) return null
  if (port !== undefined && port !== '*' && Number(port) > 65535) return null
  const pathGlob = compileGlob(path)

  return {
    source,
    matches(raw) {
      if (raw.length > MAX_URL_LENGTH) return false
      let url: URL
      try {
        url = new URL(raw)
      } catch {
        return false
      }
      const urlScheme = url.protocol.slice(0, -1)
      if (scheme === '*' ? urlScheme !== 'http' && urlScheme !== 'https' : urlScheme !== scheme) return false
      const h = url.hostname.toLowerCase()
      if (host !== '*') {
        if (host.startsWith('*.')) {
          const base = bareHost.toLowerCase()
          if (h !== base && !h.endsWith('.' + base)) return false
        } else if (h !== host.toLowerCase()) return false
      }
      // Without a port in the pattern, only the scheme's default port matches (as in Chrome).
      if (port === undefined ? url.port !== '' : port !== '*' && url.port !== port && !(url.port === '' && isDefault(urlScheme, port))) {
        return false
      }
      return pathGlob.matches(url.pathname + url.search)
    },
  }
}

function isDefault(scheme: string, port: string): boolean {
  return (scheme === 'http' && port === '80') || (scheme === 'https' && port === '443')
}

/** iOS bundle ids and Android application ids: dot-separated segments of letters, digits, `_` and `-`. */
export function isAppId(value: string): boolean {
  // Bounded first; `.` starts each segment and no segment holds one, so nothing is retried.
  return value.length <= 255 && /^[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+$/.test(value)
}
