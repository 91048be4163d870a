// The CAF suite's cases for the Core API's faces (`api.combateafraude.com/v1/faces`), with a Core
// API token created in Trust (not the mobile token): register a face for a person id, and read
// an authentication attempt back (made on the Mobile API, whose answer carries its id in a
// token-sandbox).
import { describe, expect, it } from 'vitest'
import { UUID, type CafCaseContext } from './contract-cases.ts'
import { freshCpf, maskCpf } from './contract-target.ts'
import { createCaller, show, type FetchLike } from '../../contract/http.ts'
import { pass, skipped } from '../../contract/suite.ts'

export interface CafCoreOptions {
  baseUrl: string | undefined
  coreToken: string | undefined
  fetch: FetchLike | undefined
}

export function cafCoreCases(c: CafCaseContext, o: CafCoreOptions): void {
  describe('the Core API (faces)', () => {
    const titles = {
      missing: 'answers 401 without a token',
      mobileToken: 'answers 401 to a mobile token (the Core API takes a Core API token)',
      notFound: 'answers 404 for an attempt that does not exist',
      short: 'answers 400 to a personId of 4 characters',
      register: 'registers a face for a masked CPF: 200 { requestId, message, personId } with the mask stripped',
      attempt: 'reads an authentication attempt back (GET /v1/faces/attempts/{attemptId})',
    }
    if (!o.baseUrl || !o.coreToken) {
      const why = !o.baseUrl ? `needs the Core API's base URL; ${pass('baseUrls.core')}` : `needs a Core API token; ${pass('coreToken')}`
      for (const t of Object.values(titles)) skipped(t, why)
      return
    }
    const core = createCaller(o.baseUrl, o.fetch)
    const auth = { authorization: `Bearer ${o.coreToken}` }

    it(titles.missing, async () => {
      c.expectCafError(await core('GET', '/v1/faces/attempts/000000000000000000000000'), 401, c.admin ? 'Unauthorized' : undefined, { kind: 'security' })
    })

    it(titles.mobileToken, async () => {
      c.expectCafError(await core('GET', '/v1/faces/attempts/000000000000000000000000', { headers: { authorization: await c.mint() } }), 401)
    })

    it(titles.notFound, async () => {
      c.expectCafError(await core('GET', '/v1/faces/attempts/000000000000000000000000', { headers: auth }), 404, c.admin ? 'Attempt not found' : undefined)
    })

    it(titles.short, async () => {
      const res = await core('POST', '/v1/faces', { headers: auth, json: { personId: 'abcd', imageUrl: c.imageUrl } })
      c.expectCafError(res, 400, undefined, { kind: 'schema', location: ['body', 'personId'] })
    })

    if (!c.allowWrites) {
      skipped(titles.register, `creates data; ${pass('allowWrites')}`)
      skipped(titles.attempt, `creates data; ${pass('allowWrites')}`)
      return
    }
    let registered: string | undefined
    it(titles.register, async () => {
      const cpf = freshCpf()
      const res = await core('POST', '/v1/faces', { headers: auth, json: { personId: maskCpf(cpf), imageUrl: c.imageUrl } })
      expect(res.status, show(res)).toBe(200)
      expect(res.body).toMatchObject({ requestId: expect.stringMatching(UUID), message: expect.any(String), personId: cpf })
      registered = cpf
    })

    it(titles.attempt, async (ctx) => {
      if (!registered) ctx.skip('no face was registered')
      const made = await c.mobile('POST', '/faces/authenticate', { headers: { authorization: await c.mint() }, json: { peopleId: registered, imageUrl: c.imageUrl } })
      expect(made.status, show(made)).toBe(200)
      // A token-sandbox's answer carries attemptId; CAF documents none there.
      if (!made.body.attemptId) ctx.skip('the authentication answer carried no attemptId')
      const res = await core('GET', `/v1/faces/attempts/${made.body.attemptId}`, { headers: auth })
      expect(res.status, show(res)).toBe(200)
      expect(res.body).toMatchObject({ requestId: expect.stringMatching(UUID), data: { id: made.body.attemptId, personId: registered, createdAt: expect.any(String) } })
    })
  })
}
