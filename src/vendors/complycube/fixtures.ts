// The format of ComplyCube's seed (fixtures/complycube.json, or `fixtures.complycube`): its API
// keys and clients, as one schema. The sandbox checks every fixture with it before start; the
// JSON Schema in fixtures/schema/ is generated from it; docs/vendors/complycube.md describes it.
import * as v from 'valibot'
import { across, FILE_KEYS, flag, list, matching, oneOf, pathTo, record, text, timestamp, unique } from '../fixture-kit.ts'
import { ENVIRONMENTS, environmentOfKey, KEY_PREFIX, type ComplyCubeFixtures, type Environment } from './state.ts'
import { validateCreate } from './validate-client.ts'

// A key's prefix says its environment: test_ for the sandbox, live_ for live (ComplyCube's rule).
const apiKey = v.pipe(
  record(
    {
      key: matching(/^(test|live)_[\x21-\x7e]{1,250}$/, 'test_ (sandbox) or live_ (live) then visible ASCII characters', 'The API key, sent as the Authorization header; test_ selects sandbox, live_ live.'),
      name: v.optional(text('A name for the key.', 0)),
      environment: oneOf(ENVIRONMENTS as ['sandbox', 'live'], 'The environment the key belongs to: sandbox (test_ keys) or live (live_ keys).'),
      revoked: v.optional(flag('A revoked key is refused with 401.')),
    },
    'An API key.',
  ),
  across<{ key: string; environment: Environment }>((k) =>
    environmentOfKey(k.key) === k.environment ? null : { path: ['key'], message: `must start with ${KEY_PREFIX[k.environment]}: the key of a ${k.environment} environment` },
  ),
)

const CLIENT_ID = /^[a-f0-9]{24}$/

// The fields of a client beyond its id, environment and dates are checked by the same rules as
// POST /v1/clients (./validate-client.ts), so a seeded client is one the API could have made.
const client = v.pipe(
  record(
    {
      environment: oneOf(ENVIRONMENTS as ['sandbox', 'live'], 'The environment the client lives in.'),
      id: matching(CLIENT_ID, '24 lowercase hexadecimal characters, like the ids ComplyCube makes', 'The client id: what POST /v1/tokens takes as clientId.'),
      createdAt: v.optional(timestamp('When the client was created (default: when the sandbox starts).')),
      updatedAt: v.optional(timestamp('When it was last updated (default: createdAt).')),
      type: oneOf(['person', 'company'], 'person (needs personDetails) or company (needs companyDetails).'),
      email: text('The client\'s email address.', 1, 254),
      entityName: v.optional(text('The client\'s display name.', 0)),
      mobile: v.optional(v.nullable(text('Mobile number.', 0, 30))),
      telephone: v.optional(v.nullable(text('Telephone number.', 0, 30))),
      joinedDate: v.optional(v.nullable(text('When the client joined you: YYYY-MM-DD.', 10, 10))),
      externalId: v.optional(v.nullable(text('Your own id for the client.', 0))),
      lastActionBy: v.optional(v.nullable(text('Who last acted on the client.', 0))),
      personDetails: v.optional(v.nullable(v.pipe(v.looseObject({}, 'must be an object'), v.description('firstName, lastName (required), middleName, dob (YYYY-MM-DD), gender, nationality, birthCountry, ...: as in POST /v1/clients.')))),
      companyDetails: v.optional(v.nullable(v.pipe(v.looseObject({}, 'must be an object'), v.description('name (required), website, registrationNumber, incorporationCountry, incorporationType: as in POST /v1/clients.')))),
      metadata: v.optional(v.nullable(v.pipe(v.record(v.string(), v.nullable(v.string('must be a string')), 'must be an object of strings'), v.description('Up to 20 string values of your own.')))),
    },
    'A client, as POST /v1/clients takes it, with its id and environment.',
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const { environment: _e, id: _i, createdAt: _c, updatedAt: _u, ...fields } = dataset.value
    const problem = validateCreate(fields)
    if (!problem) return
    // The API's message names the field ('personDetails.dob' must be ...): the path says it here.
    addIssue({ message: problem.message.replace(/^'[^']*' /, ''), path: pathTo(dataset.value, problem.param.split('.')) })
  }),
)

export const fixtureSchema = v.pipe(
  record(
    {
      ...FILE_KEYS,
      apiKeys: v.pipe(
        list(apiKey, 'API keys: test_ keys answer in the sandbox environment, live_ keys in live.'),
        unique((k) => k.key, 'key', 'is the same key'),
      ),
      clients: v.pipe(
        list(client, 'Clients to issue SDK tokens for.'),
        unique((c) => `${c.environment}\0${c.id}`, 'id', 'is the same id in the same environment'),
      ),
    },
    'The seed of the ComplyCube simulation: API keys and clients.',
  ),
) satisfies v.GenericSchema<unknown, ComplyCubeFixtures>
