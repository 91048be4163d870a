// Every contract suite takes one options shape: `baseUrl`, with `baseUrls` overriding where CAF's
// other APIs live. A wrong shape fails tsc (the @ts-expect-error lines below) and, from plain
// JavaScript, stops the suite before it registers a case with one line naming the option.
import { describe, expect, it } from 'vitest'
import { cafContract, type CafContractOptions } from '../../src/vendors/caf/contract.ts'
import { complycubeContract, type ComplyCubeContractOptions } from '../../src/vendors/complycube/contract.ts'
import { caContract, type CaContractOptions } from '../../src/vendors/ca/contract.ts'

const KEY = { clientId: 'tokensandbox-prod-0001', clientSecret: 'sandbox-prod-secret' }
const MOBILE = 'http://127.0.0.1:4545/caf/prod/mobile'

// Types only: never called.
export function shapes(): void {
  const same: [CafContractOptions, ComplyCubeContractOptions, CaContractOptions] = [
    { baseUrl: MOBILE, ...KEY },
    { baseUrl: 'http://127.0.0.1:4545/complycube/v1', apiKey: 'test_x' },
    { baseUrl: 'http://127.0.0.1:4545/ca/hedmoral', username: 'u', password: 'p' },
  ]
  const overrides: CafContractOptions = { baseUrl: MOBILE, baseUrls: { bff: 'http://127.0.0.1:4011', core: 'http://127.0.0.1:4012' }, ...KEY }
  // The older CAF shape still type-checks.
  const older: CafContractOptions = { baseUrls: { mobile: MOBILE, bff: 'http://127.0.0.1:4545/caf/prod/bff' }, ...KEY }
  // @ts-expect-error neither baseUrl nor baseUrls.mobile
  const noBase: CafContractOptions = { baseUrls: { bff: 'http://127.0.0.1:4011' }, ...KEY }
  // @ts-expect-error an API CAF does not have
  const unknownApi: CafContractOptions = { baseUrl: MOBILE, baseUrls: { bf: 'http://127.0.0.1:4011' }, ...KEY }
  // @ts-expect-error baseUrl is a string
  const notString: ComplyCubeContractOptions = { baseUrl: new URL('http://127.0.0.1:4545/complycube/v1'), apiKey: 'test_x' }
  // @ts-expect-error the Mobile Key's secret is missing
  const noSecret: CafContractOptions = { baseUrl: MOBILE, clientId: 'x' }
  void [same, overrides, older, noBase, unknownApi, notString, noSecret]
}

/** What the suite threw, as a plain-JavaScript caller would see it. */
function thrown(define: (o: any) => void, options: unknown): string {
  try {
    define(options)
  } catch (err) {
    expect(err).toBeInstanceOf(TypeError)
    return (err as Error).message
  }
  throw new Error('the suite accepted the options and registered its cases')
}

describe('a contract suite given a wrong shape', () => {
  it.each([
    ['baseUrl missing', cafContract, { ...KEY }, "CAF contract: option 'baseUrl' is required (the base URL of the API under test)"],
    ['baseUrl not a URL', complycubeContract, { baseUrl: '127.0.0.1:4545', apiKey: 'test_x' }, `ComplyCube contract: option 'baseUrl' must be an http(s) URL, got "127.0.0.1:4545"`],
    ['an unknown CAF API', cafContract, { baseUrl: MOBILE, baseUrls: { bf: 'http://x.example' }, ...KEY }, "CAF contract: option 'baseUrls.bf' is not one of baseUrls.mobile, baseUrls.bff, baseUrls.sdk, baseUrls.core"],
    ['a CAF API URL that is not one', cafContract, { baseUrl: MOBILE, baseUrls: { bff: 42 }, ...KEY }, "CAF contract: option 'baseUrls.bff' must be an http(s) URL, got 42"],
    ['no BFF beside a foreign Mobile API', cafContract, { baseUrl: 'https://mobile.example.com', ...KEY }, "CAF contract: option 'baseUrls.bff' is required: no BFF is known beside https://mobile.example.com"],
    ['a missing credential', cafContract, { baseUrl: MOBILE, clientId: 'x' }, "CAF contract: option 'clientSecret' is required (a non-empty string), got undefined"],
    ['a CAF environment CAF lacks', cafContract, { baseUrl: MOBILE, ...KEY, environment: 'staging' }, "CAF contract: option 'environment' must be prod, beta or dev"],
    ['baseUrls on a suite with one API', caContract, { baseUrl: 'http://127.0.0.1:4545/ca/hedmoral', baseUrls: { bff: 'http://x.example' }, username: 'u', password: 'p' }, "CA contract: option 'baseUrls.bff' is not an option of this suite"],
    ['no options at all', complycubeContract, undefined, 'ComplyCube contract: the options must be an object, got undefined'],
  ] as const)('%s: one line naming the option', (_what, define, options, message) => {
    const text = thrown(define, options)
    expect(text).toBe(message)
    expect(text).not.toContain('\n')
  })
})
