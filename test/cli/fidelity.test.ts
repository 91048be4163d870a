// `token-sandbox contract <vendor> --record/--compare` against two real `serve` processes with
// the same --seed: the record of one is compared with the other (no difference, exit 0; both
// records the same bytes), then one answer of the second is changed with a fault, or a stub (another
// error message, a renamed field), and the compare names exactly that case and that difference
// (exit 1), in each reporter.
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Comparison } from '../../src/contract/fidelity/compare.ts'
import { runCli } from '../support/cli-run.ts'
import { startServe, type ServeChild } from '../support/serve-child.ts'

// An XML parser for the JUnit report: the one Prism (a dev dependency) brings.
const fromPrism = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json'))
const { XMLParser, XMLValidator } = fromPrism('fast-xml-parser') as {
  XMLValidator: { validate(xml: string): true | object }
  XMLParser: new (options: object) => { parse(xml: string): any }
}

const SEED = 'fidelity-acceptance'
let a: ServeChild
let b: ServeChild
const dir = mkdtempSync(join(tmpdir(), 'fidelity-cli-'))

beforeAll(async () => {
  ;[a, b] = await Promise.all([startServe(['--seed', SEED]), startServe(['--seed', SEED])])
}, 60_000)
afterAll(async () => {
  await Promise.all([a?.kill(), b?.kill()])
  rmSync(dir, { recursive: true, force: true })
})

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

describe.each(Object.keys(FAULTS) as (keyof typeof FAULTS)[])('contract %s --record / --compare', { timeout: 120_000 }, (vendor) => {
  const recordA = join(dir, `${vendor}-a.json`)
  const recordB = join(dir, `${vendor}-b.json`)

  it('records sandbox A; B recorded while compared with it: no difference (exit 0) and the same bytes', async () => {
    const first = await cli(['contract', vendor, '--sandbox', a.url, '--record', recordA])
    expect(first.code, first.stdout + first.stderr).toBe(0)
    const second = await cli(['contract', vendor, '--sandbox', b.url, '--record', recordB, '--compare', recordA])
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
    await addFault(b, fault.rule)
    const { code, stdout, stderr } = await cli(['contract', vendor, '--sandbox', b.url, '--compare', recordA, '--reporter', fault.reporter])
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
    await addFault(b, {
      vendor: 'complycube',
      method: 'GET',
      path: '/clients/000000000000000000000000',
      pathMatch: 'exact',
      status: 404,
      json: { type: 'resource_not_found', message: 'Nothing here (a stub)' },
    })
    const { code, stdout, stderr } = await cli(['contract', 'complycube', '--sandbox', b.url, '--compare', join(dir, 'complycube-a.json'), '--reporter', 'json'])
    expect(code, stdout + stderr).toBe(1)
    const report = JSON.parse(stdout) as Comparison
    const different = report.cases.filter((c) => c.outcome === 'different')
    expect(different.map((c) => c.name)).toEqual([FAULTS.complycube.case])
    expect(different[0]!.differences).toEqual([expect.objectContaining({ kind: 'message', at: 'body.message', actual: '"Nothing here (a stub)"' })])
  })

  it('CA: a stub renaming `token` in one tenant\'s answer: the compare names that case and the field (exit 1)', async () => {
    await addFault(b, { vendor: 'ca', environment: 'kvarnby', method: 'POST', path: '/token', status: 200, json: { access_token: 'a.b.c' } })
    const { code, stdout, stderr } = await cli(['contract', 'ca', '--sandbox', b.url, '--compare', join(dir, 'ca-a.json'), '--reporter', 'json'])
    expect(code, stdout + stderr).toBe(1)
    const report = JSON.parse(stdout) as Comparison
    const different = report.cases.filter((c) => c.outcome === 'different')
    expect(different.map((c) => c.name)).toEqual([FAULTS.ca.case])
    const at = different[0]!.differences.map((d) => `${d.kind} ${d.at}: ${d.expected} -> ${d.actual}`)
    expect(at).toContainEqual(expect.stringMatching(/^shape body\.token: string \(jwt\) -> absent$/))
    expect(at).toContainEqual(expect.stringMatching(/^shape body\.access_token: absent -> /))
  })
})

describe('contract --compare: what is refused before any case runs', { timeout: 60_000 }, () => {
  it('a record of another vendor, a missing file, a file that is not a record, a --record into no folder: exit 2, one line', async () => {
    const notRecord = join(dir, 'not-a-record.json')
    writeFileSync(notRecord, '{"hello": 1}')
    const other = join(dir, 'complycube-only.json')
    writeFileSync(other, JSON.stringify({ format: 'token-sandbox-fidelity/1', vendor: 'complycube', environment: 'vendor', date: '2026-01-01T00:00:00.000Z', tool: { name: 'token-sandbox', version: '0' }, cases: [] }))
    const runs = [
      [other, /is a record of complycube, not caf/],
      [join(dir, 'missing.json'), /--compare .*missing\.json: ENOENT/],
      [notRecord, /is not a fidelity record/],
    ] as const
    const results = await Promise.all([
      ...runs.map(([file]) => cli(['contract', 'caf', '--sandbox', a.url, '--compare', file])),
      cli(['contract', 'caf', '--sandbox', a.url, '--record', join(dir, 'no-such-folder', 'r.json')]),
    ])
    const messages = [...runs.map(([, m]) => m), /--record .*r\.json: its folder does not exist/]
    results.forEach(({ code, stderr }, i) => {
      expect(code, stderr).toBe(2)
      expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(messages[i]!)])
    })
  })
})

// A run that got as far as the suite prints "… contract suite against …" first: each refusal
// below is the only line, so it came before any case ran (and never waited on a FIFO: each run
// is killed after 30 s, which would show as code null).
describe('--record / --compare: only a regular file (or a new one, for --record)', { timeout: 90_000 }, () => {
  const fifo = join(dir, 'fifo')
  const folder = join(dir, 'a-folder')
  const huge = join(dir, 'huge.json')

  beforeAll(() => {
    execFileSync('mkfifo', [fifo])
    mkdirSync(folder)
    // Sparse: 16 MiB and one byte, over the cap, without writing them.
    writeFileSync(huge, '')
    truncateSync(huge, 16 * 1024 * 1024 + 1)
  })

  it.each([
    ['--record', '', /^token-sandbox: --record needs a file name \(it was empty\)$/],
    ['--record', folder, /--record .*a-folder is a directory: it must be a regular file or a new one$/],
    ['--record', '/dev/full', /--record \/dev\/full is not a regular file \(a device, FIFO or socket\)/],
    ['--record', '/dev/stdout', /--record \/dev\/stdout is not a regular file/],
    ['--record', fifo, /--record .*fifo is not a regular file/],
    ['--compare', fifo, /--compare .*fifo is a FIFO \(named pipe\), not a regular file$/],
    ['--compare', '/dev/zero', /--compare \/dev\/zero is a character device, not a regular file$/],
    ['--compare', folder, /--compare .*a-folder is a directory, not a regular file$/],
    ['--compare', huge, /--compare .*huge\.json is larger than 16 MiB, the most it may hold$/],
  ])('%s %j: exit 2, one line, before any case', async (flag, file, message) => {
    const { code, stdout, stderr } = await cli(['contract', 'complycube', '--sandbox', a.url, flag, file], 30_000)
    expect(code, stderr).toBe(2)
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(message)])
    expect(stdout).toBe('')
  })
})
