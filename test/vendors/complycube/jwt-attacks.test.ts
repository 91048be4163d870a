// Every named attack on a ComplyCube SDK token is refused by the sandbox's SDK check.
import { createFaults } from '../../../src/core/faults.ts'
import { createRateLimiter } from '../../../src/core/rate-limits.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../../../src/core/clock.ts'
import { createIds } from '../../../src/core/ids.ts'
import { createJournal } from '../../../src/core/journal.ts'
import { createJwtService } from '../../../src/core/jwt.ts'
import { complycube } from '../../../src/vendors/complycube/index.ts'
import type { ComplyCubeState } from '../../../src/vendors/complycube/state.ts'
import { instantiate } from '../../../src/core/vendor-instance.ts'
import { issueSdkToken, verifySdkToken } from '../../../src/vendors/complycube/tokens.ts'
import { jwtAttacks } from '../../support/jwt-attacks.ts'

const CLIENT = '5eb04fcd0f3e360008035eb1'
const PAGE = 'https://www.example.com/kyc'

const clock = createClock()
clock.freeze(Date.parse('2026-06-01T12:00:00Z'))
const core = { clock, ids: createIds('attacks'), jwt: createJwtService(clock), journal: createJournal(10), faults: createFaults(['complycube']), rateLimits: createRateLimiter({}, false), bodyLimit: 1 << 20 }
const state = instantiate(complycube, core, complycube.fixtures).state as ComplyCubeState
const { token: valid } = await issueSdkToken(state, { environment: 'sandbox', clientId: CLIENT, referrer: 'https://www.example.com/*' })
  const attacks = await jwtAttacks({ valid, secret: state.signingSecret, now: clock.nowSeconds() })

describe('ComplyCube SDK tokens under attack', () => {
  beforeAll(async () => {
    // The baseline must pass, or every "refused" below would prove nothing.
    expect(await verifySdkToken(state, { token: valid, referrer: PAGE })).toMatchObject({ accepted: true })
  })

  it('has a full attack list', () => expect(attacks.length).toBeGreaterThanOrEqual(30))

  it.each(attacks)('refuses %s', async (_name, token) => {
    const result = await verifySdkToken(state, { token, referrer: PAGE })
    expect(result.accepted).toBe(false)
    expect(['malformed', 'tampered', 'expired']).toContain(result.verdict)
  })
})
