// `token-sandbox contract --help` (every vendor) and `contract <vendor> --help` (that vendor's
// base URLs and credential flags only), both derived from the registered suites.
import { contractSuites } from '../contract/suites.ts'
import { otherBaseUrlVariable } from '../contract/run/params.ts'
import type { ContractSuite } from '../contract/suite.ts'
import { fidelityHelp } from '../contract/fidelity/cli.ts'

function credentialLines(suite: ContractSuite): string {
  const apis = (suite.otherApis ?? []).map(
    (a) => `  --${`${a.name}-url`.padEnd(15)} ${a.title} base URL (default: beside --base-url on a token-sandbox or the vendor's host); or env ${otherBaseUrlVariable(a.name)}`,
  )
  const credentials = suite.credentials.map((c) => `  --${c.flag.padEnd(15)} ${c.description}${c.required ? ' (required)' : ''}; or env ${c.env}`)
  return [...apis, ...credentials].join('\n')
}

export const EXIT_CODES = `Exit codes: 0 every case passed; 1 a case failed (or, with --compare, a difference);
  2 usage error (a flag, a missing credential, a URL that is not a token-sandbox);
  3 a server cannot be reached (checked before the suite starts)`

/** The help of `contract <suite>`, or of `contract` itself (every suite) without one. */
export function contractHelp(only?: ContractSuite): string {
  const suites = only ? [only] : contractSuites
  const withCredentials = suites.filter((s) => s.credentials.length || s.otherApis?.length)
  const credentials = only
    ? withCredentials.length ? `\n\nCredentials:\n${credentialLines(only)}` : ''
    : `\n\nCredentials:\n${withCredentials.map((s) => `${s.name}:\n${credentialLines(s)}`).join('\n')}`
  return `usage: token-sandbox contract ${only ? only.name : '<vendor>'} (--sandbox URL | --base-url URL${withCredentials.length ? ' [credentials]' : ''}) [options]
${only ? '' : `       vendors: ${contractSuites.map((s) => s.name).join(', ')}\n`}
Runs ${only ? `the ${only.title}` : "the vendor's"} contract suite against any endpoint and exits 1 when a case fails.
  --base-url URL      ${only ? 'the base URL: the real one' : "the vendor's base URL: its real one"}, or a local 'token-sandbox serve''s:
${suites.map((s) => `                      ${only ? '' : `${s.name}: `}${s.realBaseUrl ? `${s.realBaseUrl} or ` : ''}http://127.0.0.1:4545${s.sandboxPath}`).join('\n')}
  --sandbox URL       a token-sandbox's URL (or env TOKEN_SANDBOX_URL), e.g. http://127.0.0.1:4545
                      (its /__sandbox URL too): the vendor's paths, the admin API and the seeded
                      credentials on it (flags and variables still win)
  --admin-url URL     a token-sandbox's /__sandbox URL: enables the cases that need the sandbox
                      clock or its verify endpoint (skipped otherwise, with the reason);
                      a guarded one needs its token in TOKEN_SANDBOX_ADMIN_TOKEN
  --allow-writes      run the cases that create data (clients, keys, CA accounts); off by default
                      against --base-url, on with --sandbox for a vendor (the sandbox is ours)
  --through-prism     --base-url is 'prism proxy <contract> <upstream> --errors': requests the
                      contract refuses are expected to be answered by Prism
  --reporter NAME     default | junit | json (with --compare: text | json | junit)
  --output-file FILE  write the junit/json report to FILE instead of stdout
${fidelityHelp}
  -h, --help          this help${only ? '' : " (with a vendor: that vendor's flags only)"}${credentials}

${EXIT_CODES}`
}
