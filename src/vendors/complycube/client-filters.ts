// `GET /v1/clients` filters, as ComplyCube's "Filtering clients" and "Pagination" pages document
// them: query parameters beside `page`/`pageSize`, combined with AND, each an exact match on one
// of the listed attributes (`personDetails.lastName=Doe`, `metadata.team=blue`); plus
// `createdAfter`/`createdBefore`/`updatedAfter`/`updatedBefore`, strictly greater or less than.
// A filter that is malformed or not supported is not a 400: the list is empty (200).
import type { ClientDocument } from './state.ts'

/** The client attributes ComplyCube lists as filterable (all strings), besides `metadata.<key>`. */
export const FILTERABLE = new Set([
  'type',
  'email',
  'joinedDate',
  'mobile',
  'telephone',
  'personDetails.firstName',
  'personDetails.middleName',
  'personDetails.lastName',
  'personDetails.dob',
  'personDetails.gender',
  'personDetails.nationality',
  'personDetails.birthCountry',
  'companyDetails.name',
  'companyDetails.website',
  'companyDetails.registrationNumber',
  'companyDetails.incorporationType',
  'companyDetails.incorporationCountry',
])

const PAGING = new Set(['page', 'pageSize'])
const DATE_BOUNDS = { createdAfter: ['createdAt', 1], createdBefore: ['createdAt', -1], updatedAfter: ['updatedAt', 1], updatedBefore: ['updatedAt', -1] } as const
type Bound = keyof typeof DATE_BOUNDS

export interface ClientFilter {
  /** Attribute path → the value it must equal. */
  equals: [path: string[], value: string][]
  /** Instants (epoch ms) `createdAt`/`updatedAt` must be after (1) or before (-1). */
  dates: [field: 'createdAt' | 'updatedAt', direction: 1 | -1, ms: number][]
}

/** `2020-05-01T18:55:03.015Z`-style date-times, or a bare `YYYY-MM-DD` read as midnight UTC. */
const ISO_INSTANT = /^\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:\d\d))?$/

function instant(value: string): number | null {
  if (!ISO_INSTANT.test(value)) return null
  const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value)
  return Number.isNaN(ms) ? null : ms
}

/** The filter a query asks for, or null when one of its filters is malformed or not supported. */
export function parseClientFilter(query: URLSearchParams): ClientFilter | null {
  const filter: ClientFilter = { equals: [], dates: [] }
  for (const [key, value] of query) {
    if (PAGING.has(key)) continue
    if (Object.prototype.hasOwnProperty.call(DATE_BOUNDS, key)) {
      const ms = instant(value)
      if (ms === null) return null
      const [field, direction] = DATE_BOUNDS[key as Bound]
      filter.dates.push([field, direction, ms])
      continue
    }
    const isMetadata = key.startsWith('metadata.') && key.length > 'metadata.'.length
    if (!FILTERABLE.has(key) && !isMetadata) return null
    // A metadata key may itself contain dots: split off `metadata` only.
    filter.equals.push([isMetadata ? ['metadata', key.slice('metadata.'.length)] : key.split('.'), value])
  }
  return filter
}

function valueAt(doc: ClientDocument, path: string[]): unknown {
  let v: unknown = doc
  for (const part of path) {
    if (typeof v !== 'object' || v === null || !Object.prototype.hasOwnProperty.call(v, part)) return undefined
    v = (v as Record<string, unknown>)[part]
  }
  return v
}

export function matchesClientFilter(doc: ClientDocument, filter: ClientFilter): boolean {
  for (const [path, value] of filter.equals) {
    if (valueAt(doc, path) !== value) return false
  }
  for (const [field, direction, ms] of filter.dates) {
    const at = Date.parse(String(doc[field]))
    if (Number.isNaN(at) || (direction === 1 ? !(at > ms) : !(at < ms))) return false
  }
  return true
}

/** Whether a query filters at all (anything but paging). */
export const hasFilters = (query: URLSearchParams): boolean => [...query.keys()].some((k) => !PAGING.has(k))
