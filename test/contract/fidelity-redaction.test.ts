// A fidelity record is meant to be shared: it must hold no secret and no personal data. Each
// vendor's suite is recorded against a sandbox (writes on, so clients, accounts, cards and faces
// are created and echoed), then the record is searched for every value the sandbox knows to be
// a credential, an id, a token's claim, an email, a name or a document number: its seeded
// credentials (the admin API), its fixtures, the journal's request details and the tokens it
// issued. None may appear — in error messages that echo input neither. Each vendor has a sandbox
// of its own (a suite moves the clock), so the three recordings run at once.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { startServer } from '../../src/server/server.ts'
import { contractSuites } from '../../src/contract/suites.ts'
import { runCli } from '../support/cli-run.ts'

const vendors = contractSuites.filter((s) => s.realBaseUrl).map((s) => s.name)
const servers = new Map(await Promise.all(vendors.map(async (v) => [v, await startServer({ host: '127.0.0.1', port: 0, seed: 'fidelity-redaction' })] as const)))
const dir = mkdtempSync(join(tmpdir(), 'fidelity-redaction-'))
afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()))
  rmSync(dir, { recursive: true, force: true })
})

const cli = (args: string[]) => runCli(args)
/** Each vendor's recording, started together on first use. */
let runs: Map<string, ReturnType<typeof cli>> | undefined
const recording = (vendor: string) => {
  runs ??= new Map(vendors.map((v) => [v, cli(['contract', v, '--sandbox', servers.get(v)!.url, '--allow-writes', '--record', join(dir, `${v}.json`)])]))
  return runs.get(vendor)!
}

const admin = async (vendor: string, path: string) => (await (await fetch(`${servers.get(vendor)!.url}/__sandbox${path}`)).json()) as any

/** Keys whose values identify someone or open something. */
const SENSITIVE = /(key|secret|token|password|email|name|username|service_account|cpf|people|person|phone|account|card|jti|sub|id)$/i

/** Every string (and long number) under a sensitive key, anywhere in `value`. */
function sensitiveValues(value: unknown, key = '', out = new Set<string>()): Set<string> {
  if ((typeof value === 'string' || typeof value === 'number') && SENSITIVE.test(key)) {
    const text = String(value)
    // The journal clips long values (`con… (30 characters)`): those are no value at all.
    if (text.length >= 6 && !text.includes('…')) out.add(text)
  } else if (Array.isArray(value)) for (const v of value) sensitiveValues(v, key, out)
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) sensitiveValues(v, k, out)
  return out
}

/** What the suites themselves send that is personal (the clients they create). */
const SUITE_INPUT = ['contract.suite@example.com', 'ada.lovelace@example.com', 'ada@example.org', 'Lovelace']

describe('a fidelity record holds no secret, id, token or personal value the sandbox knows', { timeout: 180_000 }, () => {
  const records: Record<string, string> = {}

  it.each(vendors)('%s: recorded with --allow-writes; every known secret searched for', async (vendor) => {
    const file = join(dir, `${vendor}.json`)
    const run = await recording(vendor)
    expect(run.code, run.stdout + run.stderr).toBe(0)
    records[vendor] = readFileSync(file, 'utf8')

    const secrets = new Set<string>([...SUITE_INPUT, ...Object.values((await admin(vendor, `/${vendor}/credentials`)).credentials as Record<string, string>)])
    const fixtures = JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/${vendor}.json`, import.meta.url)), 'utf8'))
    sensitiveValues(fixtures, '', secrets)
    const journal = (await admin(vendor, `/requests?vendor=${vendor}&limit=1000`)).requests as { meta?: unknown; path: string }[]
    for (const entry of journal) {
      sensitiveValues(entry.meta, '', secrets)
      // Ids in the paths the suite called (`/clients/8c6a…`, `/accounts/CONTRACT-…/links`), short
      // ones too (CA's `/devices/D-9`, `/contacts/C-2`: three characters with a digit; `v1` is a word).
      for (const segment of entry.path.split('/')) if (/\d/.test(segment) && segment.length >= 3) secrets.add(decodeURIComponent(segment))
    }
    sensitiveValues((await admin(vendor, '/tokens')).tokens, '', secrets)
    // A sanity check on the search itself: it has something to find.
    expect(secrets.size, [...secrets].join(', ')).toBeGreaterThan(vendor === 'complycube' ? 8 : 15)

    const found = [...secrets].filter((s) => records[vendor]!.includes(s))
    expect(found, `secret values in the ${vendor} record`).toEqual([])
  })

  it('echoes of input in error messages are there, redacted (so the search above covered them)', () => {
    const all = Object.values(records).join('\n')
    expect(all).toMatch(/"value": "Invalid client id '<redacted>'"/)
    expect(all).toMatch(/"value": "Cardnumber \(<redacted>\) is linked with another account"/)
    // Nothing but shapes of a success body: no JWT, email or ObjectId value anywhere.
    expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/)
    expect(all).not.toMatch(/"[0-9a-f]{24}"/)
    expect(all).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[a-z]{2,}/)
  })
})
