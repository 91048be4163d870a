// `entityName`: ComplyCube derives it ("the client's full name"), it is not a create or update
// field. A person's is first [middle] last name, a company's its name (the middle name's place
// is our guess: docs/vendors/complycube.md). Derived on every answer, so it follows updates and
// documents stored before it existed; a value sent in a body is dropped, not echoed.
import type { ClientDocument } from './state.ts'

export function entityNameOf(doc: ClientDocument): string | null {
  if (doc.type === 'company') return doc.companyDetails?.name ?? null
  const p = doc.personDetails
  if (!p) return null
  const name = [p.firstName, p.middleName, p.lastName].filter((part) => typeof part === 'string' && part !== '').join(' ')
  return name === '' ? null : name
}

/** The document as stored: without an `entityName` of its own. */
export function stored(doc: ClientDocument): ClientDocument {
  const { entityName: _, ...rest } = doc
  return rest as ClientDocument
}

/** The document as ComplyCube answers it: with its derived `entityName`. */
export function present(doc: ClientDocument): ClientDocument {
  return { ...stored(doc), entityName: entityNameOf(doc) }
}
