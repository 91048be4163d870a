// The format of CAF's seed (fixtures/caf.json, or `fixtures.caf`): settings, Mobile Keys,
// registered faces and Core API tokens, as one schema. The sandbox checks every fixture with it
// before start; the JSON Schema in fixtures/schema/ is generated from it; docs/vendors/caf.md
// describes it.
import * as v from 'valibot'
import { MAX_TOKEN_LIFETIME_MS } from '../../core/clock.ts'
import { FILE_KEYS, flag, integer, list, matching, oneOf, record, text, timestamp, unique, url } from '../fixture-kit.ts'
import { PRODUCTS } from './products.ts'
import { ENVIRONMENTS, type CafFixtures } from './state.ts'

const MAX_SECONDS = MAX_TOKEN_LIFETIME_MS / 1000
const environment = oneOf(ENVIRONMENTS, 'prod, beta or dev: a key or token of one environment is unknown on the others\' hosts.')
// A token's `iss` and a header value carry it: visible ASCII, no spaces.
const CLIENT_ID = /^[A-Za-z0-9._~-]{8,128}$/
const SECRET_MIN = 16

const mobileKey = record(
  {
    environment,
    clientId: matching(CLIENT_ID, '8 to 128 letters, digits, ., _, ~ or -', 'The Mobile Key\'s clientId: the `iss` of the tokens signed with it.'),
    clientSecret: text('The Mobile Key\'s clientSecret: the HS256 secret tokens are signed with.', SECRET_MIN, 512),
    name: v.optional(text('A name for the key.', 0)),
    products: list(oneOf(PRODUCTS, 'A CAF product.'), 'The products the key is linked to; a token used for another is refused.'),
    revoked: v.optional(flag('A revoked key\'s tokens are refused.')),
    createdAt: v.optional(timestamp('When the key was created (default: when the sandbox starts).')),
  },
  'A Mobile Key (Trust → Settings → API Integration → Mobile Keys).',
)

const face = record(
  {
    environment,
    // What ./cpf.ts's isCpfShaped accepts: 11 digits once '.', '/' and '-' are taken out.
    peopleId: matching(/^[./-]*(?:\d[./-]*){11}$/, 'a CPF: 11 digits (with . / - or without)', 'The person\'s CPF.'),
    imageUrl: url('Where the registered face image is.'),
  },
  'A face registered for FaceAuthenticator.',
)

const apiToken = record(
  {
    environment,
    token: text('The opaque Core API token, sent as the Authorization header.', SECRET_MIN, 512),
    name: v.optional(text('A name for the token.', 0)),
    revoked: v.optional(flag('A revoked token is refused.')),
  },
  'A Core API token (created in Trust for server-to-server calls).',
)

export const fixtureSchema = record(
  {
    ...FILE_KEYS,
    settings: v.optional(
      record(
        {
          strictCpf: v.optional(flag('Refuse CPFs whose check digits are wrong (default false).')),
          clockSkewSeconds: v.optional(integer(0, MAX_SECONDS, 'Tolerance on exp and nbf, in seconds (default 5).')),
          sessionTokenLifetimeSeconds: v.optional(integer(1, MAX_SECONDS, 'Lifetime of the BFF session tokens, in seconds (default 1800).')),
        },
        'How strict the simulation is.',
      ),
    ),
    sessionTokenSecret: v.optional(text('The secret BFF session tokens are signed with (random per sandbox when absent): for tests that forge them.', SECRET_MIN, 512)),
    mobileKeys: v.pipe(list(mobileKey, 'Mobile Keys, per environment.'), unique((k) => k.clientId, 'clientId', 'is the same clientId')),
    faces: v.optional(list(face, 'Faces registered per person and environment (a person listed twice keeps the last).')),
    apiTokens: v.optional(v.pipe(list(apiToken, 'Core API tokens, per environment.'), unique((t) => t.token, 'token', 'is the same token'))),
  },
  'The seed of the CAF simulation: settings, Mobile Keys, faces and Core API tokens.',
) satisfies v.GenericSchema<unknown, CafFixtures>
