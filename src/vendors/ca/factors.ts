// User factor APIs ([MOCK] paths): Delete Contact and Delete Device. Each kind of factor has
// exactly one default, and the default cannot be deleted.
import type { RouteContext } from '../../core/service.ts'
import type { SandboxResponse } from '../../core/types.ts'
import { findAccount } from './accounts.ts'
import type { Caller } from './auth.ts'
import { done } from './bodies.ts'
import { contactNotFound, defaultFactorCannotBeDeleted, deviceNotFound, invalidInput } from './errors.ts'
import type { CaState } from './state.ts'
import { deleteFactor, type FactorKind } from './store.ts'

type Ctx = RouteContext<CaState>

function remove(kind: FactorKind, param: 'contact_id' | 'device_id', notFound: (id: string) => SandboxResponse) {
  return (ctx: Ctx, caller: Caller): SandboxResponse => {
    const found = findAccount(ctx, caller)
    if (!found.ok) return found.response
    const id = ctx.params[param]!
    if (id.length > 128) {
      ctx.refuse(`${param} is too long`)
      return invalidInput(param)
    }
    const outcome = deleteFactor(ctx.state, caller.tenant.id, found.row.id, kind, id)
    if (outcome === 'not_found') {
      ctx.refuse(`no ${kind} ${id} on this account`)
      return notFound(id)
    }
    if (outcome === 'is_default') {
      ctx.refuse(`${kind} ${id} is the default`)
      return defaultFactorCannotBeDeleted()
    }
    ctx.meta({ [param]: id })
    return done()
  }
}

export const deleteContact = remove('contact', 'contact_id', contactNotFound)
export const deleteDevice = remove('device', 'device_id', deviceNotFound)
