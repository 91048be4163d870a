import { describe, expect, it } from 'vitest'
import { createRouter } from '../../src/core/router.ts'
import type { Route } from '../../src/core/service.ts'

const h = () => ({ status: 200, headers: {} })
const routes: Route<null>[] = [
  { method: 'GET', path: '/clients', handler: h },
  { method: 'POST', path: '/clients', handler: h },
  { method: 'GET', path: '/clients/:id', handler: h },
  { method: 'DELETE', path: '/clients/:id', handler: h },
]

describe('the router', () => {
  const router = createRouter(routes)

  it('matches method and path, with parameters decoded', () => {
    const m = router.match('GET', '/clients/a%20b')
    expect(m).toMatchObject({ kind: 'found', params: { id: 'a b' } })
  })

  it('ignores trailing slashes, as the ComplyCube Node client sends them', () => {
    expect(router.match('POST', '/clients/').kind).toBe('found')
  })

  it('tells a wrong method on a known path from an unknown path', () => {
    expect(router.match('PUT', '/clients/1')).toEqual({ kind: 'method_not_allowed', allowed: ['GET', 'DELETE'] })
    expect(router.match('GET', '/nope')).toEqual({ kind: 'not_found' })
    expect(router.match('GET', '/clients/1/extra')).toEqual({ kind: 'not_found' })
  })

  it('does not match a parameter that is not valid percent-encoding', () => {
    expect(router.match('GET', '/clients/%E0%A4%A')).toEqual({ kind: 'not_found' })
  })

  it('answers a path without parameters as the full match does, the first matching route winning', () => {
    const first: Route<null> = { method: 'GET', path: '/items/:id', handler: h }
    const later: Route<null> = { method: 'GET', path: '/items/new', handler: h }
    const post: Route<null> = { method: 'POST', path: '/items/new', handler: h }
    const shadowed = createRouter<null>([first, later, post])
    expect(shadowed.match('GET', '/items/new')).toEqual({ kind: 'found', route: first, params: { id: 'new' } })
    expect(shadowed.match('POST', '/items/new')).toEqual({ kind: 'found', route: post, params: {} })
    expect(shadowed.match('POST', '//items//new/')).toEqual({ kind: 'found', route: post, params: {} })
    expect(shadowed.match('DELETE', '/items/new')).toEqual({ kind: 'method_not_allowed', allowed: ['GET', 'POST'] })
    expect(router.match('GET', '/')).toEqual({ kind: 'not_found' })
  })

  it('gives each match its own params object', () => {
    const a = router.match('GET', '/clients')
    const b = router.match('GET', '/clients')
    expect(a.kind === 'found' && b.kind === 'found' && a.params !== b.params).toBe(true)
  })
})
