// The format of CA's seed (fixtures/ca.json, or `fixtures.ca`): tenants with their service
// accounts, known cards and cardholder accounts, as one schema. The sandbox checks every fixture
// with it before start; the JSON Schema in fixtures/schema/ is generated from it;
// docs/vendors/ca.md describes it. Field rules are the Add Account API's (./account-input.ts).
import * as v from 'valibot'
import { trimTrailingSlashes } from '../../core/paths.ts'
import { across, FILE_KEYS, flag, integer, list, matching, oneOf, record, text, unique, url } from '../fixture-kit.ts'
import { CONTACT_TYPES, MAX_FACTORS } from './account-input.ts'
import { CARD_NUMBER } from './input.ts'
import { MAX_TOKEN_MINUTES, OPERATIONS, TENANT_ID, type CaFixtures } from './tenants.ts'

const card = matching(CARD_NUMBER, '12 to 19 digits', 'A card number.')
const isDefault = v.optional(flag('The default one (at most one per account).'))

/** At most one item is the default, as the Add Account API requires. */
const oneDefault = (what: string) =>
  across<{ is_default?: boolean | undefined }[]>((items) => {
    const defaults = items.flatMap((item, i) => (item.is_default === true ? [i] : []))
    return defaults.length > 1 ? { path: [defaults[1]!, 'is_default'], message: `is a second default ${what} (item ${defaults[0]} is one)` } : null
  })

const contact = record(
  {
    contact_id: text('The contact\'s id within the account.', 1, 128),
    type: oneOf(CONTACT_TYPES as ['email', 'mobile'], 'email or mobile.'),
    value: text('The address or number.', 1, 256),
    is_default: isDefault,
  },
  'A contact (email or mobile) for one-time passcodes.',
)

const device = record({ device_id: text('The device\'s id within the account.', 1, 128), is_default: isDefault }, 'A device.')

const account = record(
  {
    account_id: text('The account id callers use.', 1, 128),
    name: v.optional(text('The account\'s name; one account_id may have several accounts under different names.', 0, 128)),
    cards: v.optional(list(card, 'Card numbers linked to this account; each must be in the tenant\'s cards.')),
    contacts: v.optional(
      v.pipe(
        list(contact, 'Contacts.'),
        v.maxLength(MAX_FACTORS, `must have at most ${MAX_FACTORS} items`),
        unique((c) => c.contact_id, 'contact_id', 'is the same contact_id'),
        oneDefault('contact'),
      ),
    ),
    devices: v.optional(
      v.pipe(list(device, 'Devices.'), v.maxLength(MAX_FACTORS, `must have at most ${MAX_FACTORS} items`), unique((d) => d.device_id, 'device_id', 'is the same device_id'), oneDefault('device')),
    ),
  },
  'A cardholder account.',
)

const serviceAccount = record(
  {
    username: text('The service account\'s username.', 1, 128),
    password: text('Its password.', 1, 256),
    operations: list(oneOf([...OPERATIONS, '*'], 'An operation it may call, or * for all.'), 'The protected operations it may call.'),
  },
  'An administrator service account, which gets tokens.',
)

// Each account's cards are known to the tenant and linked once.
const cardsLinkedOnce = across<{ cards?: string[] | undefined; accounts?: { cards?: string[] | undefined }[] | undefined }>((t) => {
  const known = new Set(t.cards ?? [])
  const linked = new Set<string>()
  for (const [a, acc] of (t.accounts ?? []).entries()) {
    for (const [c, number] of (acc.cards ?? []).entries()) {
      const message = !known.has(number) ? "is not in the tenant's cards" : linked.has(number) ? 'is already linked to another account' : null
      if (message) return { path: ['accounts', a, 'cards', c], message }
      linked.add(number)
    }
  }
  return null
})

const tenant = v.pipe(
  record(
    {
      id: matching(TENANT_ID, '1 to 64 letters, digits, _ or - (not starting with _ or -)', 'The tenant id: the tenant_id its requests carry and its /ca/<id> prefix.'),
      name: v.optional(text('The tenant\'s name.', 0)),
      baseUrl: v.optional(url('Where msw intercepts this tenant (a silo host such as https://secure2api.arcot.com).')),
      tokenMinutes: v.optional(integer(1, MAX_TOKEN_MINUTES, 'Token lifetime in minutes (default 30).')),
      lenientApiVersion: v.optional(flag('Accept any CA_com_apiVersion, not only 1.0 (default false).')),
      acceptBearerPrefix: v.optional(flag('Accept Authorization: Bearer <token> as well as the raw token (default false).')),
      signingSecret: v.optional(text('The secret this tenant\'s tokens are signed with (random per sandbox when absent): for tests that forge tokens.', 16, 512)),
      serviceAccounts: v.pipe(list(serviceAccount, 'Administrator service accounts.'), unique((s) => s.username, 'username', 'is the same username')),
      cards: v.optional(v.pipe(list(card, 'Card numbers this tenant\'s ACS knows: only these can be linked.'), unique((c) => c, null, 'is the same card'))),
      accounts: v.optional(v.pipe(list(account, 'Cardholder accounts.'), unique((a) => `${a.account_id}\0${a.name ?? ''}`, 'account_id', 'is the same account_id and name'))),
    },
    'A tenant (an issuer, enterprise) with its own base URL and data.',
  ),
  cardsLinkedOnce,
)

function baseUrlKey(t: { baseUrl?: string | undefined }): string | undefined {
  return t.baseUrl === undefined ? undefined : trimTrailingSlashes(new URL(t.baseUrl).href)
}

export const fixtureSchema = record(
  {
    ...FILE_KEYS,
    tenants: v.pipe(
      list(tenant, 'The tenants (issuers), each with its own store.'),
      v.minLength(1, 'must list at least one tenant'),
      unique((t) => t.id, 'id', 'is the same tenant id'),
      // One host path can only route to one tenant.
      unique(baseUrlKey, 'baseUrl', 'is the same base URL'),
    ),
  },
  'The seed of the CA simulation (Arcot for Issuers): tenants.',
) satisfies v.GenericSchema<unknown, CaFixtures>
