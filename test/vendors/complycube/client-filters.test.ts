// GET /v1/clients with ComplyCube's documented filters, on both transports: every filterable
// attribute, AND, metadata keys, the four date bounds, and the rule that a malformed or
// unsupported filter answers 200 with no results. Plus the derived `entityName`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FILTERABLE } from '../../../src/vendors/complycube/client-filters.ts'
import { transports, type Transport } from '../../support/transports.ts'

const KEY = 'test_tokensandbox_default_0001'
const LIVE = 'live_tokensandbox_default_0001'

const PEOPLE = [
  {
    type: 'person',
    email: 'ada@example.com',
    mobile: '+447700900001',
    telephone: '+442079460001',
    joinedDate: '2020-01-01',
    personDetails: { firstName: 'Ada', middleName: 'King', lastName: 'Lovelace', dob: '1815-12-10', gender: 'female', nationality: 'GB', birthCountry: 'GB' },
    metadata: { team: 'blue', 'a.b': 'dotted' },
  },
  { type: 'person', email: 'alan@example.com', personDetails: { firstName: 'Alan', lastName: 'Turing', nationality: 'GB' }, metadata: { team: 'red' } },
  {
    type: 'company',
    email: 'ops@widgets.example.com',
    companyDetails: { name: 'Widgets Ltd', website: 'https://widgets.example.com', registrationNumber: '0123', incorporationType: 'llc', incorporationCountry: 'US' },
  },
]

describe.each(transports)('GET /v1/clients filters over %s', (_, start) => {
  let t: Transport
  const ids: string[] = []
  let beforeAll2: string
  beforeAll(async () => {
    t = await start({ fixtures: { complycube: { apiKeys: [{ key: KEY, environment: 'sandbox' }, { key: LIVE, environment: 'live' }], clients: [] } } })
    t.sandbox.clock.freeze(Date.parse('2030-01-01T00:00:00.000Z'))
    for (const body of PEOPLE) {
      const res = await call('POST', '/clients', KEY, body)
      expect(res.status).toBe(200)
      ids.push(((await res.json()) as { id: string }).id)
      t.sandbox.clock.advance(60_000)
    }
    beforeAll2 = new Date(t.sandbox.clock.now()).toISOString()
    // The same email in the other environment: never listed here.
    expect((await call('POST', '/clients', LIVE, PEOPLE[0])).status).toBe(200)
  })
  afterAll(() => t.close())

  const call = (method: string, path: string, key: string, body?: unknown) =>
    fetch(`${t.baseUrl('complycube')}${path}`, {
      method,
      headers: { authorization: key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const list = async (query: string, key = KEY) => {
    const res = await call('GET', `/clients?${query}`, key)
    expect(res.status, query).toBe(200)
    return (await res.json()) as { page: number; pageSize: number; totalItems: number; pages: number; items: { id: string; email: string; entityName: string | null }[] }
  }
  const emails = async (query: string) => (await list(query)).items.map((c) => c.email)

  it('filters on every attribute ComplyCube lists, exactly', async () => {
    const ada = PEOPLE[0]!
    const widgets = PEOPLE[2]!
    const cases: [string, string, string[]][] = [
      ['type', 'company', [widgets.email]],
      ['email', 'alan@example.com', ['alan@example.com']],
      ['joinedDate', '2020-01-01', [ada.email]],
      ['mobile', '+447700900001', [ada.email]],
      ['telephone', '+442079460001', [ada.email]],
      ...(['firstName', 'middleName', 'lastName', 'dob', 'gender', 'birthCountry'] as const).map(
        (f): [string, string, string[]] => [`personDetails.${f}`, (ada.personDetails as Record<string, string>)[f]!, [ada.email]],
      ),
      ['personDetails.nationality', 'GB', ['alan@example.com', ada.email]],
      ...(['name', 'website', 'registrationNumber', 'incorporationType', 'incorporationCountry'] as const).map(
        (f): [string, string, string[]] => [`companyDetails.${f}`, (widgets.companyDetails as Record<string, string>)[f]!, [widgets.email]],
      ),
    ]
    expect(new Set(cases.map(([k]) => k))).toEqual(FILTERABLE)
    for (const [key, value, expected] of cases) expect(await emails(new URLSearchParams({ [key]: value }).toString()), key).toEqual(expected)
  })

  it('matches exactly: no substring, no case folding, `*` taken literally', async () => {
    for (const q of ['email=ada', 'email=ADA%40example.com', 'personDetails.lastName=Love*', 'type=Person']) expect(await emails(q), q).toEqual([])
  })

  it('combines filters with AND', async () => {
    expect(await emails('type=person&personDetails.nationality=GB&metadata.team=red')).toEqual(['alan@example.com'])
    expect(await emails('type=company&personDetails.nationality=GB')).toEqual([])
  })

  it('filters on metadata keys, dotted ones included', async () => {
    expect(await emails('metadata.team=blue')).toEqual([PEOPLE[0]!.email])
    expect(await emails('metadata.a.b=dotted')).toEqual([PEOPLE[0]!.email])
  })

  it('answers "does this email exist?" truthfully', async () => {
    const none = await list('email=nobody%40nowhere.example')
    expect(none).toEqual({ page: 1, pageSize: 100, totalItems: 0, pages: 0, items: [] })
  })

  it('bounds createdAt and updatedAt strictly, with ISO date-times or dates', async () => {
    const [first, second] = await Promise.all(ids.slice(0, 2).map(async (id) => ((await (await call('GET', `/clients/${id}`, KEY)).json()) as { createdAt: string }).createdAt))
    expect(await emails(`createdAfter=${first}`)).toEqual([PEOPLE[2]!.email, PEOPLE[1]!.email])
    expect(await emails(`createdBefore=${second}`)).toEqual([PEOPLE[0]!.email])
    expect(await emails(`createdAfter=${first}&createdBefore=${beforeAll2}`)).toEqual([PEOPLE[2]!.email, PEOPLE[1]!.email])
    expect(await emails('createdAfter=2030-01-02')).toEqual([])
    expect(await emails('createdBefore=2030-01-01')).toEqual([])
    expect((await emails('updatedAfter=2029-12-31T23:59:59Z')).length).toBe(3)
    expect(await emails('updatedBefore=2029-12-31T23:59:59Z')).toEqual([])
  })

  it('answers 200 with no results to a malformed or unsupported filter, not 400', async () => {
    for (const q of ['id=' + ids[0], 'entityName=Ada%20King%20Lovelace', 'createdAt=2030-01-01', 'createdAt%5Bgt%5D=2029-01-01', 'colour=red', 'createdAfter=yesterday', 'createdAfter=2030-13-45', 'metadata.=x', 'personDetails=x']) {
      expect(await list(q), q).toEqual({ page: 1, pageSize: 100, totalItems: 0, pages: 0, items: [] })
    }
  })

  it('pages a filtered list, newest first', async () => {
    const p1 = await list('personDetails.nationality=GB&pageSize=1')
    const p2 = await list('personDetails.nationality=GB&pageSize=1&page=2')
    expect([p1.totalItems, p1.pages, p2.totalItems]).toEqual([2, 2, 2])
    expect([...p1.items, ...p2.items].map((c) => c.email)).toEqual(['alan@example.com', PEOPLE[0]!.email])
  })

  it("derives entityName (a person's first middle last name, a company's name) on create, get, list and update", async () => {
    const created = (await (await call('POST', '/clients', KEY, { type: 'person', email: 'x@example.com', entityName: 'Mallory', personDetails: { firstName: 'Grace', lastName: 'Hopper' } })).json()) as {
      id: string
      entityName: string
    }
    expect(created.entityName).toBe('Grace Hopper')
    expect(((await (await call('GET', `/clients/${created.id}`, KEY)).json()) as { entityName: string }).entityName).toBe('Grace Hopper')
    const updated = await call('POST', `/clients/${created.id}`, KEY, { personDetails: { middleName: 'Brewster' } })
    expect(((await updated.json()) as { entityName: string }).entityName).toBe('Grace Brewster Hopper')
    const items = (await list('email=x%40example.com')).items
    expect(items.map((c) => c.entityName)).toEqual(['Grace Brewster Hopper'])
    expect((await list('type=company')).items.map((c) => c.entityName)).toEqual(['Widgets Ltd'])
    await call('DELETE', `/clients/${created.id}`, KEY)
  })
})
