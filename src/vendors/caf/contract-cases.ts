// What the CAF suite's case files share: the options, the way to expect CAF's error, and the
// tokens the suite signs. Built once by ./caf.ts.
import type { AdminClient } from '../../contract/admin.ts'
import type { Answer, Caller } from '../../contract/http.ts'
import type { ContractRefusal } from '../../contract/suite.ts'

export interface CafCaseContext {
  environment: 'prod' | 'beta' | 'dev'
  admin: AdminClient | null
  allowWrites: boolean
  throughPrism: boolean
  imageUrl: string
  mobile: Caller
  /** Signs a mobile token with the suite's Mobile Key (exp by the sandbox clock when there is one). */
  mint(extra?: { peopleId?: string; expiresIn?: number | string }): Promise<string>
  /** A token with the key's iss, signed with another secret. */
  wrongSecret(): Promise<string>
  /** CAF's `{requestId, message}` with this status; through Prism, the proxy's own refusal when the contract refuses the request. */
  expectCafError(res: Answer, status: number, message?: string, refusal?: ContractRefusal): void
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
