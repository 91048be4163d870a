// Add Link and Delete Link ([MOCK] paths): a card the tenant's ACS knows is linked to at most
// one account. Linking it again to the same account is accepted (idempotent); linking it to
// another answers `link_already_exists`; an unknown card answers `card_not_found`.
import { json } from '../../core/http.ts'
import type { RouteContext } from '../../core/service.ts'
import type { SandboxResponse } from '../../core/types.ts'
import { findAccount, linksView } from './accounts.ts'
import { done } from './bodies.ts'
import type { Caller } from './auth.ts'
import { cardNotFound, invalidInput, linkAlreadyExists } from './errors.ts'
import { CARD_NUMBER, requiredString } from './input.ts'
import type { CaState } from './state.ts'
import { accountView, linkCard, unlinkCard } from './store.ts'

type Ctx = RouteContext<CaState>

/** First six and last four digits: enough to tell cards apart in the journal. */
export const maskCard = (card: string) => (card.length > 10 ? `${card.slice(0, 6)}…${card.slice(-4)}` : '…')

export function addLink(ctx: Ctx, caller: Caller): SandboxResponse {
  const card = requiredString(caller.input, 'card_number', { max: 19, pattern: CARD_NUMBER })
  if (!card.ok) {
    ctx.refuse(card.reason)
    return card.response
  }
  const found = findAccount(ctx, caller)
  if (!found.ok) return found.response
  ctx.meta({ card: maskCard(card.value) })
  const outcome = linkCard(ctx.state, caller.tenant.id, found.row.id, card.value)
  if (outcome === 'unknown_card') {
    ctx.refuse('card unknown to this tenant')
    return cardNotFound(card.value)
  }
  if (outcome === 'linked_elsewhere') {
    ctx.refuse('card linked to another account')
    return linkAlreadyExists(card.value)
  }
  return json(200, linksView(accountView(ctx.state, caller.tenant.id, found.row)))
}

export function deleteLink(ctx: Ctx, caller: Caller): SandboxResponse {
  const card = ctx.params.card_number!
  if (!CARD_NUMBER.test(card)) {
    ctx.refuse('card_number has the wrong format')
    return invalidInput('card_number')
  }
  const found = findAccount(ctx, caller)
  if (!found.ok) return found.response
  ctx.meta({ card: maskCard(card) })
  if (!unlinkCard(ctx.state, caller.tenant.id, found.row.id, card)) {
    ctx.refuse('card not linked to this account')
    return cardNotFound(card)
  }
  return done()
}
