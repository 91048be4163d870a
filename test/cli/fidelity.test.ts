// `token-sandbox contract <vendor> --record/--compare` against two real `serve` processes with
// the same --seed: the record of one is compared with the other (no difference, exit 0; both
// records the same bytes), then one answer of the second is changed with a fault, or a stub (another
// error message, a renamed field), and the compare names exactly that case and that difference
// (exit 1), in each reporter. A's records are also searched for every secret the sandbox knows
// (none may be in a record meant to be shared).
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Comparison } from '../../src/contract/fidelity/compare.ts'
import { contractSuites } from '../../src/contract/suites.ts'
import { background, limiter, runCli, type CliRun } from '../support/cli-run.ts'
import { CONTRACT_STARTS, runInProcess } from '../support/cli-in-process.ts'
import { startServe, type ServeChild } from '../support/serve-child.ts'

// An XML parser for the JUnit report: the one Prism (a dev dependency) brings.
const fromPrism = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json'))
const { XMLParser, XMLValidator } = fromPrism('fast-xml-parser') as {
  XMLValidator: { validate(xml: string): true | object }
  XMLParser: new (options: object) => { parse(xml: string): any }
}

const SEED = 'fidelity-acceptance'
const dir = mkdtempSync(join(tmpdir(), 'fidelity-cli-'))

// Nothing from the developer's environment (no credential, no URL), and a fixed record date;
// killed (code null) if it runs past `timeoutMs`.
const cli = (args: string[], timeoutMs = 0) => runCli(args, { SOURCE_DATE_EPOCH: '1767225600' }, timeoutMs)

async function addFault(server: ServeChild, rule: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${server.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) })
  expect(res.status, await res.text()).toBeLessThan(300)
}

/** Per vendor: a fault that changes one answer only one case asks for, and that case's name. */
const FAULTS = {
  complycube: {
    rule: { vendor: 'complycube', method: 'GET', path: '/clients/000000000000000000000000', status: 503 },
    case: 'clients > answers 404 resource_not_found for a client id it does not hold',
    status: ['404', '503'],
    reporter: 'json',
  },
  caf: {
    rule: { vendor: 'caf', method: 'GET', path: '/v1/faces/attempts/000000000000000000000000', status: 503 },
    case: 'the Core API (faces) > answers 404 for an attempt that does not exist',
    status: ['404', '503'],
    reporter: 'junit',
  },
  ca: {
    rule: { vendor: 'ca', environment: 'kvarnby', method: 'POST', path: '/token', status: 503 },
    case: 'tenant isolation > a token of another tenant answers auth_token_verify_failed here, and ours there',
    status: ['200', '503'],
    reporter: 'text',
  },
} as const

type Vendor = keyof typeof FAULTS
const VENDORS = Object.keys(FAULTS) as Vendor[]

/** Per vendor with a stub test below: the stub added to B (after its fault was used up). */
const STUBS: Partial<Record<Vendor, Record<string, unknown>>> = {
  complycube: {
    vendor: 'complycube',
    method: 'GET',
    path: '/clients/000000000000000000000000',
    pathMatch: 'exact',
    status: 404,
    json: { type: 'resource_not_found', message: 'Nothing here (a stub)' },
  },
  ca: { vendor: 'ca', environment: 'kvarnby', method: 'POST', path: '/token', status: 200, json: { access_token: 'a.b.c' } },
}

// Two `serve --seed` processes, A and B. The runs on one server are serial: they share its sandbox
// clock (a run's clock cases move it), its ids and its faults (a fault is used up by the run after
// it is added). A's records run ahead, side by side with B's runs, which keep the order the tests
// read: per vendor its record (after A's) and its fault, then the stubs.
let a: ServeChild
let b: ServeChild
interface VendorRuns {
  /** `--record` A. */
  first: Promise<CliRun>
  /** `--record` B `--compare` A's record. */
  second: Promise<CliRun>
  /** `--compare` A's record with the vendor's fault on B. */
  fault: Promise<CliRun>
  /** `--compare` A's record with the vendor's stub on B. */
  stub?: Promise<CliRun>
}
const runs = {} as Record<Vendor, VendorRuns>
const recordOf = (vendor: Vendor, server: 'a' | 'b') => join(dir, `${vendor}-${server}.json`)

beforeAll(async () => {
  const started = await Promise.allSettled([startServe(['--seed', SEED]), startServe(['--seed', SEED])])
  ;[a, b] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined!)) as [ServeChild, ServeChild]
  const failed = started.find((s) => s.status === 'rejected')
  if (failed) throw failed.reason
  const [onA, onB] = [limiter(1), limiter(1)]
  const firsts = new Map(VENDORS.map((vendor) => [vendor, background(onA(() => cli(['contract', vendor, '--sandbox', a.url, '--record', recordOf(vendor, 'a')])))]))
  for (const vendor of VENDORS) {
    const fault = FAULTS[vendor]
    const first = firsts.get(vendor)!
    const second = background(
      onB(async () => {
        await first.catch(() => {})
        return cli(['contract', vendor, '--sandbox', b.url, '--record', recordOf(vendor, 'b'), '--compare', recordOf(vendor, 'a')])
      }),
    )
    const faulted = background(
      onB(async () => {
        await addFault(b, fault.rule)
        return cli(['contract', vendor, '--sandbox', b.url, '--compare', recordOf(vendor, 'a'), '--reporter', fault.reporter])
      }),
    )
    runs[vendor] = { first, second, fault: faulted }
  }
  for (const vendor of VENDORS) {
    const stub = STUBS[vendor]
    if (!stub) continue
    runs[vendor].stub = background(
      onB(async () => {
        await addFault(b, stub)
        return cli(['contract', vendor, '--sandbox', b.url, '--compare', recordOf(vendor, 'a'), '--reporter', 'json'])
      }),
    )
  }
}, 60_000)
afterAll(async () => {
  // No run left going against a server about to stop.
  await Promise.allSettled(Object.values(runs).flatMap((r) => Object.values(r)))
  await Promise.all([a?.kill(), b?.kill()])
  rmSync(dir, { recursive: true, force: true })
})

// (A test may wait on the runs queued before its own: a long timeout.)
describe.each(VENDORS)('contract %s --record / --compare', { timeout: 240_000 }, (vendor) => {
  const recordA = recordOf(vendor, 'a')
  const recordB = recordOf(vendor, 'b')

  it('records sandbox A; B recorded while compared with it: no difference (exit 0) and the same bytes', async () => {
    const first = await runs[vendor].first
    expect(first.code, first.stdout + first.stderr).toBe(0)
    const second = await runs[vendor].second
    expect(second.code, second.stdout + second.stderr).toBe(0)
    expect(second.stdout).toMatch(new RegExp(`fidelity: 0 of \\d+ cases differ`))
    expect(second.stdout).not.toMatch(/DIFFERENT/)
    const bytes = readFileSync(recordA, 'utf8')
    expect(readFileSync(recordB, 'utf8')).toBe(bytes)
    const record = JSON.parse(bytes)
    expect(record).toMatchObject({ vendor, environment: 'token-sandbox', date: '2026-01-01T00:00:00.000Z', tool: { name: 'token-sandbox' } })
    expect(record.cases.map((c: { name: string }) => c.name)).toContain(FAULTS[vendor].case)
    expect(record.cases.filter((c: { result: string }) => c.result === 'pass').length).toBeGreaterThan(5)
  })

  it(`a fault on one answer of B: the compare names that case and its status (exit 1, ${FAULTS[vendor].reporter} reporter)`, async () => {
    const fault = FAULTS[vendor]
    const { code, stdout, stderr } = await runs[vendor].fault
    expect(code, stdout + stderr).toBe(1)
    const [expected, actual] = fault.status
    if (fault.reporter === 'json') {
      const report = JSON.parse(stdout) as Comparison & { failed: boolean }
      expect(report.failed).toBe(true)
      const different = report.cases.filter((c) => c.outcome === 'different')
      expect(different.map((c) => c.name)).toEqual([fault.case])
      expect(different[0]!.differences).toContainEqual(expect.objectContaining({ kind: 'status', at: 'status', expected, actual }))
    } else if (fault.reporter === 'junit') {
      expect(XMLValidator.validate(stdout)).toBe(true)
      const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(stdout)
      expect(xml.testsuites).toMatchObject({ failures: '1', errors: '0' })
      const cases = [xml.testsuites.testsuite.testcase].flat() as { name: string; failure?: { '#text': string } }[]
      const failures = cases.filter((c) => c.failure)
      expect(failures.map((c) => c.name)).toEqual([fault.case])
      expect(failures[0]!.failure!['#text']).toMatch(new RegExp(`status: exchange \\d+ \\(GET /v1/faces/attempts/\\{id\\}\\): recorded ${expected}, now ${actual}`))
    } else {
      const different = stdout.split('\n').filter((l) => l.startsWith('  DIFFERENT'))
      expect(different).toEqual([`  DIFFERENT    ${fault.case}`])
      expect(stdout).toMatch(new RegExp(`status: exchange \\d+ \\(POST /token\\): recorded ${expected}, now ${actual}`))
      expect(stdout).toMatch(/fidelity: 1 of \d+ cases differ/)
    }
  })
})

describe('stubs on B: another error message, a renamed field', { timeout: 120_000 }, () => {
  it('ComplyCube: a stub answering the 404 with another message: the compare names that case and that message (exit 1)', async () => {
    const { code, stdout, stderr } = await runs.complycube.stub!
    expect(code, stdout + stderr).toBe(1)
    const report = JSON.parse(stdout) as Comparison
    const different = report.cases.filter((c) => c.outcome === 'different')
    expect(different.map((c) => c.name)).toEqual([FAULTS.complycube.case])
    expect(different[0]!.differences).toEqual([expect.objectContaining({ kind: 'message', at: 'body.message', actual: '"Nothing here (a stub)"' })])
  })

  it('CA: a stub renaming `token` in one tenant\'s answer: the compare names that case and the field (exit 1)', async () => {
    const { code, stdout, stderr } = await runs.ca.stub!
    expect(code, stdout + stderr).toBe(1)
    const report = JSON.parse(stdout) as Comparison
    const different = report.cases.filter((c) => c.outcome === 'different')
    expect(different.map((c) => c.name)).toEqual([FAULTS.ca.case])
    const at = different[0]!.differences.map((d) => `${d.kind} ${d.at}: ${d.expected} -> ${d.actual}`)
    expect(at).toContainEqual(expect.stringMatching(/^shape body\.token: string \(jwt\) -> absent$/))
    expect(at).toContainEqual(expect.stringMatching(/^shape body\.access_token: absent -> /))
  })
})

// A fidelity record is meant to be shared: it must hold no secret and no personal data. A's
// records (writes on, as --sandbox gives them: clients, accounts, cards and faces are created and
// echoed) are searched for every value sandbox A knows to be a credential, an id, a token's claim,
// an email, a name or a document number: its seeded credentials (the admin API), its fixtures, the
// journal's request details and the tokens it issued. None may appear — in error messages that
// echo input neither.
const admin = async (path: string) => (await (await fetch(`${a.url}/__sandbox${path}`)).json()) as any

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

describe('a fidelity record holds no secret, id, token or personal value the sandbox knows', { timeout: 240_000 }, () => {
  const records: Record<string, string> = {}

  it('every vendor with a real API is recorded here', () => {
    expect([...VENDORS].sort()).toEqual(contractSuites.filter((s) => s.realBaseUrl).map((s) => s.name).sort())
  })

  it.each(VENDORS)('%s: recorded on A, writes on; every known secret searched for', async (vendor) => {
    const run = await runs[vendor].first
    expect(run.code, run.stdout + run.stderr).toBe(0)
    records[vendor] = readFileSync(recordOf(vendor, 'a'), 'utf8')

    const secrets = new Set<string>([...SUITE_INPUT, ...Object.values((await admin(`/${vendor}/credentials`)).credentials as Record<string, string>)])
    const fixtures = JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/${vendor}.json`, import.meta.url)), 'utf8'))
    sensitiveValues(fixtures, '', secrets)
    const journal = (await admin(`/requests?vendor=${vendor}&limit=1000`)).requests as { meta?: unknown; path: string }[]
    for (const entry of journal) {
      sensitiveValues(entry.meta, '', secrets)
      // Ids in the paths the suite called (`/clients/8c6a…`, `/accounts/CONTRACT-…/links`), short
      // ones too (CA's `/devices/D-9`, `/contacts/C-2`: three characters with a digit; `v1` is a word).
      for (const segment of entry.path.split('/')) if (/\d/.test(segment) && segment.length >= 3) secrets.add(decodeURIComponent(segment))
    }
    sensitiveValues((await admin('/tokens')).tokens, '', secrets)
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

/** A refusal in this process (../support/cli-in-process.ts): it comes before any case, so it needs no process of its own. */
const inProcess = (args: string[]) => runInProcess(args, CONTRACT_STARTS)

describe('contract --compare: what is refused before any case runs', { timeout: 60_000 }, () => {
  it('a record of another vendor, a missing file, a file that is not a record, a --record into no folder: exit 2, one line', async () => {
    const notRecord = join(dir, 'not-a-record.json')
    writeFileSync(notRecord, '{"hello": 1}')
    const other = join(dir, 'complycube-only.json')
    writeFileSync(other, JSON.stringify({ format: 'token-sandbox-fidelity/1', vendor: 'complycube', environment: 'vendor', date: '2026-01-01T00:00:00.000Z', tool: { name: 'token-sandbox', version: '0' }, cases: [] }))
    const refusals = [
      [other, /is a record of complycube, not caf/],
      [join(dir, 'missing.json'), /--compare .*missing\.json: ENOENT/],
      [notRecord, /is not a fidelity record/],
    ] as const
    const results = await Promise.all([
      ...refusals.map(([file]) => inProcess(['contract', 'caf', '--sandbox', a.url, '--compare', file])),
      inProcess(['contract', 'caf', '--sandbox', a.url, '--record', join(dir, 'no-such-folder', 'r.json')]),
    ])
    const messages = [...refusals.map(([, m]) => m), /--record .*r\.json: its folder does not exist/]
    results.forEach(({ code, stderr }, i) => {
      expect(code, stderr).toBe(2)
      expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(messages[i]!)])
    })
  })
})

// A run that got as far as the suite prints "… contract suite against …" first: each refusal
// below is the only line, so it came before any case ran. The FIFOs and /dev/stdout are refused
// by the built CLI in a process of its own, killed after 30 s (code null) had it waited on a FIFO
// (it would block this one for good), its stdout a pipe as a user's may be; the others in this
// process (`inProcess`, which also fails a run that gets past its checks).
describe('--record / --compare: only a regular file (or a new one, for --record)', { timeout: 90_000 }, () => {
  const fifo = join(dir, 'fifo')
  const folder = join(dir, 'a-folder')
  const huge = join(dir, 'huge.json')

  const cases = [
    ['--record', '', /^token-sandbox: --record needs a file name \(it was empty\)$/],
    ['--record', folder, /--record .*a-folder is a directory: it must be a regular file or a new one$/],
    ['--record', '/dev/full', /--record \/dev\/full is not a regular file \(a device, FIFO or socket\)/],
    ['--record', '/dev/stdout', /--record \/dev\/stdout is not a regular file/],
    ['--record', fifo, /--record .*fifo is not a regular file/],
    ['--compare', fifo, /--compare .*fifo is a FIFO \(named pipe\), not a regular file$/],
    ['--compare', '/dev/zero', /--compare \/dev\/zero is a character device, not a regular file$/],
    ['--compare', folder, /--compare .*a-folder is a directory, not a regular file$/],
    ['--compare', huge, /--compare .*huge\.json is larger than 16 MiB, the most it may hold$/],
  ] as const
  const inAProcess = (file: string) => file === fifo || file === '/dev/stdout'
  // The runs in a process of their own, all started at once (each refused before the suite, so they share a server).
  const refused = new Map<string, Promise<CliRun>>()

  beforeAll(() => {
    execFileSync('mkfifo', [fifo])
    mkdirSync(folder)
    // Sparse: 16 MiB and one byte, over the cap, without writing them.
    writeFileSync(huge, '')
    truncateSync(huge, 16 * 1024 * 1024 + 1)
    for (const [flag, file] of cases) if (inAProcess(file)) refused.set(`${flag} ${file}`, background(cli(['contract', 'complycube', '--sandbox', a.url, flag, file], 30_000)))
  })

  it.each(cases)('%s %j: exit 2, one line, before any case', async (flag, file, message) => {
    const args = ['contract', 'complycube', '--sandbox', a.url, flag, file]
    const { code, stdout, stderr } = await (inAProcess(file) ? refused.get(`${flag} ${file}`)! : inProcess(args))
    expect(code, stderr).toBe(2)
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(message)])
    expect(stdout).toBe('')
  })
})
