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
})
