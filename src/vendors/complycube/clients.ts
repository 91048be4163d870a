// /v1/clients: create, get, update, delete, list. Clients live in the environment of the key
// that created them and are invisible to the other environment.
import { empty, json, own, isRecord } from '../../core/http.ts'
import type { RouteContext } from '../../core/service.ts'
import type { SandboxResponse } from '../../core/types.ts'
import { clientNotFound, invalidField } from './errors.ts'
import { deleteClient as removeClient, findClient, hasClient, insertClient, type ClientDocument, type ComplyCubeState, type Environment } from './state.ts'
import { validateCreate, validateUpdate } from './validate-client.ts'
import { matchesClientFilter, parseClientFilter } from './client-filters.ts'
import { present, stored } from './entity-name.ts'
import type { components } from '../../generated/complycube.ts'

// Bodies are typed from contracts/complycube.yaml: a renamed field there fails `tsc` here.
type ClientCreate = components['schemas']['ClientCreate']
type ClientList = components['schemas']['ClientList']

type Ctx = RouteContext<ComplyCubeState, Environment>

export function createClient(ctx: Ctx): SandboxResponse {
  const problem = validateCreate(ctx.body)
  if (problem) {
    ctx.refuse(`invalid ${problem.param}`)
    return invalidField(problem.param, problem.message)
  }
  const { core } = ctx.state
  const now = new Date(core.clock.now()).toISOString()
  const id = core.ids.hex(24)
  // validateCreate has checked the body against the contract's ClientCreate rules.
  const doc = stored({ id, ...(ctx.body as ClientCreate), createdAt: now, updatedAt: now })
  insertClient(ctx.state, ctx.environment, { id, createdAtMs: core.clock.now(), document: JSON.stringify(doc) })
  ctx.meta({ clientId: id })
  return json(200, present(doc))
}

export function getClient(ctx: Ctx): SandboxResponse {
  const doc = findClient(ctx.state, ctx.environment, ctx.params.id!)
  if (!doc) {
    ctx.refuse('client not found in this environment')
    return clientNotFound(ctx.params.id!)
  }
  return json(200, present(doc))
}

export function updateClient(ctx: Ctx): SandboxResponse {
  const id = ctx.params.id!
  const doc = findClient(ctx.state, ctx.environment, id)
  if (!doc) {
    ctx.refuse('client not found in this environment')
    return clientNotFound(id)
  }
  const body = ctx.body === undefined ? {} : ctx.body
  const problem = validateUpdate(body, doc.type)
  if (problem) {
    ctx.refuse(`invalid ${problem.param}`)
    return invalidField(problem.param, problem.message)
  }
  const changes = body as Record<string, unknown>
  const next: ClientDocument = { ...doc }
  for (const key of Object.keys(changes)) {
    const value = changes[key]
    const current = own(doc, key)
    // Nested details are merged field by field, as a partial update would; validateUpdate has
    // checked every key against the contract's ClientUpdate rules.
    ;(next as Record<string, unknown>)[key] = isRecord(value) && isRecord(current) && key !== 'metadata' ? { ...current, ...value } : value
  }
  next.updatedAt = new Date(ctx.state.core.clock.now()).toISOString()
  const doc2 = stored(next)
  ctx.state.store.in(ctx.environment).client.update(id, { document: JSON.stringify(doc2) })
  return json(200, present(doc2))
}

export function deleteClient(ctx: Ctx): SandboxResponse {
  const id = ctx.params.id!
  if (!hasClient(ctx.state, ctx.environment, id)) {
    ctx.refuse('client not found in this environment')
    return clientNotFound(id)
  }
  removeClient(ctx.state, ctx.environment, id)
  return empty(204)
}

const MAX_PAGE_SIZE = 1000
const DEFAULT_PAGE_SIZE = 100

/** Positive integer from a query string, or null when absent; NaN when present but invalid. */
function intParam(value: string | null): number | null {
  if (value === null || value === '') return null
  return /^\d+$/.test(value) ? Number(value) : Number.NaN
}

export function listClients(ctx: Ctx): SandboxResponse {
  const page = intParam(ctx.query.get('page')) ?? 1
  const pageSize = intParam(ctx.query.get('pageSize')) ?? DEFAULT_PAGE_SIZE
  if (!Number.isInteger(page) || page < 1) {
    ctx.refuse('invalid page')
    return invalidField('page', "'page' must be an integer greater than or equal to 1")
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    ctx.refuse('invalid pageSize')
    return invalidField('pageSize', `'pageSize' must be an integer between 1 and ${MAX_PAGE_SIZE}`)
  }
  const filter = parseClientFilter(ctx.query)
  if (filter === null) {
    // ComplyCube's rule: a malformed or unsupported filter matches nothing; it is not a 400.
    ctx.refuse('malformed or unsupported filter: an empty list')
    return json(200, { page, pageSize, totalItems: 0, pages: 0, items: [] } satisfies ClientList)
  }
  const start = (page - 1) * pageSize
  const clients = ctx.state.store.in(ctx.environment).client
  const order = ctx.state.clientOrder[ctx.environment]
  const docOf = (id: string) => JSON.parse(clients.get(id)!.document) as ClientDocument
  let items: ClientDocument[]
  let totalItems: number
  // Newest first (clients created in the same millisecond by id), from the kept order: a page of
  // an unfiltered list reads only its own clients.
  if (filter.equals.length === 0 && filter.dates.length === 0) {
    totalItems = order.size
    items = order.page(start, pageSize).map(docOf)
  } else {
    // Filters look inside the documents, so every client of the environment is read once, in order.
    items = []
    totalItems = 0
    for (const id of order.keys()) {
      const doc = docOf(id)
      if (!matchesClientFilter(doc, filter)) continue
      if (totalItems >= start && items.length < pageSize) items.push(doc)
      totalItems++
    }
  }
  const body: ClientList = { page, pageSize, totalItems, pages: Math.ceil(totalItems / pageSize), items: items.map(present) }
  return json(200, body)
}
