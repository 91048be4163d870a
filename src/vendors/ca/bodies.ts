// The bodies the CA routes answer, typed from contracts/ca.yaml (src/generated/ca.ts): a
// contract change the handlers do not follow fails `tsc`.
import { json } from '../../core/http.ts'
import type { SandboxResponse } from '../../core/types.ts'
import type { components } from '../../generated/ca.ts'

export type Schemas = components['schemas']
export type TokenBody = Schemas['TokenResponse']
/** An account as Add Account answers it (and `sandbox.ca.accounts()` lists it). */
export type AccountBody = Schemas['Account']
export type LinkedAccountsBody = Schemas['LinkedAccounts']
export type ContactType = Schemas['Contact']['type']

/** 200 with the empty object Delete Link, Delete Account and the factor APIs answer. */
export function done(): SandboxResponse {
  const body: Schemas['Done'] = {}
  return json(200, body)
}
